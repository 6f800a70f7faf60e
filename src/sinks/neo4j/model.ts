/**
 * The Neo4j model of the graph: what `newsgraph push` writes (push.ts, graph/schema.cypher)
 * and what the two Neo4j-bound export formats write (csv for `neo4j-admin database import` /
 * `LOAD CSV`, and the Cypher script), from these same lists, so an export loads into the same
 * nodes, relationships and properties as a push:
 *
 * - one `:Entity:<Label>` node per entity, `id` = graph key;
 * - one `:Article` node per article, `id` = article id;
 * - `MENTIONED_IN` from each entity to each article that mentions it (`count`, `texts`);
 * - one relationship per fact, `key` = graph edge key, evidence as parallel arrays
 *   (`articles`, `sentences`, `starts`, `ends`) that zip back into the evidence records, sorted by
 *   article and offsets, and quotes and proposals as sorted sets, so that pushes in any order agree
 *   (merge.ts).
 *
 * Neo4j properties are scalars or arrays of scalars; layout attributes are not facts
 * and are not written.
 */
import { mentionRows, type MentionRow } from '../../graph/index.js';
import type { ArticleMeta, EntityAttrs, Evidence, KnowledgeGraph, RelationAttrs } from '../../types.js';
import { sortedUnique } from '../../util/text.js';
import { canonicalEvidence } from './merge.js';

/** Neo4j property types as written in a neo4j-admin header (`name:string[]`). */
export type PropertyType = 'string' | 'string[]' | 'int' | 'int[]';

export type PropertyValue = string | number | readonly string[] | readonly number[];

export interface Property<A> {
  name: string;
  type: PropertyType;
  /** The value, or undefined when the property is absent. */
  get(key: string, attrs: A, graph: KnowledgeGraph): PropertyValue | undefined;
}

export { ARTICLE_LABEL, ENTITY_LABEL, MENTIONED_IN } from './schema.js';

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

const sortedEvidence = new WeakMap<RelationAttrs, Evidence[]>();

/** The fact's evidence in canonical order, sorted once per fact for the four properties that read it. */
function evidenceOf(a: RelationAttrs): Evidence[] {
  let evidence = sortedEvidence.get(a);
  if (!evidence) sortedEvidence.set(a, (evidence = canonicalEvidence(a.evidence)));
  return evidence;
}

/** Fact relationship properties, in column order. `key` is the graph's edge key (what a push matches a fact on). */
export const FACT_PROPERTIES: readonly Property<RelationAttrs>[] = [
  { name: 'key', type: 'string', get: (key) => key },
  { name: 'articles', type: 'string[]', get: (_k, a) => evidenceOf(a).map((e) => e.article) },
  { name: 'sentences', type: 'string[]', get: (_k, a) => evidenceOf(a).map((e) => e.sentence) },
  { name: 'starts', type: 'int[]', get: (_k, a) => evidenceOf(a).map((e) => e.start) },
  { name: 'ends', type: 'int[]', get: (_k, a) => evidenceOf(a).map((e) => e.end) },
  { name: 'evidenceCount', type: 'int', get: (_k, a) => evidenceOf(a).length },
  { name: 'status', type: 'string', get: (_k, a) => a.status },
  { name: 'event', type: 'string', get: (_k, a) => a.event },
  {
    name: 'eventName',
    type: 'string',
    get: (_k, a, g) => (a.event && g.hasNode(a.event) ? g.getNodeAttribute(a.event, 'name') : undefined),
  },
  { name: 'quote', type: 'string', get: (_k, a) => a.quote },
  { name: 'quotes', type: 'string[]', get: (_k, a) => a.quotes && sortedUnique(a.quotes) },
  { name: 'what', type: 'string', get: (_k, a) => a.what },
  { name: 'whats', type: 'string[]', get: (_k, a) => a.whats && sortedUnique(a.whats) },
  { name: 'date', type: 'string', get: (_k, a) => a.date },
];

/** MENTIONED_IN relationship properties, from one entity's mentions in one article (see mentionRows). */
export const MENTION_PROPERTIES: readonly Property<MentionRow>[] = [
  { name: 'count', type: 'int', get: (_k, m) => m.count },
  { name: 'texts', type: 'string[]', get: (_k, m) => m.texts },
];

export { mentionRows, type MentionRow };
