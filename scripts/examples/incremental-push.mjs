#!/usr/bin/env node
// Incremental update: extract only the articles not seen before, rebuild the graph from the
// saved extractions plus the new ones (cheap, and the same graph a full build gives), push only
// the entities and facts that are new or changed to Neo4j, and save the state for next time.
//
//   node scripts/examples/incremental-push.mjs <articles folder...> --state out/state
//
// State folder: extractions.jsonl (one extraction per article) and graph.json (the last graph).
// Connection: NEO4J_URI (bolt://127.0.0.1:7687), NEO4J_USERNAME (neo4j), NEO4J_PASSWORD,
// NEO4J_DATABASE. Run `npm run build` first.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createGraph,
  extractArticle,
  filterGraph,
  GraphBuilder,
  pushToNeo4j,
  readArticles,
  readGraphFile,
  toSerialized,
  writeGraphFile,
} from 'newsgraph';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { state: { type: 'string' } } });
if (positionals.length === 0 || !values.state) {
  console.error('usage: incremental-push.mjs <articles...> --state <folder>');
  process.exit(2);
}
const cacheFile = join(values.state, 'extractions.jsonl');
const graphFile = join(values.state, 'graph.json');
await mkdir(values.state, { recursive: true });

const cache = new Map();
if (existsSync(cacheFile)) {
  for (const line of (await readFile(cacheFile, 'utf8')).split('\n'))
    if (line) cache.set(JSON.parse(line).article.id, JSON.parse(line));
}
const saved = existsSync(graphFile) ? await readGraphFile(graphFile) : createGraph();

// Rebuild in input order: saved extractions for known articles, extraction for new ones.
const builder = new GraphBuilder();
const fresh = [];
for await (const item of readArticles(positionals)) {
  if (item.kind !== 'article') continue;
  let extraction = cache.get(item.article.id);
  if (!extraction) fresh.push((extraction = extractArticle(item.article)));
  builder.add(extraction);
}
if (fresh.length === 0) {
  console.error('incremental-push: no new articles.');
  process.exit(0);
}
const graph = builder.graph;

// What changed: nodes and edges that are new or whose attributes differ from the saved graph.
const text = (s) => new Map([...s.nodes, ...s.edges].map((x) => [x.key, JSON.stringify(x)]));
const before = text(toSerialized(saved));
const after = text(toSerialized(graph));
const changed = new Set([...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k));
// A fact also carries its event's name, so it changes when the event does; its ends and its
// event go with it (push reads the event's name from the graph it is given).
graph.forEachEdge((key, a) => a.event && changed.has(a.event) && changed.add(key));
graph.forEachEdge((key, a, source, target) => {
  if (!changed.has(key)) return;
  changed.add(source).add(target);
  if (a.event && graph.hasNode(a.event)) changed.add(a.event);
});
const changes = filterGraph(graph, { node: (key) => changed.has(key), edge: (key) => changed.has(key) });

const summary = await pushToNeo4j(changes, {
  uri: process.env.NEO4J_URI || 'bolt://127.0.0.1:7687',
  username: process.env.NEO4J_USERNAME || 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: process.env.NEO4J_DATABASE || undefined,
});
await appendFile(cacheFile, fresh.map((e) => JSON.stringify(e) + '\n').join(''));
await writeGraphFile(graphFile, graph);

const gone = saved.nodes().filter((k) => !graph.hasNode(k));
console.error(
  `incremental-push: ${fresh.length} new articles; pushed ${changes.order} entities and ${changes.size} facts ` +
    `(${summary.nodes.created} nodes, ${summary.relationships.created} relationships created).` +
    (gone.length
      ? ` ${gone.length} entities of the saved graph are gone; run 'newsgraph push --reset' to drop them.`
      : ''),
);
