#!/usr/bin/env node
// npm run bench:scale — does a build cost grow linearly with the corpus?
//
// Replicates a corpus 1×, 2×, 4× and 8× (every article again under a new id: the copies sit in
// folders copy-0, copy-1, …, so an article's id, its path, differs per copy), builds each with worker
// threads (auto) in a process of its own (scripts/bench-one.mjs) and writes its graph.json, and prints
// time, MB/s and peak RSS per size, then the 8× time as a multiple of the 1× time. Target: ≤ 9×.
// The White House corpus is 17 MB, so 8× is about 136 MB of text.
//
// Options: --corpus DIR (../shared/corpus/whitehouse-2022-2025/docs), --sizes 1,2,4,8, --workers N|auto.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const shared = process.env.NEWSGRAPH_SHARED ?? '../shared';
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: `${shared}/corpus/whitehouse-2022-2025/docs` },
    sizes: { type: 'string', default: '1,2,4,8' },
    workers: { type: 'string', default: 'auto' },
  },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`bench-scale: --sizes ${values.sizes} is not a list of whole numbers of at least 1.`);
  process.exit(2);
}
if (!existsSync('dist/pipeline/index.js')) {
  console.error('bench-scale: dist/ is missing. Run `npm run build` first.');
  process.exit(2);
}
if (!existsSync(values.corpus)) {
  console.error(`bench-scale: ${values.corpus} not found (pass --corpus DIR, or set NEWSGRAPH_SHARED).`);
  process.exit(2);
}

/** Every file under `dir`, as paths relative to it. */
function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)));
}

const work = mkdtempSync(join(tmpdir(), 'newsgraph-bench-scale-'));
const fmt = (n, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
try {
  const names = files(values.corpus);
  // Copy k of the corpus, made once and shared by every size. Real copies: a hard link is the same
  // file (device and inode), which the build reads once.
  const copy = (k) => {
    const dir = join(work, 'copies', `copy-${k}`);
    if (existsSync(dir)) return dir;
    for (const name of names) {
      const to = join(dir, name);
      mkdirSync(join(to, '..'), { recursive: true });
      copyFileSync(join(values.corpus, name), to);
    }
    return dir;
  };
  const bytes = names.reduce((n, name) => n + statSync(join(values.corpus, name)).size, 0);
  console.log(
    `bench-scale: ${values.corpus}: ${names.length.toLocaleString('en-US')} files, ${fmt(bytes / 1e6)} MB; workers ${values.workers}`,
  );
  console.log('size | articles | MB | build + write s | write s | MB/s | peak RSS MB | nodes | edges');
  console.log('--- | --- | --- | --- | --- | --- | --- | --- | ---');
  const times = new Map();
  let base;
  for (const n of sizes) {
    const inputs = Array.from({ length: n }, (_, k) => copy(k));
    const out = join(work, `graph-${n}.json`);
    const r = spawnSync(process.execPath, ['scripts/bench-one.mjs', values.workers, '--write', out, ...inputs], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) {
      console.error(`bench-scale: the ${n}× build failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
      process.exit(1);
    }
    const m = JSON.parse(r.stdout.trim().split('\n').pop());
    rmSync(out, { force: true });
    if (n === Math.min(...sizes)) base = m.articles / n;
    if (m.articles !== base * n) {
      console.error(
        `bench-scale: the ${n}× build read ${m.articles} articles, not ${base * n}: the copies were not all read.`,
      );
      process.exit(1);
    }
    times.set(n, m.seconds);
    console.log(
      `${n}× | ${m.articles.toLocaleString('en-US')} | ${fmt(m.bytes / 1e6)} | ${fmt(m.seconds, 2)} | ${fmt(m.writeSeconds, 2)} | ${fmt(m.bytes / 1e6 / m.seconds, 2)} | ${fmt(m.peakRssMB, 0)} | ${m.nodes.toLocaleString('en-US')} | ${m.edges.toLocaleString('en-US')}`,
    );
  }
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  if (largest > smallest) {
    const ratio = times.get(largest) / times.get(smallest);
    const allowed = (largest / smallest) * (9 / 8);
    console.log(
      `\n${largest}× took ${fmt(ratio, 2)}× the time of ${smallest}× (linear would be ${largest / smallest}×; target ≤ ${fmt(allowed, 2)}×): ${ratio <= allowed ? 'met' : 'NOT met'}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
