/**
 * What the export tests against the real Neo4j share: loading the csv export with
 * `LOAD CSV` (the statements are derived from the files' own neo4j-admin headers),
 * and a comparable snapshot of the whole database.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { ENTITY_LABELS, RELATION_TYPES } from '../../src/types.js';
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

/** A Cypher expression converting `row[header]` to the property neo4j-admin would store. */
function column(header: string, delimiter: string): [name: string, expr: string] {
  const [name, type = 'string'] = header.split(':') as [string, string | undefined];
  const cell = `row[${JSON.stringify(header)}]`;
  const d = JSON.stringify(delimiter);
  switch (type) {
    case 'string[]':
      return [name, `split(${cell}, ${d})`];
    case 'int[]':
      return [name, `[x IN split(${cell}, ${d}) | toInteger(x)]`];
    case 'int':
      return [name, `toInteger(${cell})`];
    default:
      return [name, cell];
  }
}

function propsMap(headers: string[], delimiter: string, keep: (name: string) => boolean): string {
  const parts = headers
    .filter((h) => !h.startsWith(':') && !h.endsWith(':LABEL'))
    .map((h) => column(h.replace(/:ID$/, ''), delimiter))
    .filter(([name]) => keep(name));
  // `id:ID` is read under its full header.
  return `{${parts.map(([n, e]) => `${n}: ${e.replace('row["id"]', 'row["id:ID"]')}`).join(', ')}}`;
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
    const nodeHeaders = files['nodes.csv']!.split(',');
    const relHeaders = files['relationships.csv']!.split(',');
    const nodesUrl = `file:///${sub}/nodes.csv`;
    const relsUrl = `file:///${sub}/relationships.csv`;
    const articleProps = new Set(['id', 'title', 'date', 'url', 'source']);
    const entityProps = new Set(['id', 'name', 'aliases', 'articles', 'mentionCount', 'date', 'place']);
    const d = { d: delimiter };

    await cypher(
      `LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':LABEL'] = 'Article'
       MERGE (n:Article {id: row['id:ID']}) SET n = ${propsMap(nodeHeaders, delimiter, (n) => articleProps.has(n))}`,
      { url: nodesUrl, ...d },
    );
    for (const label of ENTITY_LABELS) {
      await cypher(
        `LOAD CSV WITH HEADERS FROM $url AS row WITH row, split(row[':LABEL'], $d) AS labels WHERE 'Entity' IN labels AND $label IN labels
         MERGE (n:Entity {id: row['id:ID']}) SET n:\`${label}\` SET n = ${propsMap(nodeHeaders, delimiter, (n) => entityProps.has(n))}`,
        { url: nodesUrl, label, ...d },
      );
    }
    await cypher(
      `LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':TYPE'] = 'MENTIONED_IN'
       MATCH (e:Entity {id: row[':START_ID']}) MATCH (a:Article {id: row[':END_ID']})
       MERGE (e)-[m:MENTIONED_IN]->(a) SET m = ${propsMap(relHeaders, delimiter, (n) => n === 'count' || n === 'texts')}`,
      { url: relsUrl },
    );
    for (const type of RELATION_TYPES) {
      await cypher(
        `LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':TYPE'] = $type
         MATCH (s:Entity {id: row[':START_ID']}) MATCH (t:Entity {id: row[':END_ID']})
         MERGE (s)-[r:\`${type}\` {key: row.key}]->(t) SET r = ${propsMap(relHeaders, delimiter, (n) => n !== 'count' && n !== 'texts')}`,
        { url: relsUrl, type },
      );
    }
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
