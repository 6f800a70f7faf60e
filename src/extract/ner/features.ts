/**
 * The tagger's features: each token of a sentence becomes a list of 32-bit hashes of feature
 * strings (word, shape, affixes, neighbours, and what the project's lexicons say of the token and
 * its neighbours). Hashing keeps the model a table of numbers with no feature strings to ship.
 */
import { FIRST_NAMES, FUNCTION_WORDS, ORG_SUFFIXES, PLACE_SUFFIXES, TITLE_WORDS } from '../entities/lexicon.js';
import { phraseAt } from '../entities/segments.js';

/** FNV-1a over a string's UTF-16 code units; never 0 (0 marks an empty slot in the model's table). */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** "McDonald" → "XxXx", "U.S." → "X.X.", "2024" → "d": runs of one class collapse. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** What the lexicons say of each token: the kind of a known phrase covering it (B-/I- by position), or of the word alone. */
function lexiconMarks(words: readonly string[]): string[] {
  const marks = words.map(() => '');
  // The words as the lexicons' phrase lookup reads tokens; a possessive was split off the word already.
  const asTokens = words.map((text) => ({ text, lower: text.toLowerCase(), possessive: false }));
  for (let i = 0; i < words.length; i++) {
    const phrase = phraseAt(asTokens, i, words.length);
    if (!phrase) continue;
    for (let k = i; k < phrase.to; k++) marks[k] = `${k === i ? 'B' : 'I'}${phrase.info.kind}`;
    i = phrase.to - 1;
  }
  return words.map((w, i) => {
    if (marks[i]) return marks[i];
    const lower = w.toLowerCase();
    if (FIRST_NAMES.has(w)) return 'first';
    if (ORG_SUFFIXES.has(w)) return 'orgword';
    if (PLACE_SUFFIXES.has(w)) return 'placeword';
    if (TITLE_WORDS.has(lower) && w !== lower) return 'titleword';
    if (FUNCTION_WORDS.has(lower)) return 'function';
    return '';
  });
}

/**
 * The punctuation written between two words, reduced to what marks a name's edge: a comma, a
 * bracket, a quote, a sentence stop, a colon or dash; '' for none.
 */
export function gapMark(between: string): string {
  const marks = between.replace(/['’]s\b/g, '').replace(/[^,;:()[\]"“”‘’'.!?—–-]/g, '');
  return marks.slice(0, 2);
}

/** gapMark of the text before each token (from the previous token's end, or the sentence start). */
export function tokenGaps(
  text: string,
  tokens: readonly { start: number; end: number; possessive: boolean }[],
  from = 0,
): string[] {
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    const start = prev ? prev.end + (prev.possessive ? 2 : 0) : from;
    return gapMark(text.slice(start, t.start));
  });
}

// Feature templates: a feature's hash mixes its template's number with its values' hashes.
const T = {
  Bias: 1,
  Word: 2,
  Shape: 3,
  P1: 4,
  P2: 5,
  P3: 6,
  X1: 7,
  X2: 8,
  X3: 9,
  X4: 10,
  PrevWord: 11,
  NextWord: 12,
  Prev2Word: 13,
  Next2Word: 14,
  PrevShape: 15,
  NextShape: 16,
  PrevShapeShape: 17,
  ShapeNextShape: 18,
  PrevWordWord: 19,
  WordNextWord: 20,
  Lex: 21,
  PrevLex: 22,
  NextLex: 23,
  PrevLexLexShape: 24,
  Gap: 25,
  NextGap: 26,
  GapShape: 27,
  FirstShape: 28,
  FirstWord: 29,
} as const;

/** Mixes a template number and up to three value hashes into one non-zero 32-bit hash. */
function mix(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ b ^ (h >>> 13), 0x85ebca6b);
  h = Math.imul(h ^ c ^ (h >>> 16), 0xc2b2ae35);
  h ^= h >>> 15;
  // Signed, so that hashes stay small integers to the engine; never 0 (an empty slot).
  return h | 0 || 1;
}

/** A word's own features: the same for every occurrence, so computed once per distinct word. */
interface WordFacts {
  word: number;
  shape: number;
  affixes: number[];
}
const wordFacts = new Map<string, WordFacts>();
const BOUNDARY = { start: hashFeature('<s>'), end: hashFeature('</s>') };

