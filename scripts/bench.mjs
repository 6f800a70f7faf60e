#!/usr/bin/env node
// npm run bench: builds the BBC corpus and the White House corpus (../shared/corpus)
// on one core (workers 0) and with worker threads (auto), and prints MB/s,
// articles/s and peak memory, then rebuilds each corpus from a filled extraction cache
// ("cache" rows: nothing changed, so every extraction is reused). Each run is a fresh process;
// machines are noisy, so compare the ratios within one run. `--repeat N` runs each case N
// times (best kept).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const shared = process.env.NEWSGRAPH_SHARED ?? '../shared';
const corpora = [
  ['bbc-2004-2005', `${shared}/corpus/bbc-2004-2005`],
  ['whitehouse-2022-2025', `${shared}/corpus/whitehouse-2022-2025/docs`],
];
const repeatIdx = process.argv.indexOf('--repeat');
const repeat = repeatIdx > 0 ? Number(process.argv[repeatIdx + 1]) : 1;

if (!existsSync('dist/pipeline/index.js')) {
  console.error('bench: dist/ is missing. Run `npm run build` first.');
  process.exit(2);
}

const rows = [];
for (const [name, dir] of corpora) {
  if (!existsSync(dir)) {
    console.error(`bench: ${dir} not found; skipping ${name} (set NEWSGRAPH_SHARED to the shared/ folder).`);
    continue;
  }
  const cacheDir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-cache-'));
  // The first cache run fills the cache (not measured); the measured ones reuse it.
  spawnSync(process.execPath, ['scripts/bench-one.mjs', 'auto', '--cache', cacheDir, dir], { encoding: 'utf8' });
  for (const [workers, label] of [
    ['0', 'main'],
    ['auto', ''],
    ['auto', 'cache'],
  ]) {
    let best;
    for (let i = 0; i < repeat; i++) {
      const cacheArgs = label === 'cache' ? ['--cache', cacheDir] : [];
      const r = spawnSync(process.execPath, ['--expose-gc', 'scripts/bench-one.mjs', workers, ...cacheArgs, dir], {
        encoding: 'utf8',
      });
      if (r.status !== 0) {
        console.error(`bench: ${name} failed:\n${r.stderr}`);
        process.exit(1);
      }
      const m = JSON.parse(r.stdout.trim().split('\n').pop());
      if (!best || m.seconds < best.seconds) best = m;
    }
    rows.push({ name, ...best, label });
  }
  rmSync(cacheDir, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padStart(n);
console.log(
  'corpus                      workers  articles     MB   seconds   MB/s  articles/s  peak RSS MB  graph heap MB  nodes   edges',
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(22)} ${pad(r.label === 'cache' ? `cache ${r.cached}` : r.workers || 'main', 12)} ${pad(r.articles, 9)} ${pad((r.bytes / 1e6).toFixed(1), 6)} ${pad(r.seconds.toFixed(2), 9)} ${pad((r.bytes / 1e6 / r.seconds).toFixed(2), 6)} ${pad((r.articles / r.seconds).toFixed(0), 11)} ${pad(r.peakRssMB.toFixed(0), 12)} ${pad(r.graphHeapMB.toFixed(0), 14)} ${pad(r.nodes, 6)} ${pad(r.edges, 7)}`,
  );
}
