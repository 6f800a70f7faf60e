#!/usr/bin/env node
// npm run bench:export: times every streaming export format on a synthetic graph of 1M edges
// (100k entities; every edge with an evidence sentence, quotes on SAID, proposals on
// PROPOSED/REJECTED; names in several scripts, with quotes and commas) and reports the time,
// the file size and memory: the peak RSS of the process, and how much of it the export added
// on top of the graph itself ("export peak"), which stays flat because nothing is built in
// memory. Each format runs in a fresh process whose heap is capped at the graph's own heap plus
// 256 MB, so an export that grew with the graph would fail rather than look slow. Positions are left out (--no-layout): layout
// has its own cost and benchmark (bench:viewer). CPU seconds are printed beside wall time: on a
// busy machine they are the better guide to the time on an idle one. Needs dist/ (npm run build).
//
//   node scripts/bench-export.mjs [--edges 1000000] [--formats gexf,graphml,csv,cypher,json,jsonl] [--keep DIR]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    edges: { type: 'string', default: '1000000' },
    formats: { type: 'string', default: 'gexf,graphml,csv,cypher,json,jsonl' },
    keep: { type: 'string' },
    child: { type: 'string' },
    out: { type: 'string' },
  },
});
const EDGES = Number(values.edges);

/** Deterministic synthetic graph: EDGES / 10 entities, EDGES facts. */
async function syntheticGraph(edges) {
  const { createGraph, RELATION_TYPES } = await import('newsgraph');
  const g = createGraph();
  const nodes = Math.max(10, Math.floor(edges / 10));
  const labels = ['Person', 'Person', 'Person', 'Country', 'Organization', 'Event', 'Place'];
  const names = ['Volodymyr "Zelensky"', 'Владимир Путин', '习近平', "Keir O'Starmer", 'Smith, Jones & Co', 'محمد'];
  const articles = g.getAttribute('articles');
  for (let a = 0; a < 1000; a++)
    articles[`feed/${a}.txt`] = {
      id: `feed/${a}.txt`,
      path: `feed/${a}.txt`,
      title: `Article ${a}`,
      date: `2025-${String(1 + (a % 12)).padStart(2, '0')}-15`,
    };
  for (let i = 0; i < nodes; i++) {
    const label = labels[i % labels.length];
    const name = `${names[i % names.length]} ${i}`;
    const article = `feed/${i % 1000}.txt`;
    g.addNode(`${label.toLowerCase()}:${i}`, {
      label,
      name,
      aliases: [name, `${name.split(' ')[0]} ${i}`],
      articles: [article],
      mentions: [
        { article, start: 10, end: 10 + name.length, text: name },
        { article, start: 200, end: 200 + name.length, text: name },
      ],
      ...(label === 'Event' ? { date: '2025-08', place: 'Anchorage, Alaska' } : {}),
    });
  }
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) % nodes;
  for (let e = 0; e < edges; e++) {
    let s = rnd();
    let t = rnd();
    if (s === t) t = (t + 1) % nodes;
    const type = RELATION_TYPES[e % RELATION_TYPES.length];
    const source = `${labels[s % labels.length].toLowerCase()}:${s}`;
    const target = `${labels[t % labels.length].toLowerCase()}:${t}`;
    const article = `feed/${e % 1000}.txt`;
    const sentence = `On Friday, ${g.getNodeAttribute(source, 'name')} said "we will meet again; soon" to ${g.getNodeAttribute(target, 'name')} in a statement (${e}).`;
    const attrs = {
      type,
      evidence: [{ article, sentence, start: 100, end: 100 + sentence.length }],
      date: `2025-08-${String(1 + (e % 28)).padStart(2, '0')}`,
    };
    if (type === 'SAID')
      Object.assign(attrs, { quote: 'we will meet again; soon', quotes: ['we will meet again; soon'] });
    if (type === 'PROPOSED' || type === 'REJECTED')
      Object.assign(attrs, { what: 'a ceasefire, then talks', whats: ['a ceasefire, then talks'] });
    if (type === 'MET_WITH') attrs.status = 'occurred';
    g.addDirectedEdgeWithKey(`${type}:${source}->${target}:${e}`, source, target, attrs);
  }
  return g;
}

