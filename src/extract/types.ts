/**
 * The extractor contract: an extractor is a descriptor `{ id, version, run }` in an
 * ordered array; each reads the context the earlier ones filled and adds to it.
 */
import type { Article, ArticleEntity, ArticleRelation, EntityLabel, Sentence } from '../types.js';

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
  /** Entities keyed by `ArticleEntity.key`. */
  entities: Map<string, ArticleEntity>;
  /** All mentions, sorted by start offset. */
  mentions: EntityMention[];
  relations: ArticleRelation[];
}

export interface Extractor {
  /** Stable id, e.g. `sentences`, `entities`, `quotes`. */
  readonly id: string;
  /** Bumped whenever the extractor's output for the same input changes. */
  readonly version: string;
  run(ctx: ExtractionContext): void;
}
