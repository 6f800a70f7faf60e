#!/usr/bin/env node
// One measured build, in a process of its own so its peak memory is its own:
//   node scripts/bench-one.mjs <workers> [--cache DIR] [--write FILE] <inputs...>   → prints one JSON line
// --write also writes the graph to FILE as `build` does (its time is `writeSeconds`, inside `seconds`).
import { writeGraphFile } from '../dist/graph/index.js';
import { buildGraph, createFileCache } from '../dist/pipeline/index.js';

let [workers, ...rest] = process.argv.slice(2);
const option = (name) => {
  if (rest[0] !== name) return undefined;
  const value = rest[1];
  rest = rest.slice(2);
  return value;
};
const cacheAt = option('--cache');
const writeTo = option('--write');
const inputs = rest;
const t0 = performance.now();
const { graph, summary } = await buildGraph(inputs, {
  workers: workers === 'auto' ? 'auto' : Number(workers),
  ...(cacheAt ? { cache: createFileCache(cacheAt) } : {}),
});
const t1 = performance.now();
if (writeTo) await writeGraphFile(writeTo, graph);
const seconds = (performance.now() - t0) / 1000;
const writeSeconds = (performance.now() - t1) / 1000;
const heapAfterGC = (() => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
})();
console.log(
  JSON.stringify({
    articles: summary.articles,
    skipped: summary.skipped.length,
    bytes: summary.bytes,
    seconds,
    writeSeconds,
    workers: summary.workers,
    cached: summary.cached,
    nodes: graph.order,
    edges: graph.size,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    graphHeapMB: heapAfterGC / 1e6,
  }),
);
