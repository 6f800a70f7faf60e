/**
 * The extractor contract: an extractor is a descriptor `{ id, version, run }` in an
 * ordered array; each reads the context the earlier ones filled and adds to it.
 */
import type { Article, ArticleEntity, ArticleRelation, EntityLabel, Sentence } from '../types.js';
import type { Token } from './tokens.js';

/** One entity mention inside an article, pointing at the article-level entity it belongs to. */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  label: EntityLabel;
  /** `ArticleEntity.key` of the entity this mention was resolved to. */
  entity: string;
  /** Index into `ExtractionContext.sentences`. */
  sentence: number;
}

/** The working state of one article's extraction. Extractors mutate it in order. */
export interface ExtractionContext {
  readonly article: Article;
  sentences: Sentence[];
  /** The article's words, tokenized once with the sentences (quoted words included). */
  tokens: Token[];
  /** Entities keyed by `ArticleEntity.key`. */
  entities: Map<string, ArticleEntity>;
  /** All mentions, sorted by start offset. */
  mentions: EntityMention[];
  relations: ArticleRelation[];
  /**
   * Analyses derived from the fields above that several extractors share, each module keeping its
   * own under a private key; they live and die with the context, so no module holds article state.
   */
  readonly derived: Map<symbol, unknown>;
}

export interface Extractor {
  /** Stable id, e.g. `sentences`, `entities`, `quotes`. */
  readonly id: string;
  /** Bumped whenever the extractor's output for the same input changes. */
  readonly version: string;
  run(ctx: ExtractionContext): void;
}
