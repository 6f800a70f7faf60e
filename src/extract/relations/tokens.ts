/**
 * Word tokens of the quote-masked text and a phrase matcher over them. Matching
 * lexicon phrases token by token (a hash lookup on the first word) keeps every
 * extractor linear in the text, where one regular expression alternation of
 * hundreds of phrases would retry each phrase at every character.
 */

/** A word: letters and digits, with inner hyphens and apostrophes ("sit-down", "won't"). */
export interface Token {
  start: number;
  end: number;
  /** Lower case. */
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The words of `text` (quote-masked text has none inside quotes: `_` is not a letter). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = m[0];
    const lower = w.toLowerCase();
    out.push({ start: m.index, end: m.index + w.length, lower, cap: w[0] !== lower[0] });
  }
  return out;
}

/** Index of the first token starting at or after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A phrase found in the text. */
export interface PhraseHit {
  start: number;
  end: number;
  /** The lexicon phrase, lower case, single-spaced. */
  text: string;
  /** Index of the phrase's first token. */
  token: number;
  /** Index after the phrase's last token. */
  next: number;
}

/** Finds lexicon phrases (one or more words) in token lists; the longest phrase wins at a position. */
export class PhraseMatcher {
  // Each phrase keeps its joined text, so a hit costs no join.
  private readonly byFirst = new Map<string, { words: string[]; text: string }[]>();

  constructor(phrases: Iterable<string>) {
    for (const p of new Set([...phrases].map((x) => x.toLowerCase().trim()))) {
      const words = p.split(/\s+/);
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, text: words.join(' ') });
      this.byFirst.set(words[0]!, list);
    }
    for (const list of this.byFirst.values())
      list.sort((a, b) => b.words.length - a.words.length || (a.text < b.text ? -1 : 1));
  }

  /** The phrase starting at token `i`, if any. */
  at(tokens: readonly Token[], i: number, limit = tokens.length): PhraseHit | undefined {
    const list = this.byFirst.get(tokens[i]!.lower);
    if (!list) return undefined;
    for (const { words, text } of list) {
      if (i + words.length > limit) continue;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) ok = tokens[i + k]!.lower === words[k];
      if (ok) {
        const last = tokens[i + words.length - 1]!;
        return { start: tokens[i]!.start, end: last.end, text, token: i, next: i + words.length };
      }
    }
    return undefined;
  }

  /** Non-overlapping phrases lying within [from, to), in text order. */
  find(tokens: readonly Token[], from: number, to: number): PhraseHit[] {
    const out: PhraseHit[] = [];
    let limit = tokenAt(tokens, to);
    while (limit > 0 && tokens[limit - 1]!.end > to) limit--;
    for (let i = tokenAt(tokens, from); i < limit; i++) {
      const hit = this.at(tokens, i, limit);
      if (hit) {
        out.push(hit);
        i = hit.next - 1;
      }
    }
    return out;
  }
}
