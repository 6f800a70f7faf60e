/**
 * Ingest stage: turns files, folders and stdin into Articles, one at a time.
 * (Minimal first version: .txt files and folders; formats and furniture removal follow.)
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Article } from '../types.js';

export type IngestItem =
  | { kind: 'article'; article: Article }
  | { kind: 'skipped'; path: string; reason: string };

export interface IngestOptions {
  /** Files larger than this are skipped. */
  maxFileBytes?: number;
}

async function* walk(path: string): AsyncGenerator<string> {
  const s = await stat(path);
  if (!s.isDirectory()) {
    yield path;
    return;
  }
  const entries = (await readdir(path)).sort();
  for (const e of entries) yield* walk(join(path, e));
}

/** Reads every input (file, folder or `-`) and yields articles or skipped files, in a stable order. */
export async function* readArticles(inputs: readonly string[], _options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    const root = resolve(input);
    for await (const file of walk(root)) {
      const text = await readFile(file, 'utf8');
      const id = relative(resolve(root, '..'), file);
      const [first = '', ...rest] = text.split('\n');
      yield { kind: 'article', article: { id, path: file, title: first.trim(), text: text } };
      void rest;
    }
  }
}
