/**
 * Writes a KnowledgeGraph to Neo4j: the schema first (graph/schema.cypher), then articles,
 * entities, MENTIONED_IN links and facts, each as batched `UNWIND $rows … MERGE` in managed
 * write transactions (retried on transient errors). Labels and types come only from the
 * schema's list; every value is a parameter. MERGE on unique ids and keys makes a push
 * idempotent, and a push interrupted half-way and run again ends with the same graph.
 */
import neo4j from 'neo4j-driver';
import type { Driver, Integer } from 'neo4j-driver';
import { UsageError } from '../../errors.js';
import type { EntityAttrs, KnowledgeGraph, RelationAttrs } from '../../types.js';
import { ENTITY_LABELS, RELATION_TYPES } from '../../types.js';
import type { ConnectionSettings } from './driver.js';
import { addressOf, openDriver } from './driver.js';
import { fromDriverError } from './errors.js';
import { mentionRows as mentionsPerArticle } from '../../graph/mentions.js';
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

export const DEFAULT_PUSH_SETTINGS: Readonly<PushSettings> = Object.freeze({ reset: false, batchSize: 5_000, concurrency: 2 });

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

type Row = Record<string, unknown>;
interface Job {
  phase: PushProgress['phase'];
  query: string;
  rows: Row[];
  kind: 'nodes' | 'relationships';
}

const int = (n: number): Integer => neo4j.int(n);
function compact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

function entityProps(key: string, a: EntityAttrs): Row {
  return compact({
    id: key,
    name: a.name,
    aliases: a.aliases,
    articles: a.articles,
    mentionCount: int(a.mentions.length),
    date: a.date,
    place: a.place,
  });
}

function factProps(key: string, a: RelationAttrs, eventName: string | undefined): Row {
  return compact({
    key,
    articles: a.evidence.map((e) => e.article),
    sentences: a.evidence.map((e) => e.sentence),
    starts: a.evidence.map((e) => int(e.start)),
    ends: a.evidence.map((e) => int(e.end)),
    evidenceCount: int(a.evidence.length),
    status: a.status,
    event: a.event,
    eventName,
    quote: a.quote,
    quotes: a.quotes,
    what: a.what,
    whats: a.whats,
    date: a.date,
  });
}

/** The write queries, one per label and type, built from the schema's own list only. */
export const QUERIES = {
  article: `UNWIND $rows AS row MERGE (n:${identifier(ARTICLE_LABEL)} {id: row.id}) SET n = row.props`,
  entity: (label: string) =>
    `UNWIND $rows AS row MERGE (n:${identifier(ENTITY_LABEL)} {id: row.id}) SET n:${identifier(label)} SET n = row.props`,
  mention: `UNWIND $rows AS row MATCH (e:${identifier(ENTITY_LABEL)} {id: row.id}) MERGE (a:${identifier(ARTICLE_LABEL)} {id: row.article}) MERGE (e)-[m:${identifier(MENTIONED_IN)}]->(a) SET m.count = row.count, m.texts = row.texts`,
  fact: (type: string) =>
    `UNWIND $rows AS row MATCH (s:${identifier(ENTITY_LABEL)} {id: row.source}) MATCH (t:${identifier(ENTITY_LABEL)} {id: row.target}) MERGE (s)-[r:${identifier(type)} {key: row.key}]->(t) SET r = row.props`,
  /** One batch of the reset: run until it deletes nothing. */
  reset: `MATCH (n) WHERE ${NODE_LABELS.map((l) => `n:${identifier(l)}`).join(' OR ')} WITH n LIMIT $limit DETACH DELETE n`,
};

function chunk<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Splits the graph into write jobs, in dependency order: articles, entities, mentions, facts. */
export function planPush(graph: KnowledgeGraph, batchSize: number): Job[][] {
  const articles = graph.getAttribute('articles') ?? {};
  const articleRows: Row[] = Object.values(articles).map((a) => ({
    id: a.id,
    props: compact({ id: a.id, title: a.title, date: a.date, url: a.url, source: a.source }),
  }));
  const byLabel = new Map<string, Row[]>(ENTITY_LABELS.map((l) => [l, []]));
  const mentionRows: Row[] = [];
  graph.forEachNode((key, a) => {
    byLabel.get(a.label)?.push({ id: key, props: entityProps(key, a) });
    for (const m of mentionsPerArticle(a)) mentionRows.push({ id: key, article: m.article, count: int(m.count), texts: m.texts });
  });
  const byType = new Map<string, Row[]>(RELATION_TYPES.map((t) => [t, []]));
  graph.forEachEdge((key, a, source, target) => {
    const eventName = a.event && graph.hasNode(a.event) ? graph.getNodeAttribute(a.event, 'name') : undefined;
    byType.get(a.type)?.push({ key, source, target, props: factProps(key, a, eventName) });
  });
  const jobs = (phase: Job['phase'], kind: Job['kind'], query: string, rows: Row[]): Job[] =>
    chunk(rows, batchSize).map((r) => ({ phase, kind, query, rows: r }));
  return [
    jobs('articles', 'nodes', QUERIES.article, articleRows),
    [...byLabel].flatMap(([label, rows]) => jobs('entities', 'nodes', QUERIES.entity(label), rows)),
    jobs('mentions', 'relationships', QUERIES.mention, mentionRows),
    [...byType].flatMap(([type, rows]) => jobs('facts', 'relationships', QUERIES.fact(type), rows)),
  ];
}

/**
 * Pushes `graph` through an open driver. Most callers want `pushToNeo4j`, which also opens
 * and closes the driver.
 */
export async function pushGraph(
  driver: Driver,
  graph: KnowledgeGraph,
  options: { database?: string | undefined; address?: string; password?: string; onProgress?: (p: PushProgress) => void } & Partial<PushSettings>,
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
  const fail = (err: unknown, statement: string) => fromDriverError(err, { address, password: options.password, statement, module: 'push' });

  progress('schema');
  for (const statement of schemaStatements()) {
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
        const res = await driver.executeQuery(QUERIES.reset, { limit: neo4j.int(settings.batchSize) }, { database, routing: neo4j.routing.WRITE });
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
    // Relationship batches lock both ends of every row, so parallel ones may deadlock; the server
    // detects that and executeQuery retries, which is still faster than one batch at a time.
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
