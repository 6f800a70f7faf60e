/**
 * What the export tests against the real Neo4j share: loading the csv export with
 * `LOAD CSV` (src/sinks/neo4j/load-csv.ts derives the statements from the files' own headers),
 * and a comparable snapshot of the whole database.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { loadCsvStatements } from '../../src/sinks/neo4j/load-csv.js';
import { cypher } from '../neo4j/helpers.js';

/** The server's import folder (LOAD CSV reads `file:///…` URLs from there). */
export async function importDirectory(): Promise<string> {
  const [row] = await cypher("SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.import' RETURN value");
  return String(row!.value);
}

/** Whether the server reads `\"` inside a quoted CSV field as an escaped quote (Neo4j's default). */
export async function legacyQuoteEscaping(): Promise<boolean> {
  const [row] = await cypher(
    "SHOW SETTINGS YIELD name, value WHERE name = 'db.import.csv.legacy_quote_escaping' RETURN value",
  );
  const value: unknown = row?.value ?? 'true';
  return value === 'true' || value === true;
}

/** Loads a csv export folder with LOAD CSV into the database, as a user would without neo4j-admin. */
export async function loadCsvExport(folder: string, delimiter = '\u001f'): Promise<void> {
  const importDir = await importDirectory();
  const sub = `newsgraph-export-test-${process.pid}`;
  await mkdir(join(importDir, sub), { recursive: true });
  try {
    const files: Record<string, string> = {};
    for (const name of ['nodes.csv', 'relationships.csv']) {
      const text = await readFile(join(folder, name), 'utf8');
      files[name] = text.slice(0, text.indexOf('\n'));
      await writeFile(join(importDir, sub, name), text);
    }
    const statements = loadCsvStatements({
      nodesUrl: `file:///${sub}/nodes.csv`,
      relationshipsUrl: `file:///${sub}/relationships.csv`,
      nodesHeader: files['nodes.csv']!,
      relationshipsHeader: files['relationships.csv']!,
      delimiter,
    });
    for (const s of statements) await cypher(s.text, s.params);
  } finally {
    await rm(join(importDir, sub), { recursive: true, force: true });
  }
}

function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

export interface Snapshot {
  counts: { nodes: Record<string, number>; relationships: Record<string, number> };
  nodes: { labels: string[]; props: Record<string, unknown> }[];
  relationships: { start: string; type: string; end: string; props: Record<string, unknown> }[];
}

/** Every node and relationship with its labels/type and properties, in a stable order; counts per label and type. */
export async function snapshot(options: { dropEmptyLists?: boolean } = {}): Promise<Snapshot> {
  const clean = (props: unknown) => {
    const p = plain(props) as Record<string, unknown>;
    if (options.dropEmptyLists)
      for (const k of Object.keys(p)) if (Array.isArray(p[k]) && (p[k] as unknown[]).length === 0) delete p[k];
    return p;
  };
  const nodes = (await cypher('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id')).map(
    (r) => ({
      labels: (r.labels as string[]).slice().sort(),
      props: clean(r.props),
    }),
  );
  const relationships = (
    await cypher(
      'MATCH (a)-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props ORDER BY start, type, end, r.key',
    )
  ).map((r) => ({ start: r.start as string, type: r.type as string, end: r.end as string, props: clean(r.props) }));
  const tally = (keys: string[]) =>
    keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});
  return {
    counts: { nodes: tally(nodes.flatMap((n) => n.labels)), relationships: tally(relationships.map((r) => r.type)) },
    nodes,
    relationships,
  };
}
