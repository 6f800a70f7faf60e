/**
 * The format readers and how a format is chosen: by file extension, or sniffed from the
 * content for stdin and files without an extension.
 */
import { extname } from 'node:path';
import { looksLikeHtml } from './html.js';
import type { Format } from './types.js';

export { parseText } from './text.js';
export { parseMarkdown } from './markdown.js';
export { parseHtml, looksLikeHtml } from './html.js';
export { parseJsonDocument, parseJsonLine, readRecord, TEXT_FIELDS } from './json.js';
export type { ArticleDraft, Format } from './types.js';

/** Extensions read, lower case, and their format. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = Object.freeze({
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
});

/** The format of a path by its extension (case-insensitive); `null` for no extension, undefined for another one. */
export function formatOfPath(path: string): Format | null | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '' || ext === '.') return null;
  return FORMAT_BY_EXTENSION[ext];
}

/**
 * Guesses the format of text without a file name: a JSON array or object, JSON lines,
 * an HTML document, Markdown (front matter or a `#` heading first), else plain text.
 */
export function sniffFormat(text: string): Format {
  const head = text.trimStart();
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    try {
      JSON.parse(head);
      return 'json';
    } catch {
      return 'jsonl';
    }
  }
  if (looksLikeHtml(head)) return 'html';
  if (/^---\r?\n[\s\S]*?\r?\n---/.test(head) || /^#{1,6}\s+\S/.test(head)) return 'markdown';
  return 'text';
}
