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

/** File names of the explorer folder (served by `view`, written by `export --format html`). */
export const VIEWER_FILES = {
  html: 'index.html',
  script: 'viewer.js',
  style: 'viewer.css',
  data: 'graph-data.js',
} as const;

export interface ViewerPayload {
  version: number;
  /** Every node carries x, y and size. */
  graph: SerializedKnowledgeGraph;
}
