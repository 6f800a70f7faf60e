/**
 * Extraction stage: runs the ordered extractors over one article. Pure: the same
 * article gives the same result, no I/O.
 */
import type { Article, Extraction } from '../types.js';
import { entityExtractor } from './entities/index.js';
import { relationExtractors } from './relations/index.js';
import { sentenceExtractor } from './sentences.js';
import type { ExtractionContext, Extractor } from './types.js';
import { taggerModel } from './ner/index.js';

export type { EntityMention, ExtractionContext, Extractor } from './types.js';
export { splitSentences } from './sentences.js';
export { FIRST_NAME_HONORIFICS, isRecurringEventName } from './entities/lexicon.js';

/**
 * Loads what the default extractors read from disk (the tagger's weights), so that a missing or
 * damaged file is one error before a build extracts anything; extraction would load it anyway.
 */
export function prepareExtraction(): void {
  taggerModel();
}

/** The default extractors, in the order they run. */
export const DEFAULT_EXTRACTORS: readonly Extractor[] = [sentenceExtractor, entityExtractor, ...relationExtractors];

/** Creates an empty context for `article`. */
export function createContext(article: Article): ExtractionContext {
  return { article, sentences: [], tokens: [], entities: new Map(), mentions: [], relations: [], derived: new Map() };
}

/** Runs `extractors` over `article` and returns its entities and relations. */
export function extractArticle(article: Article, extractors: readonly Extractor[] = DEFAULT_EXTRACTORS): Extraction {
  const ctx = createContext(article);
  for (const extractor of extractors) extractor.run(ctx);
  const { text: _text, ...meta } = article;
  return {
    article: meta,
    entities: [...ctx.entities.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    relations: ctx.relations,
  };
}
