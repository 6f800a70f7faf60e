#!/usr/bin/env node
// Speed of the relation extractors alone, on the built code (dist/, `npm run build`):
// sentences and entities are extracted first (untimed), then every relation
// extractor runs over every article; best of three rounds, per-extractor times.
//   node scripts/bench-relations.mjs [DIR ...]   (default ../shared/corpus/bbc-2004-2005)
//   NEWSGRAPH_DIST=/other/dist node scripts/bench-relations.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.env.NEWSGRAPH_DIST ?? 'dist');
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { createContext } = await load('extract/index.js');
const { entityExtractor } = await load('extract/entities/index.js');
const { relationExtractors } = await load('extract/relations/index.js');
const { sentenceExtractor } = await load('extract/sentences.js');

const files = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : n.endsWith('.txt') ? [p] : [];
    });

const dirs = process.argv.slice(2);
const paths = (dirs.length ? dirs : ['../shared/corpus/bbc-2004-2005']).flatMap((d) => files(resolve(d)));
let bytes = 0;
const contexts = paths.map((p) => {
  const text = readFileSync(p, 'utf8');
  bytes += Buffer.byteLength(text);
  const ctx = createContext({ id: p, path: p, text });
  sentenceExtractor.run(ctx);
  entityExtractor.run(ctx);
  return ctx;
});

const rounds = 3;
let best = Infinity;
let bestCpu = Infinity;
let bestPer = new Map();
let relations = 0;
for (let r = 0; r < rounds; r++) {
  // Fresh contexts each round, so nothing computed for an article carries over.
  const fresh = contexts.map((c) => ({ ...c, relations: [] }));
  const per = new Map();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const ctx of fresh) {
    for (const x of relationExtractors) {
      const t = performance.now();
      x.run(ctx);
      per.set(x.id, (per.get(x.id) ?? 0) + performance.now() - t);
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  // CPU time is steadier than wall time on a busy machine (it still counts GC helper threads).
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  if (ms < best) [best, bestPer] = [ms, per];
  relations = fresh.reduce((n, c) => n + c.relations.length, 0);
}
console.log(
  `${paths.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${relations} relations, ${best.toFixed(0)} ms (best of ${rounds})`,
);
console.log(
  `relation extractors: ${(bytes / 1e6 / (best / 1000)).toFixed(2)} MB/s wall, ${(bytes / 1e6 / (bestCpu / 1000)).toFixed(2)} MB/s CPU time`,
);
for (const [id, ms] of bestPer) console.log(`  ${id.padEnd(26)} ${ms.toFixed(0)} ms`);
