/**
 * Worker-thread entry: extracts articles sent by the pool and posts the
 * extractions back with their sequence number. Lexicons load once per worker.
 */
import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract/index.js';
import type { Article } from '../types.js';

export interface WorkRequest {
  seq: number;
  article: Article;
}

parentPort?.on('message', (req: WorkRequest) => {
  try {
    parentPort!.postMessage({ seq: req.seq, extraction: extractArticle(req.article) });
  } catch (err) {
    parentPort!.postMessage({ seq: req.seq, error: `${(err as Error).message}` });
  }
});
