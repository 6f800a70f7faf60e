/**
 * Plain text (.txt). Text is kept as written, with two cheap repairs for pasted text:
 * Markdown link and bold syntax left over from copying a page (`[words](#)`, `**Name**`)
 * is reduced to its words, and hard-wrapped paragraphs (lines broken at a fixed width)
 * are joined, since every line break ends a paragraph for the sentence splitter.
 */
import type { ArticleDraft } from './types.js';

/** `[words](url)` → words, `**words**` / `__words__` → words. Single `*` and `_` are left alone. */
export function stripInlineMarkup(text: string): string {
  if (!text.includes('](') && !text.includes('**') && !text.includes('__')) return text;
  return text
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '')
    .replace(/\[([^\]\n]+)\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g, '$1')
    .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}])__(?=\S)([^_\n]+?)__(?![\p{L}\p{N}])/gu, '$1');
}

/**
 * True when the text is hard-wrapped: paragraphs separated by blank lines whose lines
 * mostly run on (no sentence end) and all break within a fixed width.
 */
export function isHardWrapped(text: string): boolean {
  const lines = text.split('\n');
  let nonEmpty = 0;
  let continued = 0;
  let max = 0;
  for (let i = 0; i < lines.length; i++) {
    const len = lines[i]!.trimEnd().length;
    if (len === 0) continue;
    nonEmpty++;
    max = Math.max(max, len);
    const next = lines[i + 1];
    if (next !== undefined && next.trim().length > 0 && !/[.!?:"”']$/.test(lines[i]!.trimEnd())) continued++;
  }
  return nonEmpty >= 6 && max <= 100 && continued / nonEmpty >= 0.5;
}

/** Joins the lines of each blank-line-separated paragraph of hard-wrapped text. */
export function unwrap(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((para) => para.replace(/[ \t]*\n[ \t]*/g, ' '))
    .join('\n\n');
}

/** Reads a plain-text article. Pure: no I/O. */
export function parseText(text: string): ArticleDraft {
  let t = stripInlineMarkup(text);
  if (isHardWrapped(t)) t = unwrap(t);
  return { text: t };
}
