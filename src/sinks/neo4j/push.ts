/**
 * Writes a KnowledgeGraph to Neo4j: the schema first (graph/schema.cypher), then articles and
 * entities, MENTIONED_IN links and facts, each as batched `UNWIND $rows …` in managed write
 * transactions (retried on transient errors). Labels and types come only from the schema's list;
 * every value is a parameter. Nodes are merged on their unique id, relationships created only where
 * none exists yet (facts are matched on their unique key), so a push is idempotent, and a push
 * interrupted half-way and run again ends with the same graph.
 *
 * A push adds to what the database holds and never loses it: entities and facts already there are
 * read in the batch's own transaction and merged (merge.ts), so pushing graph B after graph A keeps
 * A's articles, links, quotes and evidence. What a new build of the pushed articles no longer finds is
 * removed only with `prune`, and only from those articles.
 */
import { neo4j } from './lib.js';
import type { Driver, ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { UsageError } from '../../errors.js';
import type { Evidence, KnowledgeGraph, MeetingStatus } from '../../types.js';
import { ENTITY_LABELS, RELATION_TYPES } from '../../types.js';
import type { ConnectionSettings } from './driver.js';
import { addressOf, openDriver } from './driver.js';
import { fromDriverError } from './errors.js';
import { compareStrings, sortedUnique } from '../../util/text.js';
import { mergeEntity, mergeFact, pruneFact, type EntityValues, type FactValues } from './merge.js';
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
  phase: 'schema' | 'reset' | 'articles' | 'entities' | 'mentions' | 'facts' | 'prune';
  done: number;
  total: number;
}

export interface PushSettings {
  /** Delete every node with a newsgraph label (and its relationships) before loading. */
  reset: boolean;
  /**
   * After loading, remove what the database holds from the pushed graph's articles that the graph no
   * longer has: links to other entities, and evidence of other facts (a fact left without evidence
   * goes, and so does an entity left with no relationship).
   */
  prune: boolean;
  /** Rows per transaction. */
  batchSize: number;
  /** Write transactions in flight at once. */
  concurrency: number;
}