async function sizeOf(path) {
  const s = await stat(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const f of await readdir(path)) total += (await stat(join(path, f))).size;
  return total;
}

if (values.child === 'measure') {
  // Child: how much heap the graph alone holds, after a full GC.
  await syntheticGraph(EDGES).then((graph) => {
    globalThis.gc();
    process.stdout.write(JSON.stringify({ heap: process.memoryUsage().heapUsed, order: graph.order }) + '\n');
  });
  process.exit(0);
}

if (values.child) {
  // Child: build the graph, then export it once while sampling memory.
  const { exportGraph } = await import('newsgraph');
  const t0 = performance.now();
  const graph = await syntheticGraph(EDGES);
  const buildSeconds = (performance.now() - t0) / 1000;
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await exportGraph(graph, { format: values.child, out: values.out, layout: false });
  const seconds = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const bytes = await sizeOf(result.path);
  process.stdout.write(
    JSON.stringify({
      format: values.child,
      nodes: result.nodes,
      edges: result.edges,
      buildSeconds,
      seconds,
      cpuSeconds,
      bytes,
      base,
      peak,
    }) + '\n',
  );
  process.exit(0);
}

if (!existsSync('dist/index.js')) {
  console.error('bench-export: dist/ is missing. Run `npm run build` first.');
  process.exit(2);
}
// Each export then runs with its heap capped at the graph's own heap plus HEADROOM_MB: an export
// that built its output in memory (a 700 MB GEXF string, say) would run out of heap.
const HEADROOM_MB = 256;
const measured = spawnSync(
  process.execPath,
  [
    '--expose-gc',
    '--max-old-space-size=12000',
    'scripts/bench-export.mjs',
    '--child',
    'measure',
    '--edges',
    String(EDGES),
  ],
  { encoding: 'utf8' },
);
if (measured.status !== 0) {
  console.error(`bench-export: building the graph failed:\n${measured.stderr}`);
  process.exit(1);
}
const graphHeapMb = Math.ceil(JSON.parse(measured.stdout).heap / 2 ** 20);
const cap = graphHeapMb + HEADROOM_MB;
console.error(
  `bench-export: graph of ${EDGES.toLocaleString('en')} edges holds ${graphHeapMb} MB of heap; exports run with --max-old-space-size=${cap}`,
);
const dir = values.keep ?? (await mkdtemp(join(tmpdir(), 'newsgraph-bench-export-')));
const rows = [];
try {
  for (const format of values.formats.split(',')) {
    const out = join(dir, format === 'csv' ? 'csv' : `graph.${format}`);
    const r = spawnSync(
      process.execPath,
      [
        `--max-old-space-size=${cap}`,
        '--expose-gc',
        'scripts/bench-export.mjs',
        '--child',
        format,
        '--edges',
        String(EDGES),
        '--out',
        out,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (r.status !== 0) {
      console.error(`bench-export: ${format} failed (exit ${r.status}):\n${r.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const m = JSON.parse(r.stdout.trim().split('\n').pop());
    rows.push(m);
    const mb = (b) => (b / 2 ** 20).toFixed(0);
    console.error(
      `${format.padEnd(8)} ${m.edges.toLocaleString('en')} edges  ${m.seconds.toFixed(1).padStart(5)} s (CPU ${m.cpuSeconds.toFixed(1)} s)  ` +
        `${(m.edges / m.seconds / 1000).toFixed(0).padStart(4)}k edges/s  ${mb(m.bytes).padStart(5)} MB written  ` +
        `peak RSS ${mb(m.peak).padStart(5)} MB (graph ${mb(m.base)} MB, export +${mb(m.peak - m.base)} MB)`,
    );
    if (!values.keep) await rm(out, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify({ edges: EDGES, graphHeapMb, heapCapMb: cap, rows }, null, 2) + '\n');
