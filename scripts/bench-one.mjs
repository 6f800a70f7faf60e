#!/usr/bin/env node
// One measured build, in a process of its own so its peak memory is its own:
//   node scripts/bench-one.mjs <workers> [--cache DIR] <inputs...>   → prints one JSON line
import { buildGraph, createFileCache } from '../dist/pipeline/index.js';

const [workers, ...rest] = process.argv.slice(2);
const cacheAt = rest[0] === '--cache' ? rest[1] : undefined;
const inputs = cacheAt ? rest.slice(2) : rest;
const t0 = performance.now();
const { graph, summary } = await buildGraph(inputs, {
  workers: workers === 'auto' ? 'auto' : Number(workers),
  ...(cacheAt ? { cache: createFileCache(cacheAt) } : {}),
});
const seconds = (performance.now() - t0) / 1000;
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
    workers: summary.workers,
    cached: summary.cached,
    nodes: graph.order,
    edges: graph.size,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    graphHeapMB: heapAfterGC / 1e6,
  }),
);
