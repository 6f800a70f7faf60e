#!/usr/bin/env node
// npm run bench:neo4j — how fast `newsgraph push` writes to Neo4j.
//
// Builds the graph of the White House corpus (shared/corpus/whitehouse-2022-2025/docs) with the
// compiled library (dist/; run `npm run build` first), or — when that extraction yields fewer than
// 20,000 relationships — a synthetic graph of the same shape (50,000 nodes, 200,000 facts over
// 1,371 articles), and says which. Then pushes it twice: into an empty database (creates) and
// again (idempotent re-push: merges), and prints rows/s and relationships/s of each.
//
// It talks to NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD (default: the local server) and DELETES
// everything newsgraph wrote there first (push --reset). Target: ≥ 20,000 relationships/s on localhost.
// Options: --synthetic (skip the corpus), --batch-size N, --concurrency N, --corpus DIR.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    synthetic: { type: 'boolean', default: false },
    'batch-size': { type: 'string' },
    concurrency: { type: 'string' },
    corpus: { type: 'string' },
    nodes: { type: 'string', default: '50000' },
    edges: { type: 'string', default: '200000' },
  },
});
if (!existsSync(join(ROOT, 'dist/sinks/neo4j/index.js'))) {
  console.error('bench-neo4j: dist/ is missing. Run `npm run build` first.');
  process.exit(1);
}
const { pushToNeo4j } = await import(join(ROOT, 'dist/sinks/neo4j/index.js'));
const { createGraph } = await import(join(ROOT, 'dist/graph/build.js'));
const { seededRandom } = await import(join(ROOT, 'dist/graph/layout.js'));

const connection = {
  uri: process.env.NEO4J_URI || 'bolt://127.0.0.1:7687',
  username: process.env.NEO4J_USERNAME || 'neo4j',
  password: process.env.NEO4J_PASSWORD || 'newsgraph',
  database: process.env.NEO4J_DATABASE || undefined,
};
const corpus = values.corpus ?? resolve(ROOT, '../shared/corpus/whitehouse-2022-2025/docs');

/** A deterministic synthetic graph shaped like a news graph: people and countries, MET_WITH/SAID/PROPOSED/REJECTED facts. */
function synthetic(nodeCount, edgeCount, articleCount = 1371) {
  const rand = seededRandom(42);
  const g = createGraph();
  const articles = g.getAttribute('articles');
  for (let i = 0; i < articleCount; i++) articles[`doc-${i}.txt`] = { id: `doc-${i}.txt`, path: `doc-${i}.txt`, title: `Article ${i}`, date: '2024-01-01' };
  const keys = [];
  for (let i = 0; i < nodeCount; i++) {
    const label = i % 10 === 0 ? 'Country' : i % 10 === 1 ? 'Organization' : 'Person';
    const key = `${label}:actor ${i}`;
    const arts = [`doc-${Math.floor(rand() * articleCount)}.txt`, `doc-${Math.floor(rand() * articleCount)}.txt`];
    g.addNode(key, {
      label,
      name: `Actor ${i}`,
      aliases: [`Actor ${i}`, `A. ${i}`],
      articles: [...new Set(arts)].sort(),
      mentions: arts.map((article) => ({ article, start: 10, end: 20, text: `Actor ${i}` })),
    });
    keys.push(key);
  }
  const types = ['MET_WITH', 'SAID', 'PROPOSED', 'REJECTED'];
  // Skewed degrees, as in news: a few actors are in many facts.
  const pick = () => keys[Math.floor(keys.length * rand() ** 2)];
  let made = 0;
  while (made < edgeCount) {
    const s = pick();
    const t = keys[Math.floor(rand() * keys.length)];
    const type = types[made % types.length];
    const key = `${type}:${s}->${t}`;
    if (s === t || g.hasEdge(key)) continue;
    const article = `doc-${Math.floor(rand() * articleCount)}.txt`;
    const sentence = `Sentence ${made}: ${s} and ${t} in a typical news sentence of about this length.`;
    g.addDirectedEdgeWithKey(key, s, t, {
      type,
      evidence: [{ article, sentence, start: 100, end: 100 + sentence.length }],
      ...(type === 'MET_WITH' ? { status: 'occurred', date: '2024-01-01' } : {}),
      ...(type === 'SAID' ? { quote: `Quote ${made}`, quotes: [`Quote ${made}`] } : {}),
      ...(type === 'PROPOSED' || type === 'REJECTED' ? { what: `proposal ${made % 500}`, whats: [`proposal ${made % 500}`] } : {}),
    });
    made++;
  }
  return g;
}

let graph;
let source;
if (!values.synthetic && existsSync(corpus)) {
  try {
    const { buildGraph } = await import(join(ROOT, 'dist/index.js'));
    const t0 = performance.now();
    const built = await buildGraph([corpus], {});
    graph = built.graph;
    source = `White House corpus (${built.summary.articles} articles, built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`;
  } catch (err) {
    console.error(`bench-neo4j: could not build the corpus graph (${err.message.split('\n')[0]}); using a synthetic graph.`);
  }
}
const fmt = (n) => Math.round(n).toLocaleString('en-US');
if (graph && graph.size < 20_000) {
  // Too small to measure a rate well, but real: push it once and report it, then measure on the synthetic graph.
  const s = await pushToNeo4j(graph, { ...connection, reset: true });
  console.log(
    `bench-neo4j: ${source}: ${fmt(graph.order)} entities, ${fmt(graph.size)} facts pushed in ${s.seconds.toFixed(1)} s ` +
      `(${fmt(s.rowsPerSecond)} rows/s, ${fmt(s.relationshipsPerSecond)} relationships/s)`,
  );
}
if (!graph || graph.size < 20_000) {
  const why = graph ? `the corpus graph has only ${graph.size} relationships` : values.synthetic ? '--synthetic' : 'no corpus graph';
  graph = synthetic(Number(values.nodes), Number(values.edges));
  source = `SYNTHETIC graph of the same shape (${why})`;
}

let mentionLinks = 0;
graph.forEachNode((_k, a) => (mentionLinks += new Set([...a.articles, ...a.mentions.map((m) => m.article)]).size));
console.log(`bench-neo4j: ${source}`);
console.log(`bench-neo4j: ${graph.order.toLocaleString('en-US')} entities, ${graph.size.toLocaleString('en-US')} facts, ${mentionLinks.toLocaleString('en-US')} mention links → ${connection.uri}`);

const options = {
  ...connection,
  ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
};
// Empty the database first (pushing an empty graph with reset), so the first push times creation only.
const cleared = await pushToNeo4j(createGraph(), { ...connection, reset: true });
console.log(`bench-neo4j: emptied the database first (${fmt(cleared.nodes.deleted)} nodes deleted in ${cleared.seconds.toFixed(1)} s)`);
for (const name of ['first push (into an empty database)', 'second push (same graph: merges only)']) {
  const s = await pushToNeo4j(graph, options);
  console.log(
    `${name}: ${s.seconds.toFixed(1)} s, ${fmt(s.rows)} rows, ${fmt(s.rowsPerSecond)} rows/s, ${fmt(s.relationshipsPerSecond)} relationships/s ` +
      `(nodes ${fmt(s.nodes.created)} created/${fmt(s.nodes.updated)} updated, relationships ${fmt(s.relationships.created)} created/${fmt(s.relationships.updated)} updated)`,
  );
}
