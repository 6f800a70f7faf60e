/**
 * Finds quotations in an article: double quotes (curly or straight) first, then
 * single quotes (curly or straight, as British tabloids use them) outside them.
 * A quote left open at the end of a paragraph is the journalistic convention for
 * a quotation that continues into the next paragraph, so it ends at the line break
 * and is flagged `openEnded`; so does one followed, after a full stop, by another opening
 * mark (the same convention in a text whose paragraph breaks were lost). Speech marked with dashes
 * ("- … - said X") counts as a quotation too.
 */
import { firstStartingFrom } from '../../util/search.js';

/** One quotation: `start`/`end` span the quoted words, `open`/`close` include the marks. */
export interface Quote {
  start: number;
  end: number;
  open: number;
  close: number;
  /** Index into the paragraph list. */
  paragraph: number;
  /** No closing mark: the quote runs to the end of its paragraph, or to the next quote's opening mark after a full stop. */
  openEnded: boolean;
  /** Single (‘…’ or '…') rather than double marks. */
  single: boolean;
  /** The quoted words, trimmed of edge punctuation that belongs to the frame (",", spaces). */
  text: string;
}

/** A paragraph (one line of text) with its span. */
export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

/** Splits `text` into non-empty lines. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (/\S/.test(m[0])) out.push({ index: out.length, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const DOUBLE_MARKS = /["“”„«»]/g;
const SINGLE_MARKS = /['‘’]/g;
// A mark opens when it follows a space or opening punctuation and precedes a non-space.
const OPEN_BEFORE = new Set([...' \t\u00a0([{—–-/:;,'].map((c) => c.charCodeAt(0)));
const CLOSE_AFTER = new Set([...' \t\u00a0.,;:!?)]}—–-…\'’"”'].map((c) => c.charCodeAt(0)));
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0 || c === 10 || c === 13;

interface Mark {
  pos: number;
  canOpen: boolean;
  canClose: boolean;
  ch: string;
}

/** Where the marks of `marks` stand in the whole text, found in one pass. */
function markPositions(text: string, marks: RegExp): { start: number }[] {
  const out: { start: number }[] = [];
  marks.lastIndex = 0;
  for (let m = marks.exec(text); m; m = marks.exec(text)) out.push({ start: m.index });
  return out;
}

/**
 * The marks of one paragraph, from the article's mark positions: a search per paragraph would run
 * on to the next mark, to the end of a long text without quotes, for every paragraph.
 */
function marksIn(text: string, from: number, to: number, positions: readonly { start: number }[]): Mark[] {
  const out: Mark[] = [];
  for (let i = firstStartingFrom(positions, from); i < positions.length && positions[i]!.start < to; i++) {
    const pos = positions[i]!.start;
    const prev = pos > from ? text.charCodeAt(pos - 1) : 32;
    const next = pos + 1 < to ? text.charCodeAt(pos + 1) : 32;
    const ch = text[pos]!;
    out.push({
      pos,
      ch,
      canOpen: OPEN_BEFORE.has(prev) && !isSpace(next),
      canClose: (!isSpace(prev) || ch === '”' || ch === '"') && (pos + 1 >= to || CLOSE_AFTER.has(next)),
    });
  }
  return out;
}

function trimQuote(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/^[\s,;:]+/, '')
    .replace(/[\s,;:]+$/, '');
}

function make(text: string, p: Paragraph, open: number, close: number, openEnded: boolean, single: boolean): Quote {
  const start = open + 1;
  const end = openEnded ? close : close - 1;
  return { start, end, open, close, paragraph: p.index, openEnded, single, text: trimQuote(text, start, end) };
}

// Words, then the end of a sentence (and spaces) at the end of the text.
const SENTENCE_END = /[\p{L}\p{N}][^\p{L}\p{N}]*[.!?…]\s*$/u;

function doubleQuotes(text: string, p: Paragraph, positions: readonly { start: number }[]): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  for (const m of marksIn(text, p.start, p.end, positions)) {
    if (open < 0) {
      // A lone closing mark (nothing open) is noise; everything else opens.
      if (m.ch === '”' && m.canClose && !m.canOpen) continue;
      if (m.ch === '"' && !m.canOpen && m.canClose) continue;
      open = m.pos;
    } else if (m.ch === '“' || m.ch === '„' || (m.canOpen && !m.canClose)) {
      // An opening mark while a quote is open. After a full stop it is a quotation going on in a
      // new paragraph whose line break was lost ('…for ever. "I am not sure…'): the earlier quote
      // ends there. Otherwise the earlier mark was never closed.
      if (SENTENCE_END.test(text.slice(Math.max(open + 1, m.pos - 40), m.pos)))
        out.push(make(text, p, open, m.pos, true, false));
      open = m.pos;
    } else {
      out.push(make(text, p, open, m.pos + 1, false, false));
      open = -1;
    }
  }
  if (open >= 0 && p.end - open > 2) out.push(make(text, p, open, p.end, true, false));
  return out;
}

