/**
 * The types every stage shares: what an article is, what extraction emits, and
 * the one graph type (`KnowledgeGraph`) the builder produces and every sink reads.
 */
import type { MultiDirectedGraph } from 'graphology';
import type { RelationType } from './relation-types.js';

/** Node labels. `Place` is emitted where a relation needs it as a target. */
export const ENTITY_LABELS = ['Person', 'Country', 'Organization', 'Event', 'Place'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/**
 * Relationship types: described once each in src/relation-types.ts (the registry every stage
 * reads), where `kind` says which are scored facts and which link actors and events.
 */
export { RELATION_TYPES, type RelationType } from './relation-types.js';

/** One input document after ingestion: plain text plus whatever metadata the source carried. */
export interface Article {
  /** Stable id: the path relative to the input root it came from (or `stdin`, or `file#n` for JSONL records). */
  id: string;
  /** Where it was read from, for messages. */
  path: string;
  title?: string;
  /** ISO date (YYYY-MM-DD) when known; relative dates in the text resolve against it. */
  date?: string;
  url?: string;
  source?: string;
  /** The article's text, furniture removed; offsets in mentions and evidence index into it. */
  text: string;
}

/** Article metadata kept in the graph (everything but the text). */
export type ArticleMeta = Omit<Article, 'text'>;

/** Where a fact was read: the article, the sentence, and the character span of the sentence. */
export interface Evidence {
  article: string;
  sentence: string;
  start: number;
  end: number;
}

/** One surface form of an entity in one article. */
export interface Mention {
  article: string;
  start: number;
  end: number;
  text: string;
}

/** Node attributes. */
export interface EntityAttrs {
  label: EntityLabel;
  name: string;
  /** Every surface form seen, sorted, without duplicates. */
  aliases: string[];
  mentions: Mention[];
  /** Ids of the articles that mention it, sorted. */
  articles: string[];
  /** Events: ISO date (or YYYY-MM, YYYY) when the text gives it. */
  date?: string;
  /** Events: where it happened, as written. */
  place?: string;
  /** Layout position and size, added by the viewer/exports; not part of the extracted facts. */
  x?: number;
  y?: number;
  size?: number;
}

export type MeetingStatus = 'occurred' | 'planned';

/** Edge attributes. One edge per (type, source, target); repeated facts add quotes and evidence. */
export interface RelationAttrs {
  type: RelationType;
  evidence: Evidence[];
  /** MET_WITH: whether the meeting happened or is planned. */
  status?: MeetingStatus;
  /** MET_WITH: the key of the Event node the meeting was, when known. */
  event?: string;
  /** SAID: the first quotation; `quotes` holds all of them in reading order. */
  quote?: string;
  quotes?: string[];
  /** PROPOSED / REJECTED: a short text of what was proposed or rejected; `whats` holds all of them. */
  what?: string;
  whats?: string[];
  /** ISO date of the fact when known (the article's date or a date in the sentence). */
  date?: string;
}

/** Graph-level attributes: the articles the graph was built from. */
export interface GraphAttrs {
  name: string;
  articles: Record<string, ArticleMeta>;
}

export type KnowledgeGraph = MultiDirectedGraph<EntityAttrs, RelationAttrs, GraphAttrs>;

/** graphology's serialised form of a KnowledgeGraph, as written to graph.json. */
export interface SerializedKnowledgeGraph {
  attributes: GraphAttrs;
  options: { type: 'directed'; multi: true; allowSelfLoops: boolean };
  nodes: { key: string; attributes: EntityAttrs }[];
  edges: { key: string; source: string; target: string; attributes: RelationAttrs }[];
}

// ---- Extraction results (per article, before cross-article resolution) ----

/** A sentence of an article with its span. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** An entity found in one article: its mentions are already merged within the article. */
export interface ArticleEntity {
  /** Key unique within the article (e.g. `Person:donald trump`). */
  key: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  mentions: Mention[];
  date?: string;
  place?: string;
}

/** A fact found in one article, between two entities of that article. */
export interface ArticleRelation {
  type: RelationType;
  source: string;
  target: string;
  evidence: Evidence;
  status?: MeetingStatus;
  event?: string;
  quote?: string;
  what?: string;
  date?: string;
}

/** What extraction produces for one article. */
export interface Extraction {
  article: ArticleMeta;
  entities: ArticleEntity[];
  relations: ArticleRelation[];
}
