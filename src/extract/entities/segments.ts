/**
 * Capitalised runs and their segmentation: a run ("US Secretary of State Marco
 * Rubio") is cut into known phrases (country "US", title "Secretary of State") and
 * unknown chunks ("Marco Rubio") that the classifier then labels.
 */
import { FUNCTION_WORDS, NAME_ABBREVIATIONS, NAME_CONNECTORS, type PhraseInfo, PHRASES } from './lexicon.js';
import type { Token } from '../tokens.js';
import { SURNAME_PARTICLES } from '../../util/text.js';

export interface Segment {
  /** Known phrase, or null for an unknown capitalised chunk. */
  info: PhraseInfo | null;
  /** Index of the first and one past the last token, in the article's token array. */
  from: number;
  to: number;
}

// Lower-case words that may join the parts of one name ("Bank of England", "Ursula von der Leyen").

/** Surname particles: they may start a name ("von der Leyen"), the other connectors may not. */
export const PARTICLES = SURNAME_PARTICLES;
const INITIAL = /^\p{Lu}$/u;

/** True when text[from, to) is one or more spaces or no-break spaces (no slice, no regex: this runs for every token pair). */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * True when only spaces separate token `a` (and its possessive) from token `b`, or `a` is an initial
 * ("Joseph R. Biden") or a place name's abbreviation ("St. Louis").
 */
function adjacent(text: string, a: Token, b: Token): boolean {
  if (a.possessive) return false;
  if (onlySpaces(text, a.end, b.start)) return true;
  // An initial and its dot: ". " between them.
  return (
    b.cap &&
    text.charCodeAt(a.end) === 0x2e &&
    onlySpaces(text, a.end + 1, b.start) &&
    (INITIAL.test(a.text) || NAME_ABBREVIATIONS.has(a.text))
  );
}

/** "von der Leyen": particles directly followed by a capitalised word. */
function startsWithParticles(text: string, tokens: readonly Token[], i: number): boolean {
  let k = i;
  while (k < tokens.length && !tokens[k]!.cap && PARTICLES.has(tokens[k]!.text)) k++;
  if (k === i || k >= tokens.length || !tokens[k]!.cap) return false;
  for (let j = i + 1; j <= k; j++) if (!adjacent(text, tokens[j - 1]!, tokens[j]!)) return false;
  return true;
}

/** Index ranges [from, to) of the capitalised runs, connectors inside them included. */
export function capitalisedRuns(text: string, tokens: readonly Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.cap && !startsWithParticles(text, tokens, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1]!;
      const t = tokens[j]!;
      if (!adjacent(text, prev, t)) break;
      if (t.cap) {
        j++;
        continue;
      }
      // A connector joins only when a capitalised word follows it directly.
      let k = j;
      while (
        k < tokens.length &&
        !tokens[k]!.cap &&
        NAME_CONNECTORS.has(tokens[k]!.text) &&
        adjacent(text, tokens[k - 1]!, tokens[k]!)
      )
        k++;
      if (k > j && k < tokens.length && tokens[k]!.cap && adjacent(text, tokens[k - 1]!, tokens[k]!)) j = k + 1;
      else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Looks up the longest known phrase starting at token `i` and ending before `to`. */
export function longestPhrase(
  tokens: readonly Token[],
  i: number,
  to: number,
): { info: PhraseInfo; to: number } | null {
  return phraseAt(tokens, i, to) ?? (SHOUTED.test(tokens[i]!.text) ? lookup(tokens, i, to, titleCase) : null);
}

/** What `phraseAt` reads of a token. */
export type PhraseToken = Pick<Token, 'text' | 'lower' | 'possessive'>;

/** The longest known phrase written exactly as the tokens from `i` (and ending before `to`) are. */
export function phraseAt(
  tokens: readonly PhraseToken[],
  i: number,
  to: number,
): { info: PhraseInfo; to: number } | null {
  return lookup(tokens, i, to, (t) => t.text);
}

// "LONDON", "NEW YORK" in datelines and headlines: looked up again in title case.
const SHOUTED = /^\p{Lu}{3,}$/u;
const titleCase = (t: PhraseToken): string => (SHOUTED.test(t.text) ? t.text[0] + t.lower.slice(1) : t.text);

interface PhraseNode {
  info?: PhraseInfo;
  next?: Map<string, PhraseNode>;
}

// PHRASES as a token trie: walking it looks up one token at a time, where joining the
// tokens into keys of every length built and hashed a new string per length.
const TRIE = new Map<string, PhraseNode>();
for (const [key, info] of PHRASES) {
  const words = key.split(' ');
  let level = TRIE;
  let node: PhraseNode | undefined;
  for (const w of words) {
    node = level.get(w);
    if (!node) level.set(w, (node = {}));
    level = node.next ??= new Map<string, PhraseNode>();
  }
  node!.info = info;
}

function lookup(
  tokens: readonly PhraseToken[],
  i: number,
  to: number,
  form: (t: PhraseToken) => string,
): { info: PhraseInfo; to: number } | null {
  const max = to - i;
  if (max <= 0) return null;
  let node = TRIE.get(form(tokens[i]!));
  let best: { info: PhraseInfo; to: number } | null = null;
  for (let l = 1; node; l++) {
    if (node.info) best = { info: node.info, to: i + l };
    // A possessive ends the phrase ("Britain's Foreign Office" is not "Britain Foreign Office").
    if (l >= max || tokens[i + l - 1]!.possessive) break;
    node = node.next?.get(form(tokens[i + l]!));
  }
  return best;
}

/** Cuts the run [from, to) into known phrases and unknown chunks; connectors and function words between them are dropped. */
export function segmentRun(tokens: readonly Token[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let chunk = -1;
  const closeChunk = (end: number): void => {
    if (chunk >= 0) {
      // Connectors never start or end a name.
      let a = chunk;
      let b = end;
      while (a < b && !tokens[a]!.cap && !PARTICLES.has(tokens[a]!.text)) a++;
      while (b > a && !tokens[b - 1]!.cap) b--;
      if (b > a) out.push({ info: null, from: a, to: b });
    }
    chunk = -1;
  };
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    const hit = t.cap || !NAME_CONNECTORS.has(t.text) ? longestPhrase(tokens, i, to) : null;
    if (hit) {
      closeChunk(i);
      out.push({ info: hit.info, from: i, to: hit.to });
      i = hit.to;
      continue;
    }
    if (t.cap && FUNCTION_WORDS.has(t.lower)) {
      closeChunk(i);
    } else if (chunk < 0) {
      if (t.cap || PARTICLES.has(t.text)) chunk = i;
    } else if (t.text === 'and') {
      // "Trump and Putin" are two names; "Bosnia and Herzegovina" is caught by the lexicon.
      closeChunk(i);
    }
    i++;
    if (t.possessive) closeChunk(i);
  }
  closeChunk(to);
  return out;
}
