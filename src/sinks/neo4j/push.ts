/**
 * Writes a KnowledgeGraph to Neo4j: the schema first (graph/schema.cypher), then articles and
 * entities, MENTIONED_IN links and facts, each as batched `UNWIND $rows …` in managed write
 * transactions (retried on transient errors). Labels and types come only from the schema's list;
 * every value is a parameter. Nodes are merged on their unique id, relationships created only where
 * none exists yet (facts are matched on their unique key), so a push is idempotent, and a push
 * interrupted half-way and run again ends with the same graph.
 */
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { UsageError } from '../../errors.js';
import type { KnowledgeGraph } from '../../types.js';
import { ENTITY_LABELS, RELATION_TYPES } from '../../types.js';
import type { ConnectionSettings } from './driver.js';
import { addressOf, openDriver } from './driver.js';
import { fromDriverError } from './errors.js';
import { compareStrings } from '../../util/text.js';
import {
  ARTICLE_PROPERTIES,
  ENTITY_PROPERTIES,
  FACT_PROPERTIES,
  MENTION_PROPERTIES,
  mentionRows as mentionsPerArticle,
  type Property,
  type PropertyType,
  type PropertyValue,
} from './model.js';
import { ARTICLE_LABEL, ENTITY_LABEL, MENTIONED_IN, NODE_LABELS, identifier, schemaStatements } from './schema.js';

/** What a push is doing, for a progress bar. `done`/`total` count rows over the whole push. */
export interface PushProgress {
  phase: 'schema' | 'reset' | 'articles' | 'entities' | 'mentions' | 'facts';
  done: number;
  total: number;
}

export interface PushSettings {
  /** Delete every node with a newsgraph label (and its relationships) before loading. */
  reset: boolean;
  /** Rows per transaction. */
  batchSize: number;
  /** Write transactions in flight at once. */
  concurrency: number;
}

export const DEFAULT_PUSH_SETTINGS: Readonly<PushSettings> = Object.freeze({
  reset: false,
  batchSize: 5_000,
  concurrency: 2,
});

export interface PushOptions extends ConnectionSettings, Partial<PushSettings> {
  onProgress?: (progress: PushProgress) => void;
}

export interface PushSummary {
  address: string;
  database: string | undefined;
  nodes: { created: number; updated: number; deleted: number };
  relationships: { created: number; updated: number; deleted: number };
  /** Rows written (articles, entities, links and facts). */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  relationshipsPerSecond: number;
}

/** Checks push settings; returns `{message}` for the first problem. */
export function validatePushSettings(s: PushSettings): { message: string } | undefined {
  if (!Number.isInteger(s.batchSize) || s.batchSize < 1 || s.batchSize > 100_000) {
    return { message: `neo4j: batch size ${s.batchSize} is out of range. Expecting an integer from 1 to 100000.` };
  }
  if (!Number.isInteger(s.concurrency) || s.concurrency < 1 || s.concurrency > 16) {
    return { message: `neo4j: concurrency ${s.concurrency} is out of range. Expecting an integer from 1 to 16.` };
  }
  return undefined;
}

/** One row of a write: a positional array, read in Cypher as `row[i]` (see `columns`). */
type Row = unknown[];
interface Job {
  phase: PushProgress['phase'];
  query: string;
  rows: Row[];
  kind: 'nodes' | 'relationships';
}

/** A property's value as a parameter: integers as Neo4j integers (a JS number would be stored as a float), absent as null. */
function parameter(type: PropertyType, value: PropertyValue | undefined): unknown {
  if (value === undefined) return null;
  if (type === 'int') return neo4j.int(value as number);
  if (type === 'int[]') return (value as readonly number[]).map((n) => neo4j.int(n));
  return value;
}

/**
 * The columns of one kind of row: the ids of its ends, if it is a relationship, then the model's
 * properties (model.ts, shared with the exports). Rows travel as arrays rather than maps because the
 * driver packs every map key of every row: arrays halve the client's packing time for facts, which
 * bounds the push on small machines. Every property but the identifying ones is written on every push
 * (an absent value as null, which removes the property), so a re-push replaces what an earlier one
 * wrote. The queries name each property instead of `SET n = map`, which would make the planner buffer
 * the whole batch (an Eager step) for fear the map overwrites the id or key that MERGE has just read.
 */
