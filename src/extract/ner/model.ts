/**
 * The tagger's model and its decoder: a linear-chain model over BIO tags (emission weights per
 * hashed feature and tag, transition weights per tag pair), decoded with Viterbi. The same
 * structure is trained by scripts/ner/train.ts (a structured averaged perceptron).
 */
import { FEATURES_PER_TOKEN, sentenceFeatures } from './features.js';

export type NameType = 'PER' | 'ORG' | 'LOC' | 'EVENT' | 'MISC';
export const NAME_TYPES: readonly NameType[] = ['PER', 'ORG', 'LOC', 'EVENT', 'MISC'];
/** Tag i: 0 is O; 2k+1 is B- and 2k+2 is I- of NAME_TYPES[k]. */
export const TAGS: readonly string[] = ['O', ...NAME_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const TAG_COUNT = TAGS.length;

/** A sentence of words with one tag each (training and evaluation data). */
export interface TaggedSentence {
  words: string[];
  tags: string[];
  /** The punctuation before each word (gapMark). */
  gaps: string[];
}

/** A name the tagger found: words [from, to) of the sentence. */
export interface NameSpan {
  from: number;
  to: number;
  type: NameType;
}

export interface TaggerModel {
  /** Open-addressing table of feature hashes (0 = empty); its size is a power of two. */
  keys: Int32Array;
  /** The row of each slot's weights in `weights`. */
  rows: Int32Array;
  /** TAG_COUNT emission weights a row, as integers: the weight is the integer × `scale`. */
  weights: Int16Array;
  scale: number;
  /** (TAG_COUNT + 1) × TAG_COUNT: from tag (the last row: sentence start) to tag; forbidden ones -Infinity. */
  transitions: Float32Array;
}

/** An I- tag may only continue a name of its own type. */
function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from === to || from === to - 1;
}

/** Where `hash`'s weights start in `model.weights`, or -1. */
export function weightsAt(model: TaggerModel, hash: number): number {
  const { keys, rows } = model;
  const mask = keys.length - 1;
  const key = hash | 0 || 1;
  for (let slot = key & mask; ; slot = (slot + 1) & mask) {
    const k = keys[slot]!;
    if (k === key) return rows[slot]! * TAG_COUNT;
    if (k === 0) return -1;
  }
}

/** Viterbi decoding given each token's emission scores (`scores[i * TAG_COUNT + tag]`); forbidden transitions weigh -Infinity. */
export function viterbi(
  scores: Float32Array | Float64Array,
  n: number,
  transitions: Float32Array | Float64Array,
): Uint8Array {
  const K = TAG_COUNT;
  const path = new Uint8Array(n);
  if (n === 0) return path;
  const best = new Float64Array(n * K);
  const back = new Uint8Array(n * K);
  for (let t = 0; t < K; t++) best[t] = scores[t]! + transitions[K * K + t]!;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * K;
    for (let t = 0; t < K; t++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < K; p++) {
        const v = best[prev + p]! + transitions[p * K + t]!;
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[i * K + t] = top + scores[i * K + t]!;
      back[i * K + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < K; t++) if (best[(n - 1) * K + t]! > best[(n - 1) * K + last]!) last = t;
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * K + path[i]!]!;
  return path;
}

/** The transitions with the forbidden ones (an I- tag that continues nothing of its type) set to -Infinity. */
export function constrained<T extends Float32Array | Float64Array>(transitions: T): T {
  const K = TAG_COUNT;
  const out = transitions.slice() as T;
  for (let p = 0; p <= K; p++)
    for (let t = 0; t < K; t++) if (p === K ? t !== 0 && t % 2 === 0 : !allowed(p, t)) out[p * K + t] = -Infinity;
  return out;
}

/** Emission scores of every token of a sentence under the model (`features` holds `perToken` hashes a token, 0 for none). */
function emissionScores(model: TaggerModel, features: Int32Array, perToken: number): Float32Array {
  const K = TAG_COUNT;
  const n = features.length / perToken;
  const sums = new Int32Array(n * K);
  const { weights } = model;
  for (let i = 0; i < n; i++) {
    const base = i * K;
    for (let f = i * perToken; f < (i + 1) * perToken; f++) {
      const h = features[f]!;
      if (h === 0) continue;
      const at = weightsAt(model, h);
      if (at < 0) continue;
      for (let t = 0; t < K; t++) sums[base + t]! += weights[at + t]!;
    }
  }
  const scores = new Float32Array(n * K);
  for (let k = 0; k < scores.length; k++) scores[k] = sums[k]! * model.scale;
  return scores;
}

/** The most likely tag of words [first, last) (all by default), the words around them read as context. */
export function tagWords(
  model: TaggerModel,
  words: readonly string[],
  gaps: readonly string[],
  first = 0,
  last = words.length,
): Uint8Array {
  if (last <= first) return new Uint8Array(0);
  const features = sentenceFeatures(words, gaps, first, last);
  return viterbi(emissionScores(model, features, FEATURES_PER_TOKEN), last - first, model.transitions);
}

/** The names a tag sequence spells. */
export function spansOf(tags: ArrayLike<number>): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) continue;
    if (t % 2 === 1 || out.length === 0 || out[out.length - 1]!.to !== i) {
      out.push({ from: i, to: i + 1, type: NAME_TYPES[(t - 1) >> 1]! });
    } else out[out.length - 1]!.to = i + 1;
  }
  return out;
}