export const DEFAULT_PUSH_SETTINGS: Readonly<PushSettings> = Object.freeze({
  reset: false,
  prune: false,
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
  /** What `prune` removed, when it ran (`nodes.deleted` and `relationships.deleted` count the reset's). */
  pruned?: { links: number; facts: number; evidence: number; entities: number };
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
  /** Reads what the database holds for these rows and merges it into them, in the write's transaction. */
  merge?: (tx: ManagedTransaction, rows: Row[]) => Promise<Row[]>;
}

/** A property's value as a parameter: integers as Neo4j integers (a JS number would be stored as a float), absent as null. */
function parameter(type: PropertyType, value: PropertyValue | undefined): unknown {
  if (value === undefined) return null;
  if (type === 'int') return neo4j().int(value as number);
  if (type === 'int[]') return (value as readonly number[]).map((n) => neo4j().int(n));
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
    /** The named property of a row, as a parameter. */
    get: (row: Row, name: string): unknown => row[index(name)],
    /** Sets the named property of a row from a plain value. */
    set: (row: Row, name: string, value: PropertyValue | undefined) => {
      const p = properties.find((q) => q.name === name)!;
      row[index(name)] = parameter(p.type, value);
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

/** A fact's stored properties, as the merge reads them (every property but the key). */
const STORED_FACT_COLUMNS = FACT_PROPERTIES.filter((p) => p.name !== 'key')
  .map((p) => `r.${p.name} AS ${p.name}`)
  .join(', ');

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
  /** What the database holds for a batch of entities: properties and mention counts per article. */
  storedEntities:
    `UNWIND $ids AS id MATCH (n:${identifier(ENTITY_LABEL)} {id: id}) OPTIONAL MATCH (n)-[m:${identifier(MENTIONED_IN)}]->(a:${identifier(ARTICLE_LABEL)}) ` +
    `RETURN id, n.name AS name, n.aliases AS aliases, n.date AS date, n.place AS place, collect([a.id, m.count]) AS counts`,
  /** What the database holds for a batch of facts of one type, by key. */
  storedFacts: (type: string) =>
    `UNWIND $keys AS k MATCH ()-[r:${identifier(type)} {key: k}]->() RETURN k AS key, ${STORED_FACT_COLUMNS}`,
  /** Prune: the links from the pushed articles (row[0]) to entities the pushed graph does not link them to (row[1]). */
  pruneLinks:
    `UNWIND $rows AS row MATCH (e:${identifier(ENTITY_LABEL)})-[m:${identifier(MENTIONED_IN)}]->(:${identifier(ARTICLE_LABEL)} {id: row[0]}) ` +
    `WHERE NOT e.id IN row[1] DELETE m RETURN e.id AS id`,
  /** Prune: the facts of one type with evidence from the pushed articles. */
  factsCiting: (type: string) =>
    `MATCH (s:${identifier(ENTITY_LABEL)})-[r:${identifier(type)}]->(t:${identifier(ENTITY_LABEL)}) WHERE any(a IN r.articles WHERE a IN $articles) ` +
    `RETURN s.id AS source, t.id AS target, r.key AS key, ${STORED_FACT_COLUMNS}`,
  deleteFacts: (type: string) => `UNWIND $keys AS k MATCH ()-[r:${identifier(type)} {key: k}]->() DELETE r`,
  setEvidence: (type: string) =>
    `UNWIND $rows AS row MATCH ()-[r:${identifier(type)} {key: row[0]}]->() ` +
    `SET r.articles = row[1], r.sentences = row[2], r.starts = row[3], r.ends = row[4], r.evidenceCount = row[5]`,
  /** Prune: the links left to entities that lost some, and whether anything still holds them. */
  linksLeft:
    `UNWIND $ids AS id MATCH (e:${identifier(ENTITY_LABEL)} {id: id}) OPTIONAL MATCH (e)-[m:${identifier(MENTIONED_IN)}]->(a:${identifier(ARTICLE_LABEL)}) ` +
    `WITH id, e, collect([a.id, m.count]) AS counts RETURN id, counts, COUNT { (e)--() } AS degree`,
  setMentionTotals: `UNWIND $rows AS row MATCH (e:${identifier(ENTITY_LABEL)} {id: row[0]}) SET e.articles = row[1], e.mentionCount = row[2]`,
  deleteLoneEntities: `UNWIND $ids AS id MATCH (e:${identifier(ENTITY_LABEL)} {id: id}) WHERE NOT (e)--() DELETE e`,
  /** One batch of the reset: run until it deletes nothing. */
  reset: `MATCH (n) WHERE ${NODE_LABELS.map((l) => `n:${identifier(l)}`).join(' OR ')} WITH n LIMIT $limit DETACH DELETE n`,
};

/** Strings as stored; the properties a push reads are strings or lists of them. */
const optionalText = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const textList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const intList = (v: unknown): number[] =>
  Array.isArray(v)
    ? v.map((n) => neo4j().integer.toNumber(n as Parameters<ReturnType<typeof neo4j>['integer']['toNumber']>[0]))
    : [];
/** An empty list is written as an absent property, as the graph's own absent lists are. */
const listOrAbsent = (v: readonly string[]) => (v.length ? v : undefined);

/** `[[article, count], …]` as collected from an OPTIONAL MATCH (a missing link gives `[null, null]`). */
function mentionCounts(pairs: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pair of Array.isArray(pairs) ? (pairs as unknown[][]) : []) {
    const article = pair[0];
    if (typeof article !== 'string') continue;
    counts.set(article, pair[1] === null ? 0 : neo4j().integer.toNumber(pair[1] as number));
  }
  return counts;
}

/** A fact's values from a row or a record, read by property name. */
function factValues(get: (name: string) => unknown): FactValues {
  const articles = textList(get('articles'));
  const sentences = textList(get('sentences'));
  const starts = intList(get('starts'));
  const ends = intList(get('ends'));
  const evidence: Evidence[] = articles.map((article, i) => ({
    article,
    sentence: sentences[i] ?? '',
    start: starts[i] ?? 0,
    end: ends[i] ?? 0,
  }));
  return {
    evidence,
    status: optionalText(get('status')) as MeetingStatus | undefined,
    event: optionalText(get('event')),
    eventName: optionalText(get('eventName')),
    quote: optionalText(get('quote')),
    quotes: textList(get('quotes')),
    what: optionalText(get('what')),
    whats: textList(get('whats')),
    date: optionalText(get('date')),
  };
}

/** Evidence records as the four parallel properties a fact stores them in. */
function evidenceColumns(evidence: readonly Evidence[]) {
  return {
    articles: evidence.map((e) => e.article),
    sentences: evidence.map((e) => e.sentence),
    starts: evidence.map((e) => e.start),
    ends: evidence.map((e) => e.end),
  };
}

/** A copy of a fact row carrying `v`. */
function factRow(row: Row, v: FactValues): Row {
  const out = row.slice();
  for (const [name, values] of Object.entries(evidenceColumns(v.evidence))) FACT.set(out, name, values);
  FACT.set(out, 'evidenceCount', v.evidence.length);
  for (const name of ['status', 'event', 'eventName', 'quote', 'what', 'date'] as const) FACT.set(out, name, v[name]);
  FACT.set(out, 'quotes', listOrAbsent(v.quotes));
  FACT.set(out, 'whats', listOrAbsent(v.whats));
  return out;
}

/** Merges the stored facts of `type` into a batch of its rows (merge.ts). */
function mergeStoredFacts(type: string, pushedArticles: ReadonlySet<string>) {
  return async (tx: ManagedTransaction, rows: Row[]): Promise<Row[]> => {
    const res = await tx.run(QUERIES.storedFacts(type), { keys: rows.map((r) => FACT.get(r, 'key')) });
    const stored = new Map<unknown, Neo4jRecord>(res.records.map((r) => [r.get('key'), r]));
    return rows.map((row) => {
      const record = stored.get(FACT.get(row, 'key'));
      if (!record) return row;
      const merged = mergeFact(
        factValues((name) => record.get(name)),
        factValues((name) => FACT.get(row, name)),
        pushedArticles,
      );
      return factRow(row, merged);
    });
  };
}

/** An entity's values from a row or a record, read by property name. */
function entityValues(get: (name: string) => unknown, counts: Map<string, number>): EntityValues {
  return {
    name: optionalText(get('name')) ?? '',
    aliases: textList(get('aliases')),
    date: optionalText(get('date')),
    place: optionalText(get('place')),
    counts,
  };
}

/**
 * Merges the stored entities into a batch of entity rows; `pushedCounts` are the graph's mentions per
 * entity and article, `pushedArticles` the graph's articles.
 */
function mergeStoredEntities(
  pushedCounts: ReadonlyMap<string, Map<string, number>>,
  pushedArticles: ReadonlySet<string>,
) {
  return async (tx: ManagedTransaction, rows: Row[]): Promise<Row[]> => {
    const res = await tx.run(QUERIES.storedEntities, { ids: rows.map((r) => ENTITY.get(r, 'id')) });
    const stored = new Map<unknown, Neo4jRecord>(res.records.map((r) => [r.get('id'), r]));
    return rows.map((row) => {
      const record = stored.get(ENTITY.get(row, 'id'));
      if (!record) return row;
      const merged = mergeEntity(
        entityValues((name) => record.get(name), mentionCounts(record.get('counts'))),
        entityValues(
          (name) => ENTITY.get(row, name),
          pushedCounts.get(ENTITY.get(row, 'id') as string) ?? new Map<string, number>(),
        ),
        pushedArticles,
      );
      const out = row.slice();
      ENTITY.set(out, 'name', merged.name);
      ENTITY.set(out, 'aliases', merged.aliases);
      ENTITY.set(out, 'articles', merged.articles);
      ENTITY.set(out, 'mentionCount', merged.mentionCount);
      ENTITY.set(out, 'date', merged.date);
      ENTITY.set(out, 'place', merged.place);
      return out;
    });
  };
}

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
 * The articles a graph holds, and for each the entities it mentions: the scope of a merge and of a
 * prune. An article a mention names but the graph's article list lacks counts too (it gets a node
 * with its id only).
 */
