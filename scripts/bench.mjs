#!/usr/bin/env node
// npm run bench: builds the BBC corpus and the White House corpus (../shared/corpus)
// on one core (workers 0) and with worker threads (auto), and prints MB/s,
// articles/s and peak memory. Each run is a fresh process; machines are noisy,
// so compare the ratios within one run. `--repeat N` runs each case N times (best kept).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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
  for (const workers of ['0', 'auto']) {
    let best;
    for (let i = 0; i < repeat; i++) {
      const r = spawnSync(process.execPath, ['--expose-gc', 'scripts/bench-one.mjs', workers, dir], {
        encoding: 'utf8',
      });
      if (r.status !== 0) {
        console.error(`bench: ${name} failed:\n${r.stderr}`);
        process.exit(1);
      }
      const m = JSON.parse(r.stdout.trim().split('\n').pop());
      if (!best || m.seconds < best.seconds) best = m;
    }
    rows.push({ name, ...best });
  }
}

const pad = (s, n) => String(s).padStart(n);
console.log(
  'corpus                  workers  articles     MB   seconds   MB/s  articles/s  peak RSS MB  graph heap MB  nodes   edges',
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(22)} ${pad(r.workers || 'main', 8)} ${pad(r.articles, 9)} ${pad((r.bytes / 1e6).toFixed(1), 6)} ${pad(r.seconds.toFixed(2), 9)} ${pad((r.bytes / 1e6 / r.seconds).toFixed(2), 6)} ${pad((r.articles / r.seconds).toFixed(0), 11)} ${pad(r.peakRssMB.toFixed(0), 12)} ${pad(r.graphHeapMB.toFixed(0), 14)} ${pad(r.nodes, 6)} ${pad(r.edges, 7)}`,
  );
}
