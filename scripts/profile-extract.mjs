#!/usr/bin/env node
// Per-extractor speed on the built code (dist/, `npm run build`), in CPU time, which
// stays meaningful on a loaded machine where wall clock does not. Articles are read
// with the real ingest first (untimed), then every extractor runs over every article
// in pipeline order; the graph builder (cross-article resolution) is timed last.
//   node scripts/profile-extract.mjs [--limit N] [--rounds N] DIR ...
//   NEWSGRAPH_DIST=/other/dist node scripts/profile-extract.mjs DIR   (compare builds)
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.env.NEWSGRAPH_DIST ?? 'dist');
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { createContext, DEFAULT_EXTRACTORS } = await load('extract/index.js');
const { readArticles } = await load('ingest/index.js');
const { GraphBuilder } = await load('graph/build.js');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  return v;
};
const limit = opt('--limit', Infinity);
const rounds = opt('--rounds', 1);
const dirs = args.length ? args : ['../shared/corpus/bbc-2004-2005'];

const articles = [];
const ingestFrom = process.cpuUsage();
for await (const item of readArticles(dirs)) {
  if (item.kind === 'article') articles.push(item.article);
  if (articles.length >= limit) break;
}
const mb = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
const ingest = process.cpuUsage(ingestFrom);

// µs of CPU (user + system) since `from`.
const cpu = (from) => {
  const d = process.cpuUsage(from);
  return d.user + d.system;
};
let best;
for (let r = 0; r < rounds; r++) {
  const per = new Map(DEFAULT_EXTRACTORS.map((x) => [x.id, 0]));
  const extractions = [];
  const all = process.cpuUsage();
  for (const article of articles) {
    const ctx = createContext(article);
    for (const x of DEFAULT_EXTRACTORS) {
      const c0 = process.cpuUsage();
      x.run(ctx);
      per.set(x.id, per.get(x.id) + cpu(c0));
    }
    const { text: _t, ...meta } = article;
    extractions.push({ article: meta, entities: [...ctx.entities.values()], relations: ctx.relations });
  }
  const extract = cpu(all);
  const c0 = process.cpuUsage();
  const builder = new GraphBuilder();
  for (const e of extractions) builder.add(e);
  per.set('graph+resolve', cpu(c0));
  if (!best || extract < best.extract) best = { per, extract };
}
const rate = (us) => (mb / (us / 1e6)).toFixed(2).padStart(8);
console.log(`${articles.length} articles, ${mb.toFixed(2)} MB; CPU-time MB/s (best of ${rounds})`);
const ingestUs = ingest.user + ingest.system;
console.log(
  `  ${'ingest (first read)'.padEnd(24)} ${(mb / (ingestUs / 1e6)).toFixed(2).padStart(8)} MB/s  ${(ingestUs / 1000).toFixed(0).padStart(7)} ms`,
);
for (const [id, us] of best.per)
  console.log(`  ${id.padEnd(24)} ${rate(us)} MB/s  ${(us / 1000).toFixed(0).padStart(7)} ms`);
console.log(
  `  ${'extract total'.padEnd(24)} ${rate(best.extract)} MB/s  ${(best.extract / 1000).toFixed(0).padStart(7)} ms`,
);