export function pushedArticles(graph: KnowledgeGraph): Map<string, string[]> {
  const entities = new Map<string, string[]>(Object.keys(graph.getAttribute('articles') ?? {}).map((id) => [id, []]));
  graph.forEachNode((key, a) => {
    for (const m of mentionsPerArticle(a)) {
      const list = entities.get(m.article);
      if (list) list.push(key);
      else entities.set(m.article, [key]);
    }
  });
  return entities;
}

/**
 * Splits the graph into write jobs, in stages that must run one after the other: nodes (articles
 * and entities), then MENTIONED_IN links, then facts. Jobs within a stage may run concurrently.
 * Entity and fact jobs merge what the database holds (merge.ts).
 */
export function planPush(
  graph: KnowledgeGraph,
  batchSize: number,
  scope: ReadonlyMap<string, string[]> = pushedArticles(graph),
): Job[][] {
  const articles = graph.getAttribute('articles') ?? {};
  const byLabel = new Map<string, Row[]>(ENTITY_LABELS.map((l) => [l, []]));
  const mentionRows: Row[] = [];
  const pushedCounts = new Map<string, Map<string, number>>();
  graph.forEachNode((key, a) => {
    byLabel.get(a.label)?.push(ENTITY.row([], key, a, graph));
    const counts = new Map<string, number>();
    for (const m of mentionsPerArticle(a)) {
      mentionRows.push(MENTION.row([key, m.article], key, m, graph));
      counts.set(m.article, m.count);
    }
    pushedCounts.set(key, counts);
  });
  const articleIds = new Set(scope.keys());
  const articleRows = [...articleIds].map((id) => ARTICLE.row([], id, articles[id] ?? { id, path: id }, graph));
  const byType = new Map<string, Row[]>(RELATION_TYPES.map((t) => [t, []]));
  graph.forEachEdge((key, a, source, target) => byType.get(a.type)?.push(FACT.row([source, target], key, a, graph)));
  const jobs = (phase: Job['phase'], kind: Job['kind'], query: string, batches: Row[][], merge?: Job['merge']): Job[] =>
    batches.map((rows) => ({ phase, kind, query, rows, ...(merge ? { merge } : {}) }));
  const entityRank = new Map(
    graph
      .nodes()
      .sort(compareStrings)
      .map((key, i) => [key, i]),
  );
  const mergeEntities = mergeStoredEntities(pushedCounts, articleIds);
  return [
    [
      ...jobs('articles', 'nodes', QUERIES.article, chunk(articleRows, batchSize)),
      ...[...byLabel].flatMap(([label, rows]) =>
        jobs('entities', 'nodes', QUERIES.entity(label), chunk(rows, batchSize), mergeEntities),
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
          mergeStoredFacts(type, articleIds),
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
    prune: options.prune ?? DEFAULT_PUSH_SETTINGS.prune,
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
  const scope = pushedArticles(graph);
  const stages = planPush(graph, settings.batchSize, scope);
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
          { limit: neo4j().int(settings.batchSize) },
          { database, routing: neo4j().routing.WRITE },
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

  const write = async (job: Job) => {
    const merge = job.merge;
    // After a reset there is nothing to merge with.
    if (!merge || settings.reset)
      return (await driver.executeQuery(job.query, { rows: job.rows }, { database, routing: neo4j().routing.WRITE }))
        .summary;
    const session = driver.session({ database, defaultAccessMode: neo4j().session.WRITE });
    try {
      // The read and the write share one transaction, retried together.
      return await session.executeWrite(
        async (tx) => (await tx.run(job.query, { rows: await merge(tx, job.rows) })).summary,
      );
    } finally {
      await session.close();
    }
  };

  const runJob = async (job: Job) => {
    let res;
    try {
      res = await write(job);
    } catch (err) {
      throw fail(err, job.query);
    }
    const c = res.counters.updates();
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

  if (settings.prune) {
    progress('prune');
    summary.pruned = await pruneStale(driver, graph, scope, { database, batchSize: settings.batchSize, fail });
  }

  summary.seconds = (performance.now() - t0) / 1000;
  const rels = summary.relationships.created + summary.relationships.updated;
  summary.rowsPerSecond = summary.seconds > 0 ? summary.rows / summary.seconds : 0;
  summary.relationshipsPerSecond = summary.seconds > 0 ? rels / summary.seconds : 0;
  return summary;
}

/**
 * Removes from the pushed graph's articles what the graph no longer holds (PushSettings.prune): links
 * to other entities, and those articles' evidence of other facts; then recounts the entities that lost
 * a link or a fact, and deletes those with no relationship left. Each step is one transaction per batch
 * or per type, so a prune interrupted half-way and run again ends the same.
 */
async function pruneStale(
  driver: Driver,
  graph: KnowledgeGraph,
  scope: ReadonlyMap<string, string[]>,
  options: { database: string | undefined; batchSize: number; fail: (err: unknown, statement: string) => unknown },
): Promise<NonNullable<PushSummary['pruned']>> {
  const { database, batchSize, fail } = options;
  const pruned = { links: 0, facts: 0, evidence: 0, entities: 0 };
  const touched = new Set<string>();
  const run = async <T>(statement: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> => {
    const session = driver.session({ database, defaultAccessMode: neo4j().session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw fail(err, statement);
    } finally {
      await session.close();
    }
  };

  const articleIds = [...scope.keys()];
  for (const rows of chunk([...scope], Math.max(1, Math.floor(batchSize / 10)))) {
    const res = await run(QUERIES.pruneLinks, (tx) => tx.run(QUERIES.pruneLinks, { rows }));
    for (const r of res.records) touched.add(String(r.get('id')));
    pruned.links += res.records.length;
  }

  const articleSet = new Set(articleIds);
  for (const type of RELATION_TYPES) {
    // Counted after the transaction commits: a retried transaction runs this function again.
    const outcome = await run(QUERIES.factsCiting(type), async (tx) => {
      const res = await tx.run(QUERIES.factsCiting(type), { articles: articleIds });
      const gone: string[] = [];
      const kept: Row[] = [];
      const ends = new Set<string>();
      let evidence = 0;
      for (const record of res.records) {
        const key = String(record.get('key'));
        if (graph.hasEdge(key)) continue;
        const stored = factValues((name) => record.get(name));
        const left = pruneFact(stored, articleSet);
        evidence += stored.evidence.length - (left?.evidence.length ?? 0);
        if (left) {
          const c = evidenceColumns(left.evidence);
          const ints = (xs: number[]) => xs.map((n) => neo4j().int(n));
          kept.push([key, c.articles, c.sentences, ints(c.starts), ints(c.ends), neo4j().int(left.evidence.length)]);
        } else {
          gone.push(key);
          ends.add(String(record.get('source')));
          ends.add(String(record.get('target')));
        }
      }
      for (const keys of chunk(gone, batchSize)) await tx.run(QUERIES.deleteFacts(type), { keys });
      for (const rows of chunk(kept, batchSize)) await tx.run(QUERIES.setEvidence(type), { rows });
      return { facts: gone.length, evidence, ends };
    });
    pruned.facts += outcome.facts;
    pruned.evidence += outcome.evidence;
    for (const id of outcome.ends) touched.add(id);
  }

  for (const ids of chunk([...touched].sort(compareStrings), batchSize)) {
    pruned.entities += await run(QUERIES.linksLeft, async (tx) => {
      const res = await tx.run(QUERIES.linksLeft, { ids });
      const alone: string[] = [];
      const totals: Row[] = [];
      for (const record of res.records) {
        const counts = mentionCounts(record.get('counts'));
        if (neo4j().integer.toNumber(record.get('degree') as number) === 0) alone.push(String(record.get('id')));
        else {
          let total = 0;
          for (const n of counts.values()) total += n;
          totals.push([record.get('id'), sortedUnique(counts.keys()), neo4j().int(total)]);
        }
      }
      await tx.run(QUERIES.setMentionTotals, { rows: totals });
      await tx.run(QUERIES.deleteLoneEntities, { ids: alone });
      return alone.length;
    });
  }
  return pruned;
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
        await driver.executeQuery(`${show} YIELD name RETURN name`, {}, { database, routing: neo4j().routing.READ })
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
