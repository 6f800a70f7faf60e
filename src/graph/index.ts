/**
 * Graph stage: the KnowledgeGraph built from extractions, its graph.json form, its
 * layout, and the mention rows the sinks write. Other stages import the graph stage only
 * through this file.
 */
export { buildGraphFromExtractions, countByKind, createGraph, GraphBuilder } from './build.js';
export {
  BARNES_HUT_FROM,
  DEFAULT_LAYOUT_OPTIONS,
  applyLayout,
  defaultIterations,
  seededRandom,
  sizeForDegree,
  type LayoutOptions,
} from './layout.js';
export { mentionRows, type MentionRow } from './mentions.js';
export { fromSerialized, readGraphFile, serializeGraph, toSerialized, writeGraphFile } from './serialize.js';
export { ARTICLE_TEXTS_FILE, ArticleTextsWriter, articleTextsPath, readArticleTexts } from './article-texts.js';
