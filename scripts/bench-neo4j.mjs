#!/usr/bin/env node
// npm run bench:neo4j — how fast `newsgraph push` writes to Neo4j.
//
// Builds the graph of the White House corpus (shared/corpus/whitehouse-2022-2025/docs) with the
// compiled library (dist/; run `npm run build` first), then a larger synthetic graph of the same
// shape (50,000 entities, 200,000 facts over 1,371 articles). For each graph and each of --rounds
// rounds: empties the database, pushes the graph (everything is created), pushes it again (everything
// is matched and updated), and prints rows/s and relationships/s (MENTIONED_IN links and facts over
// the push's whole time, nodes and schema included). Then the median of each over the rounds: the
// first round also pays the server's query planning and warm-up.
//
// Side by side (unless --no-compare), once per graph: the graph's csv export loaded with LOAD CSV
// into the emptied database on the same server (src/sinks/neo4j/load-csv.ts, 5,000 rows per
// transaction), and imported with `neo4j-admin database import full` into a new store in a temporary
// home (scripts/neo4j-admin-import.mjs; offline, as that tool works). Each prints relationships/s and
// the first push's rate as a ratio of it. Goal: push within 2× of LOAD CSV.
//
// It talks only to the local server `npm run neo4j:start` started (home .neo4j/home/, or
// NEWSGRAPH_NEO4J_HOME; address and password from <home>/server.json), never to the server NEO4J_URI
// names, and DELETES everything newsgraph wrote there first (push --reset), once the server has shown
// that its data folder is that home's. Target: ≥ 20,000 relationships/s on localhost.
// Options: --rounds N (3), --corpus DIR, --no-corpus, --no-synthetic, --nodes N, --edges N,
// --batch-size N, --concurrency N, --no-compare.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    'no-corpus': { type: 'boolean', default: false },
    'no-synthetic': { type: 'boolean', default: false },
    'no-compare': { type: 'boolean', default: false },
    'batch-size': { type: 'string' },
    concurrency: { type: 'string' },
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
const { RELATIONS } = await import(join(ROOT, 'dist/relation-types.js'));
const { exportGraph } = await import(join(ROOT, 'dist/sinks/exports/index.js'));
const { loadCsvStatements } = await import(join(ROOT, 'dist/sinks/neo4j/load-csv.js'));
const { adminImport, localNeo4jLib } = await import('./neo4j-admin-import.mjs');

const connection = await localServer(resolve(process.env.NEWSGRAPH_NEO4J_HOME ?? join(ROOT, '.neo4j/home')));
const corpus = values.corpus ?? resolve(ROOT, '../shared/corpus/whitehouse-2022-2025/docs');

/** A deterministic synthetic graph shaped like a news graph: people and countries, MET_WITH/SAID/PROPOSED/REJECTED facts. */
function synthetic(nodeCount, edgeCount, articleCount = 1371) {
  const rand = seededRandom(42);
  const g = createGraph();
  const articles = g.getAttribute('articles');
  for (let i = 0; i < articleCount; i++)
    articles[`doc-${i}.txt`] = { id: `doc-${i}.txt`, path: `doc-${i}.txt`, title: `Article ${i}`, date: '2024-01-01' };
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
  // The scored facts of the relation registry (MET_WITH, SAID, PROPOSED, REJECTED).
  const types = RELATIONS.filter((d) => d.kind === 'fact').map((d) => d.type);
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
      ...(type === 'PROPOSED' || type === 'REJECTED'
        ? { what: `proposal ${made % 500}`, whats: [`proposal ${made % 500}`] }
        : {}),
    });
    made++;
  }
  return g;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`bench-neo4j: --rounds ${values.rounds} is not a whole number of at least 1.`);
  process.exit(1);
}
const options = {
  ...connection,
  ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
};

async function bench(name, graph) {
  let mentionLinks = 0;
  graph.forEachNode((_k, a) => (mentionLinks += new Set([...a.articles, ...a.mentions.map((m) => m.article)]).size));
  console.log(
    `\n${name}: ${fmt(graph.order)} entities, ${fmt(graph.size)} facts, ${fmt(mentionLinks)} mention links → ${connection.uri}`,
  );
  const rates = { first: [], again: [] };
  for (let round = 1; round <= rounds; round++) {
    // Empty the database (an empty graph pushed with reset), so the first push times creation only.
    const cleared = await pushToNeo4j(createGraph(), { ...connection, reset: true });
    const line = [`  round ${round}: emptied (${fmt(cleared.nodes.deleted)} nodes deleted)`];
    for (const kind of ['first', 'again']) {
      const s = await pushToNeo4j(graph, options);
      rates[kind].push(s.relationshipsPerSecond);
      line.push(
        `${kind === 'first' ? 'first push' : 're-push'} ${s.seconds.toFixed(2)} s, ${fmt(s.rowsPerSecond)} rows/s, ${fmt(s.relationshipsPerSecond)} relationships/s ` +
          `(${fmt(s.relationships.created)} created, ${fmt(s.relationships.updated)} updated)`,
      );
    }
    console.log(line.join('; '));
  }
  console.log(
    `  median over ${rounds} rounds: first push ${fmt(median(rates.first))} relationships/s, re-push ${fmt(median(rates.again))} relationships/s (target ≥ 20,000)`,
  );
  if (!values['no-compare']) await compare(graph, median(rates.first));
}

