#!/usr/bin/env node
// One measured build, in a process of its own so its peak memory is its own:
//   node scripts/bench-one.mjs <workers> <inputs...>   → prints one JSON line
import { buildGraph } from '../dist/pipeline/index.js';

const [workers, ...inputs] = process.argv.slice(2);
const t0 = performance.now();
const { graph, summary } = await buildGraph(inputs, { workers: workers === 'auto' ? 'auto' : Number(workers) });
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
    nodes: graph.order,
    edges: graph.size,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    graphHeapMB: heapAfterGC / 1e6,
  }),
);
