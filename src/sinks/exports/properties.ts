/**
 * The Neo4j model of the graph, shared by the two Neo4j-bound formats (csv for
 * `neo4j-admin database import` / `LOAD CSV`, and the Cypher script) and identical to
 * what `newsgraph push` writes (src/sinks/neo4j/push.ts, graph/schema.cypher), so an
 * export loads into the same nodes, relationships and properties as a push:
 *
 * - one `:Entity:<Label>` node per entity, `id` = graph key;
 * - one `:Article` node per article, `id` = article id;
 * - `MENTIONED_IN` from each entity to each article that mentions it (`count`, `texts`);
 * - one relationship per fact, `key` = graph edge key, evidence as parallel arrays
 *   (`articles`, `sentences`, `starts`, `ends`) that zip back into the evidence records.
 *
 * Neo4j properties are scalars or arrays of scalars; layout attributes are not facts
 * and are not written.
 */
import type { ArticleMeta, EntityAttrs, KnowledgeGraph, RelationAttrs } from '../../types.js';

/** Neo4j property types as written in a neo4j-admin header (`name:string[]`). */
export type PropertyType = 'string' | 'string[]' | 'int' | 'int[]';

export type PropertyValue = string | number | readonly string[] | readonly number[];

export interface Property<A> {
  name: string;
  type: PropertyType;
  /** The value, or undefined when the property is absent. */
  get(key: string, attrs: A, graph: KnowledgeGraph): PropertyValue | undefined;
}

/** The label every entity node also carries, and the article label and mention type (as push writes them). */
export const ENTITY_LABEL = 'Entity';
export const ARTICLE_LABEL = 'Article';
export const MENTIONED_IN = 'MENTIONED_IN';

/** Entity node properties, in column order. `id` is the graph key. */
export const ENTITY_PROPERTIES: readonly Property<EntityAttrs>[] = [
  { name: 'id', type: 'string', get: (key) => key },
  { name: 'name', type: 'string', get: (_k, a) => a.name },
  { name: 'aliases', type: 'string[]', get: (_k, a) => a.aliases },
  { name: 'articles', type: 'string[]', get: (_k, a) => a.articles },
  { name: 'mentionCount', type: 'int', get: (_k, a) => a.mentions.length },
  { name: 'date', type: 'string', get: (_k, a) => a.date },
  { name: 'place', type: 'string', get: (_k, a) => a.place },
];

/** Article node properties. */
export const ARTICLE_PROPERTIES: readonly Property<ArticleMeta>[] = [
  { name: 'id', type: 'string', get: (_k, a) => a.id },
  { name: 'title', type: 'string', get: (_k, a) => a.title },
  { name: 'date', type: 'string', get: (_k, a) => a.date },
  { name: 'url', type: 'string', get: (_k, a) => a.url },
  { name: 'source', type: 'string', get: (_k, a) => a.source },
];

/** Fact relationship properties, in column order. `key` is the graph's edge key (what MERGE matches on). */
export const FACT_PROPERTIES: readonly Property<RelationAttrs>[] = [
  { name: 'key', type: 'string', get: (key) => key },
  { name: 'articles', type: 'string[]', get: (_k, a) => a.evidence.map((e) => e.article) },
  { name: 'sentences', type: 'string[]', get: (_k, a) => a.evidence.map((e) => e.sentence) },
  { name: 'starts', type: 'int[]', get: (_k, a) => a.evidence.map((e) => e.start) },
  { name: 'ends', type: 'int[]', get: (_k, a) => a.evidence.map((e) => e.end) },
  { name: 'evidenceCount', type: 'int', get: (_k, a) => a.evidence.length },
  { name: 'status', type: 'string', get: (_k, a) => a.status },
  { name: 'event', type: 'string', get: (_k, a) => a.event },
  {
    name: 'eventName',
    type: 'string',
    get: (_k, a, g) => (a.event && g.hasNode(a.event) ? g.getNodeAttribute(a.event, 'name') : undefined),
  },
  { name: 'quote', type: 'string', get: (_k, a) => a.quote },
  { name: 'quotes', type: 'string[]', get: (_k, a) => a.quotes },
  { name: 'what', type: 'string', get: (_k, a) => a.what },
  { name: 'whats', type: 'string[]', get: (_k, a) => a.whats },
  { name: 'date', type: 'string', get: (_k, a) => a.date },
];

export { mentionRows, type MentionRow } from '../../graph/mentions.js';