/** Loads the graph's csv export with LOAD CSV and with neo4j-admin, and prints the push's rate against each. */
async function compare(graph, pushRate) {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-neo4j-'));
  try {
    const csv = join(dir, 'csv');
    const exported = await exportGraph(graph, { format: 'csv', out: csv });
    const relationships = exported.edges;

    await pushToNeo4j(createGraph(), { ...connection, reset: true });
    const neo4j = (await import('neo4j-driver')).default;
    const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password));
    const session = driver.session();
    const importDir = (
      await session.run("SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.import' RETURN value")
    ).records[0].get('value');
    const sub = `newsgraph-bench-${process.pid}`;
    mkdirSync(join(importDir, sub), { recursive: true });
    const header = (name) => {
      copyFileSync(join(csv, name), join(importDir, sub, name));
      const text = readFileSync(join(csv, name), 'utf8');
      return text.slice(0, text.indexOf('\n'));
    };
    const statements = loadCsvStatements({
      nodesUrl: `file:///${sub}/nodes.csv`,
      relationshipsUrl: `file:///${sub}/relationships.csv`,
      nodesHeader: header('nodes.csv'),
      relationshipsHeader: header('relationships.csv'),
      delimiter: '\u001f',
      batchSize: 5_000,
    });
    // The schema (constraints give MERGE its index) is in place: the reset push above created it.
    const t0 = performance.now();
    for (const s of statements) await session.run(s.text, s.params);
    const loadSeconds = (performance.now() - t0) / 1000;
    await session.close();
    await driver.close();
    rmSync(join(importDir, sub), { recursive: true, force: true });
    const loadRate = relationships / loadSeconds;
    console.log(
      `  LOAD CSV: ${loadSeconds.toFixed(2)} s, ${fmt(loadRate)} relationships/s; push rate ÷ LOAD CSV rate = ${(pushRate / loadRate).toFixed(2)} (goal ≥ 0.5: push within 2× of LOAD CSV)`,
    );

    const lib = localNeo4jLib(ROOT);
    if (!lib) {
      console.log('  neo4j-admin import: skipped, no local Neo4j jars (run `node scripts/neo4j.mjs install`)');
      return;
    }
    const imported = adminImport({ lib, csvFolder: csv, home: join(dir, 'home') });
    const adminRate = imported.relationships / imported.seconds;
    console.log(
      `  neo4j-admin import (offline, new store, JVM start included): ${imported.seconds.toFixed(2)} s, ${fmt(adminRate)} relationships/s; push rate ÷ import rate = ${(pushRate / adminRate).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!values['no-corpus']) {
  if (!existsSync(corpus)) {
    console.error(`bench-neo4j: ${corpus} does not exist: pass --corpus DIR or --no-corpus.`);
    process.exit(1);
  }
  const { buildGraph } = await import(join(ROOT, 'dist/index.js'));
  const t0 = performance.now();
  const built = await buildGraph([corpus], {});
  await bench(
    `White House corpus (${fmt(built.summary.articles)} articles, built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    built.graph,
  );
}
if (!values['no-synthetic']) {
  await bench(
    `Synthetic graph (${values.nodes} entities, ${values.edges} facts, skewed degrees)`,
    synthetic(Number(values.nodes), Number(values.edges)),
  );
}

/**
 * The connection to the server scripts/neo4j.mjs started in `home`, once that server has shown its
 * data folder is `<home>/data`: this benchmark empties the database, so it never uses another one.
 */
async function localServer(home) {
  const stop = (why) => {
    console.error(
      `bench-neo4j: ${why} Start the local server with \`npm run neo4j:start\` (it writes ${join(home, 'server.json')}).`,
    );
    process.exit(1);
  };
  let info;
  try {
    info = JSON.parse(readFileSync(join(home, 'server.json'), 'utf8'));
  } catch {
    stop(`${join(home, 'server.json')} is missing.`);
  }
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(info.uri, neo4j.auth.basic(info.username, info.password), { connectionTimeout: 5000 });
  let data;
  try {
    const session = driver.session();
    const { records } = await session.run(
      "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value",
    );
    await session.close();
    data = records[0]?.get('value');
  } catch (err) {
    stop(`${info.uri} does not answer as the local server (${err.message.split('\n')[0]}).`);
  } finally {
    await driver.close();
  }
  if (typeof data !== 'string' || resolve(data) !== join(home, 'data'))
    stop(`${info.uri} keeps its data in ${data}, not in ${join(home, 'data')}: it is not the local server.`);
  return { uri: info.uri, username: info.username, password: info.password, database: undefined };
}
