/**
 * A phrase matcher over an article's tokens. Matching
 * lexicon phrases token by token (a hash lookup on the first word) keeps every
 * extractor linear in the text, where one regular expression alternation of
 * hundreds of phrases would retry each phrase at every character.
 */
import { firstTokenFrom, phraseTokens, type Token } from '../tokens.js';

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
      const words = phraseTokens(p);
      if (words.length === 0) continue;
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
    let limit = firstTokenFrom(tokens, to);
    while (limit > 0 && tokens[limit - 1]!.end > to) limit--;
    for (let i = firstTokenFrom(tokens, from); i < limit; i++) {
      const hit = this.at(tokens, i, limit);
      if (hit) {
        out.push(hit);
        i = hit.next - 1;
      }
    }
    return out;
  }
}
