/**
 * articles.jsonl, beside graph.json: each article's cleaned text, the text every offset of the graph
 * indexes into (`Mention.start/end`, `Evidence.start/end` are UTF-16 code-unit offsets into it, as
 * JavaScript strings count). One JSON object per line, `{id, title, date, url, source, text}`, in
 * the order the articles were read. `build` writes it; `view` and `export --format html` read it, so
 * an evidence opens on its article with the sentence highlighted.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from '../types.js';
import { openText } from '../util/files.js';

export const ARTICLE_TEXTS_FILE = 'articles.jsonl';

/** Where the texts of the graph at `graphPath` live. */
export function articleTextsPath(graphPath: string): string {
  return join(dirname(graphPath), ARTICLE_TEXTS_FILE);
}

/**
 * Writes articles.jsonl a line per article as they are read (no text is held), to a temporary file
 * renamed by `finish`, so an earlier file stays whole until the new one is.
 */
export class ArticleTextsWriter {
  private readonly temporary: string;
  private fd: number | undefined;
  private pending = '';

  constructor(private readonly path: string) {
    this.temporary = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temporary, 'w');
  }

  add(article: Article): void {
    if (this.fd === undefined) return;
    const { id, title, date, url, source, text } = article;
    this.pending += `${JSON.stringify({ id, title, date, url, source, text })}\n`;
    // Written a megabyte at a time: one write per article cost more than the texts themselves.
    if (this.pending.length >= 1 << 20) this.flush();
  }

  /** Puts the file in place. */
  finish(): void {
    this.flush();
    this.close();
    renameSync(this.temporary, this.path);
  }

  private flush(): void {
    if (this.fd !== undefined && this.pending) writeSync(this.fd, this.pending);
    this.pending = '';
  }

  /** Drops the file, leaving any earlier one as it was. */
  abandon(): void {
    this.close();
    try {
      unlinkSync(this.temporary);
    } catch {
      // already gone
    }
  }

  private close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * The texts of the articles `wanted` names, from an articles.jsonl; undefined when the file does
 * not exist. A line that is not valid JSON or has no string `id` and `text` is skipped.
 */
export async function readArticleTexts(
  path: string,
  wanted: (id: string) => boolean = () => true,
): Promise<Map<string, string> | undefined> {
  let input;
  try {
    input = await openText(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const texts = new Map<string, string>();
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line) continue;
    try {
      const record = JSON.parse(line) as { id?: unknown; text?: unknown };
      if (typeof record.id === 'string' && typeof record.text === 'string' && wanted(record.id))
        texts.set(record.id, record.text);
    } catch {
      // A damaged line costs that article's text only.
    }
  }
  return texts;
}