function columns<A>(ends: readonly string[], properties: readonly Property<A>[], identifying: readonly string[]) {
  const names = [...ends, ...properties.map((p) => p.name)];
  const index = (name: string) => names.indexOf(name);
  const at = (name: string) => `row[${index(name)}]`;
  return {
    index,
    at,
    row: (endIds: readonly string[], key: string, attrs: A, graph: KnowledgeGraph): Row => {
      const row: Row = endIds.slice();
      for (const p of properties) row.push(parameter(p.type, p.get(key, attrs, graph)));
      return row;
    },
    /** `v.p = row[i], …` for every property but the identifying ones. */
    assignments: (variable: string) =>
      properties
        .filter((p) => !identifying.includes(p.name))
        .map((p) => `${variable}.${p.name} = ${at(p.name)}`)
        .join(', '),
  };
}

const ARTICLE = columns([], ARTICLE_PROPERTIES, ['id']);
const ENTITY = columns([], ENTITY_PROPERTIES, ['id']);
const MENTION = columns(['entity', 'article'], MENTION_PROPERTIES, []);
const FACT = columns(['source', 'target'], FACT_PROPERTIES, ['key']);

/**
 * Creates relationship `pattern` when OPTIONAL MATCH found none (`existing` is null), else updates
 * `existing`. Unlike MERGE, which locks both end nodes exclusively for every row, CREATE takes the
 * kernel's lighter locks on densely connected nodes, so concurrent batches that share an article or a
 * much-mentioned actor do not wait for each other. A push's batches never hold the same pair.
 */
const createOrUpdate = (existing: string, pattern: string, created: string, assignments: (v: string) => string) =>
  `FOREACH (_ IN CASE WHEN ${existing} IS NULL THEN [1] ELSE [] END | CREATE ${pattern} SET ${assignments(created)}) SET ${assignments(existing)}`;

/** The write queries, one per label and type, built from the schema's own list only. */
export const QUERIES = {
  article: `UNWIND $rows AS row MERGE (n:${identifier(ARTICLE_LABEL)} {id: ${ARTICLE.at('id')}}) SET ${ARTICLE.assignments('n')}`,
  entity: (label: string) =>
    `UNWIND $rows AS row MERGE (n:${identifier(ENTITY_LABEL)} {id: ${ENTITY.at('id')}}) SET n:${identifier(label)}, ${ENTITY.assignments('n')}`,
  mention:
    `UNWIND $rows AS row MATCH (e:${identifier(ENTITY_LABEL)} {id: ${MENTION.at('entity')}}) MATCH (a:${identifier(ARTICLE_LABEL)} {id: ${MENTION.at('article')}}) ` +
    `OPTIONAL MATCH (e)-[old:${identifier(MENTIONED_IN)}]->(a) ` +
    createOrUpdate('old', `(e)-[m:${identifier(MENTIONED_IN)}]->(a)`, 'm', MENTION.assignments),
  fact: (type: string) =>
    `UNWIND $rows AS row MATCH (s:${identifier(ENTITY_LABEL)} {id: ${FACT.at('source')}}) MATCH (t:${identifier(ENTITY_LABEL)} {id: ${FACT.at('target')}}) ` +
    `OPTIONAL MATCH (s)-[old:${identifier(type)} {key: ${FACT.at('key')}}]->(t) ` +
    createOrUpdate('old', `(s)-[r:${identifier(type)} {key: ${FACT.at('key')}}]->(t)`, 'r', FACT.assignments),
  /** One batch of the reset: run until it deletes nothing. */
  reset: `MATCH (n) WHERE ${NODE_LABELS.map((l) => `n:${identifier(l)}`).join(' OR ')} WITH n LIMIT $limit DETACH DELETE n`,
};

function chunk<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Batches of at least `size` rows (or what is left) that never split a group (the rows with one value
 * in column `group`), each batch's rows ordered by the entity in column `entity`. Concurrent batches
 * then touch disjoint groups and lock entities in one global order, which keeps them from deadlocking.
 * `entityRank` gives each entity id its place in that order (numbers sort faster than ids, and
 * planning counts in the push's time).
 */
function groupedBatches(
  rows: Row[],
  size: number,
  group: number,
  entity: number,
  entityRank: Map<string, number>,
): Row[][] {
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) {
    const members = groups.get(row[group]);
    if (members) members.push(row);
    else groups.set(row[group], [row]);
  }
  const batches: Row[][] = [];
  let current: Row[] = [];
  for (const members of groups.values()) {
    current.push(...members);
    if (current.length >= size) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length) batches.push(current);
  return batches.map((batch) =>
    batch
      .map((row) => ({ row, rank: entityRank.get(row[entity] as string) ?? -1 }))
      .sort((x, y) => x.rank - y.rank)
      .map((x) => x.row),
  );
}

