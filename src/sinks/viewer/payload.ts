/**
 * What the Node side hands the explorer page: the serialised graph, laid out.
 * Shared by the Node writer (index.ts) and the browser app (app/), so it imports
 * types only and nothing that runs on one side alone.
 */
import type { SerializedKnowledgeGraph } from '../../types.js';

/** Bumped when the page can no longer read an older payload. */
export const PAYLOAD_VERSION = 1;

/** The global the data script sets; a script rather than a fetch so the explorer opens from file://. */
export const PAYLOAD_GLOBAL = '__NEWSGRAPH__';

/** The global the article-text script sets (loaded when a reader first opens). */
export const TEXTS_GLOBAL = '__NEWSGRAPH_TEXTS__';

/** File names of the explorer folder (served by `view`, written by `export --format html`). */
export const VIEWER_FILES = {
  html: 'index.html',
  script: 'viewer.js',
  style: 'viewer.css',
  data: 'graph-data.js',
  /** The articles' texts, for the reader; absent when the graph has none kept or export had --no-text. */
  texts: 'article-text.js',
} as const;

/**
 * Each article's cleaned text (graph/article-texts.ts) and its mentions of the graph's entities, as
 * `[start, end, node key]` sorted by start: offsets are UTF-16 code units into `text`.
 */
export type ArticleTextsPayload = Record<string, { text: string; mentions: [number, number, string][] }>;

export interface ViewerPayload {
  version: number;
  /** Every node carries x, y and size. */
  graph: SerializedKnowledgeGraph;
}