function factsOf(word: string): WordFacts {
  let facts = wordFacts.get(word);
  if (facts) return facts;
  const lower = word.toLowerCase();
  facts = {
    word: hashFeature(lower),
    shape: hashFeature(wordShape(word)),
    affixes: [
      mix(T.P1, hashFeature(lower.slice(0, 1))),
      mix(T.P2, hashFeature(lower.slice(0, 2))),
      mix(T.P3, hashFeature(lower.slice(0, 3))),
      mix(T.X1, hashFeature(lower.slice(-1))),
      mix(T.X2, hashFeature(lower.slice(-2))),
      mix(T.X3, hashFeature(lower.slice(-3))),
      mix(T.X4, hashFeature(lower.slice(-4))),
    ],
  };
  // A bounded memo: news vocabularies are large but repetitive.
  if (wordFacts.size > 200_000) wordFacts.clear();
  wordFacts.set(word, facts);
  return facts;
}

/** Feature slots per token in `sentenceFeatures`' result (the first word's two extra included). */
export const FEATURES_PER_TOKEN = 29;

/**
 * Feature hashes for tokens [first, last) of a sentence (all by default), reading the words
 * around them: token i's are `out[(i - first) * FEATURES_PER_TOKEN …]`, 0 for an unused slot.
 */
export function sentenceFeatures(
  words: readonly string[],
  gaps: readonly string[],
  first = 0,
  last = words.length,
): Int32Array {
  const n = words.length;
  const facts = words.map(factsOf);
  const lex = lexiconMarks(words).map(hashFeature);
  const gap = gaps.map(hashFeature);
  const word = (i: number): number => (i < 0 ? BOUNDARY.start : i >= n ? BOUNDARY.end : facts[i]!.word);
  const shape = (i: number): number => (i < 0 ? BOUNDARY.start : i >= n ? BOUNDARY.end : facts[i]!.shape);
  const lexAt = (i: number): number => (i < 0 ? BOUNDARY.start : i >= n ? BOUNDARY.end : lex[i]!);
  const out = new Int32Array((last - first) * FEATURES_PER_TOKEN);
  const bias = mix(T.Bias, 0);
  for (let i = first; i < last; i++) {
    const f = (i - first) * FEATURES_PER_TOKEN;
    const w = word(i);
    const s = shape(i);
    out[f] = bias;
    out[f + 1] = mix(T.Word, w);
    out[f + 2] = mix(T.Shape, s);
    out.set(facts[i]!.affixes, f + 3);
    out[f + 10] = mix(T.PrevWord, word(i - 1));
    out[f + 11] = mix(T.NextWord, word(i + 1));
    out[f + 12] = mix(T.Prev2Word, word(i - 2));
    out[f + 13] = mix(T.Next2Word, word(i + 2));
    out[f + 14] = mix(T.PrevShape, shape(i - 1));
    out[f + 15] = mix(T.NextShape, shape(i + 1));
    out[f + 16] = mix(T.PrevShapeShape, shape(i - 1), s);
    out[f + 17] = mix(T.ShapeNextShape, s, shape(i + 1));
    out[f + 18] = mix(T.PrevWordWord, word(i - 1), w);
    out[f + 19] = mix(T.WordNextWord, w, word(i + 1));
    out[f + 20] = mix(T.Lex, lex[i]!);
    out[f + 21] = mix(T.PrevLex, lexAt(i - 1));
    out[f + 22] = mix(T.NextLex, lexAt(i + 1));
    out[f + 23] = mix(T.PrevLexLexShape, lexAt(i - 1), lex[i], s);
    out[f + 24] = mix(T.Gap, gap[i]!);
    out[f + 25] = mix(T.NextGap, i + 1 < n ? gap[i + 1]! : BOUNDARY.end);
    out[f + 26] = mix(T.GapShape, gap[i]!, s);
    if (i === 0) {
      out[f + 27] = mix(T.FirstShape, s);
      out[f + 28] = mix(T.FirstWord, w);
    }
  }
  return out;
}