/**
 * Splits the graph into write jobs, in stages that must run one after the other: nodes (articles
 * and entities), then MENTIONED_IN links, then facts. Jobs within a stage may run concurrently.
 */
export function planPush(graph: KnowledgeGraph, batchSize: number): Job[][] {
  const articles = graph.getAttribute('articles') ?? {};
  const byLabel = new Map<string, Row[]>(ENTITY_LABELS.map((l) => [l, []]));
  const mentionRows: Row[] = [];
  graph.forEachNode((key, a) => {
    byLabel.get(a.label)?.push(ENTITY.row([], key, a, graph));
    for (const m of mentionsPerArticle(a)) mentionRows.push(MENTION.row([key, m.article], key, m, graph));
  });
  // An article a mention names but the graph's article list lacks still gets its node (id only).
  const articleIds = new Set([
    ...Object.keys(articles),
    ...mentionRows.map((r) => r[MENTION.index('article')] as string),
  ]);
  const articleRows = [...articleIds].map((id) => ARTICLE.row([], id, articles[id] ?? { id, path: id }, graph));
  const byType = new Map<string, Row[]>(RELATION_TYPES.map((t) => [t, []]));
  graph.forEachEdge((key, a, source, target) => byType.get(a.type)?.push(FACT.row([source, target], key, a, graph)));
  const jobs = (phase: Job['phase'], kind: Job['kind'], query: string, batches: Row[][]): Job[] =>
    batches.map((rows) => ({ phase, kind, query, rows }));
  const entityRank = new Map(
    graph
      .nodes()
      .sort(compareStrings)
      .map((key, i) => [key, i]),
  );
  return [
    [
      ...jobs('articles', 'nodes', QUERIES.article, chunk(articleRows, batchSize)),
      ...[...byLabel].flatMap(([label, rows]) =>
        jobs('entities', 'nodes', QUERIES.entity(label), chunk(rows, batchSize)),
      ),
    ],
    [
      // Whole articles per batch: an article is in one batch only, and actors are locked in id order.
      ...jobs(
        'mentions',
        'relationships',
        QUERIES.mention,
        groupedBatches(mentionRows, batchSize, MENTION.index('article'), MENTION.index('entity'), entityRank),
      ),
      ...[...byType].flatMap(([type, rows]) =>
        jobs(
          'facts',
          'relationships',
          QUERIES.fact(type),
          groupedBatches(rows, batchSize, FACT.index('source'), FACT.index('target'), entityRank),
        ),
      ),
    ],
  ];
}

/**
 * Pushes `graph` through an open driver. Most callers want `pushToNeo4j`, which also opens
 * and closes the driver.
 */