function singleQuotes(text: string, p: Paragraph, taken: Quote[], positions: readonly { start: number }[]): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  let k = 0;
  for (const m of marksIn(text, p.start, p.end, positions)) {
    // Marks inside a double-quoted span belong to nested quotes or apostrophes.
    while (k < taken.length && taken[k]!.close <= m.pos) k++;
    if (k < taken.length && m.pos >= taken[k]!.open) continue;
    const next = text[m.pos + 1] ?? ' ';
    if (open < 0) {
      // Straight or left marks at a word start open, unless they elide ("'90s", "'em").
      if (m.ch !== '’' && m.canOpen && !/\d/.test(next) && !/^'(em|til|cause)\b/i.test(text.slice(m.pos, m.pos + 6))) {
        open = m.pos;
      }
    } else if (m.canClose && m.ch !== '‘') {
      if (m.pos - open > 1) out.push(make(text, p, open, m.pos + 1, false, true));
      open = -1;
    } else if (m.ch === '‘') {
      open = m.pos;
    }
  }
  // Single quotes are never carried over paragraphs: an unmatched one is far more often an apostrophe.
  return out;
}

// Speech opened by a dash at a paragraph's or sentence's start and closed by a dash before its
// attribution ("- Talks with Beijing are difficult. - admitted Podolak."), the convention of news
// translated from Polish and other languages that mark dialogue with dashes.
// One space after the opening dash (a Markdown list item is written "-   …"), and a reporting verb
// after the closing one: a past tense or an irregular form, then the speaker.
const DASH_OPEN = /(?:^|(?<=[.!?]))\s*[-–—] (?=\p{Lu})/gu;
const DASH_CLOSE =
  /\s[-–—]\s+(?=(?:\p{Ll}+ed|said|says|wrote|writes|told|tells|adds|asks|notes|stresses)\s+(?:\p{Lu}|he\b|she\b))/u;

function dashQuotes(text: string, p: Paragraph, taken: readonly Quote[]): Quote[] {
  const out: Quote[] = [];
  const body = text.slice(p.start, p.end);
  if (!/[-–—]/u.test(body)) return out;
  DASH_OPEN.lastIndex = 0;
  for (let m = DASH_OPEN.exec(body); m; m = DASH_OPEN.exec(body)) {
    const dash = p.start + m.index + m[0].search(/[-–—]/u);
    const close = DASH_CLOSE.exec(text.slice(dash + 2, p.end));
    if (!close) continue;
    const closeAt = dash + 2 + close.index + close[0].search(/[-–—]/u);
    if (taken.some((q) => q.open < closeAt && dash < q.close)) continue;
    out.push(make(text, p, dash, closeAt + 1, false, false));
    DASH_OPEN.lastIndex = closeAt - p.start + 1;
  }
  return out;
}

/** All quotations of `text`, in reading order. */
export function findQuotes(text: string, paragraphs: readonly Paragraph[] = splitParagraphs(text)): Quote[] {
  const out: Quote[] = [];
  const doubleMarks = markPositions(text, DOUBLE_MARKS);
  const singleMarks = markPositions(text, SINGLE_MARKS);
  for (const p of paragraphs) {
    const doubles = doubleQuotes(text, p, doubleMarks);
    const singles = singleQuotes(text, p, doubles, singleMarks);
    const dashes = dashQuotes(text, p, [...doubles, ...singles]);
    out.push(...[...doubles, ...singles, ...dashes].sort((a, b) => a.open - b.open));
  }
  return out.filter((q) => q.text.length > 0);
}

/**
 * A copy of `text` with every quoted word replaced by `_` (offsets kept), so that
 * attribution patterns never match inside the quoted words.
 */
export function maskQuotes(text: string, quotes: readonly Quote[]): string {
  if (quotes.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    if (q.start < at) continue;
    parts.push(text.slice(at, q.start), '_'.repeat(q.end - q.start));
    at = q.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Number of words in `s`. */
export function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

/**
 * A title or name in quotes ("The Beast", “Pursuing Peace”): every word
 * capitalised, short, no sentence punctuation.
 */
export function looksLikeTitle(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5 || /[.!?,;:]$/.test(s)) return false;
  const minor = /^(of|the|a|an|and|in|on|for|to|at|by)$/;
  return words.every((w, i) => (i > 0 && minor.test(w)) || /^[\p{Lu}\p{N}]/u.test(w));
}
