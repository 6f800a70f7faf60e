/**
 * Markdown (.md). Syntax goes, text stays: front matter gives metadata, the first
 * level-1 heading is the title, headings/list items/quotes keep one line each, links
 * become their words, images and reference definitions disappear, code fences keep
 * their content, and soft-wrapped paragraph lines are joined (as Markdown renders them).
 */
import type { ArticleDraft } from './types.js';

/** `key: value` lines of a YAML front-matter block (flat keys only, which is what metadata uses). */
function parseFrontMatter(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m || m[2]!.length === 0) continue;
    out[m[1]!.toLowerCase()] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** Inline syntax → plain words. */
export function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // [words](url "title")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [words][ref]
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // autolinks
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}

const FENCE = /^\s{0,3}(```+|~~~+)/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const LIST = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const QUOTE = /^\s{0,3}>\s?/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const REF_DEF = /^\s{0,3}\[[^\]]+\]:\s*\S+/;

/** Reads a Markdown article. Pure: no I/O. */
export function parseMarkdown(source: string): ArticleDraft {
  let body = source.replace(/\r\n?/g, '\n');
  const draft: ArticleDraft = { text: '' };
  const fm = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\s*(?:\n|$)/.exec(body);
  if (fm) {
    const meta = parseFrontMatter(fm[1]!);
    if (meta.title) draft.title = meta.title;
    const date = meta.date ?? meta.published ?? meta.published_at ?? meta.publishdate;
    if (date) draft.date = date;
    const url = meta.url ?? meta.link ?? meta.canonical ?? meta.canonical_url;
    if (url) draft.url = url;
    const src = meta.source ?? meta.publisher ?? meta.site;
    if (src) draft.source = src;
    body = body.slice(fm[0].length);
  }

  const out: string[] = [];
  let para: string[] = [];
  const flush = (): void => {
    if (para.length > 0) out.push(stripInlineMarkdown(para.join(' ')));
    para = [];
  };
  let fence: string | undefined;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      else out.push(line);
      continue;
    }
    if (f) {
      flush();
      fence = f[1]!;
      continue;
    }
    if (line.trim().length === 0) {
      flush();
      out.push('');
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      flush();
      const text = stripInlineMarkdown(atx[2]!);
      if (atx[1] === '#' && draft.title === undefined) draft.title = text;
      out.push(text);
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && para.length > 0) {
      const text = stripInlineMarkdown(para.join(' '));
      para = [];
      if (setext[1]![0] === '=' && draft.title === undefined) draft.title = text;
      out.push(text);
      continue;
    }
    if (RULE.test(line) || TABLE_RULE.test(line) || REF_DEF.test(line)) {
      flush();
      continue;
    }
    let content = line;
    let block = false;
    while (QUOTE.test(content)) {
      content = content.replace(QUOTE, '');
      block = true;
    }
    if (LIST.test(content)) {
      flush();
      out.push(stripInlineMarkdown(content.replace(LIST, '').trim()));
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(content)) {
      flush();
      const cells = content
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => stripInlineMarkdown(c.trim()));
      out.push(cells.filter((c) => c.length > 0).join(' | '));
      continue;
    }
    if (block && content.trim().length === 0) {
      flush();
      continue;
    }
    para.push(content.trim());
  }
  flush();
  draft.text = out.join('\n');
  return draft;
}
