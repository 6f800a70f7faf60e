/**
 * Sentence splitting: paragraphs are split on line breaks, then on sentence-final
 * punctuation followed by a capital or a quote (or by a list marker and then one), except after
 * common abbreviations. A list item's marker ("- ", "• ") is left out of its sentence. The same
 * extractor tokenizes the article, since each token records its sentence.
 */
import type { Sentence } from '../types.js';
import { tokenize } from './tokens.js';
import type { Extractor } from './types.js';
import { SENTENCE_ABBREVIATIONS } from './entities/lexicon.js';

// Abbreviations that end with a period but rarely end a sentence.

// A list item written inline after a full stop ('…them.” - On Russia: …') starts a sentence too.
const BOUNDARY = /([.!?…]+)(["”’')\]]*)(\s+)(?=(?:[-–•*]\s+)?["“‘'([]?[\p{Lu}\p{N}])/gu;
// The marker of a list item, which is no part of its sentence.
const LIST_MARKER = /^[-–•*]\s+/;

/** Splits `text` into sentences with their character spans (trimmed, non-empty). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start]!)) start++;
    const marker = LIST_MARKER.exec(text.slice(start, Math.min(end, start + 8)));
    if (marker && start + marker[0].length < end) start += marker[0].length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ index: out.length, start, end, text: text.slice(start, end) });
  };
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    const base = p.index;
    const para = p[0];
    let start = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(para); m; m = BOUNDARY.exec(para)) {
      const stop = m.index + m[1]!.length + m[2]!.length;
      if (m[1] === '.') {
        // Scan back only over the word before the period: a regex over the whole slice is quadratic in long paragraphs.
        let from = m.index;
        while (from > start && /[\p{L}.]/u.test(para[from - 1]!)) from--;
        const word = para.slice(from, m.index).toLowerCase();
        // "Mr. Smith", "U.S. officials", initials like "J. Smith".
        if (SENTENCE_ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
      }
      push(base + start, base + stop);
      start = stop;
    }
    push(base + start, base + para.length);
  }
  return out;
}

export const sentenceExtractor: Extractor = {
  id: 'sentences',
  version: '1',
  run(ctx) {
    ctx.sentences = splitSentences(ctx.article.text);
    ctx.tokens = tokenize(ctx.article.text, ctx.sentences);
  },
};