export async function pushGraph(
  driver: Driver,
  graph: KnowledgeGraph,
  options: {
    database?: string | undefined;
    address?: string;
    password?: string;
    onProgress?: (p: PushProgress) => void;
  } & Partial<PushSettings>,
): Promise<PushSummary> {
  const settings: PushSettings = {
    reset: options.reset ?? DEFAULT_PUSH_SETTINGS.reset,
    batchSize: options.batchSize ?? DEFAULT_PUSH_SETTINGS.batchSize,
    concurrency: options.concurrency ?? DEFAULT_PUSH_SETTINGS.concurrency,
  };
  const invalid = validatePushSettings(settings);
  if (invalid) throw new UsageError(invalid.message);
  const address = options.address ?? 'neo4j';
  const database = options.database;
  const t0 = performance.now();
  const summary: PushSummary = {
    address,
    database,
    nodes: { created: 0, updated: 0, deleted: 0 },
    relationships: { created: 0, updated: 0, deleted: 0 },
    rows: 0,
    seconds: 0,
    rowsPerSecond: 0,
    relationshipsPerSecond: 0,
  };
  const stages = planPush(graph, settings.batchSize);
  const total = stages.flat().reduce((n, j) => n + j.rows.length, 0);
  let done = 0;
  const progress = (phase: PushProgress['phase']) => options.onProgress?.({ phase, done, total });
  const fail = (err: unknown, statement: string) =>
    fromDriverError(err, { address, password: options.password, statement, module: 'push' });

  progress('schema');
  for (const statement of await missingSchemaStatements(driver, database)) {
    try {
      await driver.executeQuery(statement, {}, { database });
    } catch (err) {
      throw fail(err, statement);
    }
  }

  if (settings.reset) {
    progress('reset');
    // Batches in managed transactions (retried, and routed on clusters), until nothing is left.
    for (;;) {
      let c;
      try {
        const res = await driver.executeQuery(
          QUERIES.reset,
          { limit: neo4j.int(settings.batchSize) },
          { database, routing: neo4j.routing.WRITE },
        );
        c = res.summary.counters.updates();
      } catch (err) {
        throw fail(err, QUERIES.reset);
      }
      summary.nodes.deleted += c.nodesDeleted;
      summary.relationships.deleted += c.relationshipsDeleted;
      if (c.nodesDeleted === 0) break;
    }
  }

  const runJob = async (job: Job) => {
    let res;
    try {
      res = await driver.executeQuery(job.query, { rows: job.rows }, { database, routing: neo4j.routing.WRITE });
    } catch (err) {
      throw fail(err, job.query);
    }
    const c = res.summary.counters.updates();
    summary.rows += job.rows.length;
    if (job.kind === 'nodes') {
      summary.nodes.created += c.nodesCreated;
      summary.nodes.updated += job.rows.length - c.nodesCreated;
    } else {
      summary.relationships.created += c.relationshipsCreated;
      summary.relationships.updated += job.rows.length - c.relationshipsCreated;
      // Articles a mention names that the graph's article list lacks are created on the way.
      summary.nodes.created += c.nodesCreated;
    }
    done += job.rows.length;
    progress(job.phase);
  };

  for (const stage of stages) {
    // planPush orders rows so that parallel batches rarely wait for each other's locks; a deadlock
    // that still happens is detected by the server, and executeQuery retries the batch.
    const parallel = settings.concurrency;
    const queue = [...stage];
    const workers = Array.from({ length: Math.min(parallel, queue.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await runJob(job);
    });
    await Promise.all(workers);
  }

  summary.seconds = (performance.now() - t0) / 1000;
  const rels = summary.relationships.created + summary.relationships.updated;
  summary.rowsPerSecond = summary.seconds > 0 ? summary.rows / summary.seconds : 0;
  summary.relationshipsPerSecond = summary.seconds > 0 ? rels / summary.seconds : 0;
  return summary;
}

/** The name a schema statement gives its constraint or index (`CREATE … name IF NOT EXISTS`). */
const SCHEMA_NAME = /^CREATE\s+(?:CONSTRAINT|(?:[A-Z]+\s+)?INDEX)\s+([A-Za-z_][A-Za-z0-9_]*)\s+IF\s+NOT\s+EXISTS\b/i;

/**
 * The statements of graph/schema.cypher whose constraint or index the database lacks. Running one
 * that exists is harmless but costs a round trip each; a push checks both lists in two instead. When
 * the lists cannot be read (a user without the privilege), every statement is returned.
 */
async function missingSchemaStatements(driver: Driver, database: string | undefined): Promise<string[]> {
  const statements = schemaStatements();
  let existing: Set<string>;
  try {
    const names = async (show: string) =>
      (
        await driver.executeQuery(`${show} YIELD name RETURN name`, {}, { database, routing: neo4j.routing.READ })
      ).records.map((r) => String(r.get('name')));
    existing = new Set([...(await names('SHOW CONSTRAINTS')), ...(await names('SHOW INDEXES'))]);
  } catch {
    return statements;
  }
  return statements.filter((statement) => {
    const name = SCHEMA_NAME.exec(statement)?.[1];
    return !name || !existing.has(name);
  });
}

/**
 * Writes `graph` to the Neo4j server named in `options` (see the module comment). Throws
 * ConnectionError or AuthError when the server cannot be used, QueryError when it rejects a write.
 */
export async function pushToNeo4j(graph: KnowledgeGraph, options: PushOptions): Promise<PushSummary> {
  const driver = await openDriver(options, { module: 'push' });
  try {
    return await pushGraph(driver, graph, { ...options, address: addressOf(options) });
  } finally {
    await driver.close();
  }
}
