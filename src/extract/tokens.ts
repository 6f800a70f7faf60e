/**
 * The one tokenizer of the extract stage: word tokens of an article with their offsets,
 * sentence index and the facts the extractors ask about them (capitalised? sentence-initial?
 * possessive?). The sentence extractor tokenizes each article once (`ExtractionContext.tokens`);
 * lexicon phrases are split by the same regex, so a phrase matches the tokens it was written as.
 */
import type { Sentence } from '../types.js';
import { firstStartingFrom, lastStartingAtOrBefore } from '../util/search.js';
import { lexiconFile } from './lexicon-files.js';

export interface Token {
  /** The word as written, without a trailing possessive `'s`. */
  text: string;
  /** `text` in lower case. */
  lower: string;
  start: number;
  /** End of `text` (before any possessive). */
  end: number;
  /** The token was followed by `'s` / `’s`. */
  possessive: boolean;
  /** Starts with an upper-case letter or is an all-caps acronym. */
  cap: boolean;
  /** First word of its sentence (after opening quotes or brackets). */
  initial: boolean;
  sentence: number;
  index: number;
}

// Dotted acronyms ("U.S."), words with inner apostrophes, hyphens and ampersands ("O'Brien",
// "Kendall-Taylor", "AT&T", "won't"); a dot inside a word is a missing space ("Ukraine.He"), not part of it.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-&](?=[\p{L}\p{N}]))*/gu;
const POSSESSIVE = /['’]s$/;
const UPPER = /^\p{Lu}/u;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const MODIFIER_SUFFIX = /(?:-\p{Ll}+)+$/u;
// "Co-operation", "Anti-corruption": a prefix and a word, not a name and a modifier.
const HYPHEN_PREFIXES: ReadonlySet<string> = new Set(
  (lexiconFile('grammar.json') as { hyphenPrefixes: string[] }).hyphenPrefixes,
);

// Cheap character tests first: the regexes below are Unicode-aware and run per token,
// but most tokens are plain lower-case words that none of them can match.
const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Tokenises `text`, assigning each token to the sentence that contains it. */
export function tokenize(text: string, sentences: readonly Sentence[]): Token[] {
  const out: Token[] = [];
  let s = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0];
    const start = m.index;
    while (s < sentences.length - 1 && start >= sentences[s]!.end) s++;
    const lastCode = word.charCodeAt(word.length - 1);
    const possessive = lastCode === 0x73 /* s */ && word.length > 2 && POSSESSIVE.test(word);
    if (possessive) word = word.slice(0, -2);
    const firstCode = word.charCodeAt(0);
    // An ASCII lower-case first letter is never upper case; anything else asks the regex.
    const upper = !isAsciiLower(firstCode) && UPPER.test(word);
    // "NATO-style", "Cold War-era", "Russia-backed": the name is the capitalised part.
    if (
      upper &&
      word.includes('-') &&
      MODIFIER_SUFFIX.test(word) &&
      !HYPHEN_PREFIXES.has(word.slice(0, word.indexOf('-')).toLowerCase())
    )
      word = word.replace(MODIFIER_SUFFIX, '');
    const sent = sentences[s];
    const sentence = sent && start >= sent.start ? s : Math.max(0, s - 1);
    // Quotes and brackets are not tokens, so the first token of a sentence is its first word.
    const initial = out.length === 0 || out[out.length - 1]!.sentence !== sentence;
    out.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      possessive,
      // Ordinals join names ("24th Brigade").
      cap: upper || (isDigit(firstCode) && ORDINAL.test(word)),
      initial,
      sentence,
      index: out.length,
    });
  }
  return out;
}

/** Splits a lexicon phrase into the words `tokenize` would produce for it. */
export function phraseTokens(phrase: string): string[] {
  return phrase.match(TOKEN) ?? [];
}

/** Index of the first token starting at or after character `offset` (`tokens.length` when none). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  return firstStartingFrom(tokens, offset);
}

/** Index of the token containing character `offset`, or the nearest token before it. */
export function tokenContaining(tokens: readonly Token[], offset: number): number {
  return lastStartingAtOrBefore(tokens, offset);
}

/** Capitalised words the article also writes in lower case (lower-cased): such a word is a common word, not a name. */
export function lowerVocabulary(tokens: readonly Token[]): Set<string> {
  // Only capitalised words are ever looked up: collect those first, then which of them occur in lower case.
  const asked = new Set<string>();
  for (const t of tokens) if (t.cap) asked.add(t.lower);
  const vocab = new Set<string>();
  for (const t of tokens) if (!t.cap && asked.has(t.lower)) vocab.add(t.lower);
  return vocab;
}
