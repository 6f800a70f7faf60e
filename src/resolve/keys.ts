/**
 * The names an entity may be recognised by in later articles. Persons: spelling-
 * tolerant skeletons of their name-like forms. Events: only specific forms, those
 * with a proper noun in them ("Alaska summit"), never "the meeting".
 */
import type { ArticleEntity } from '../types.js';
import { normalizeName, skeleton, SURNAME_PARTICLES } from '../util/text.js';

export interface PersonKeys {
  /** Normalised skeletons of the full name and of name-like aliases ending in the surname. */
  names: string[];
  surname: string;
  first?: string;
}

const NAME_WORD = /^\p{Lu}/u;

/** Transliteration-tolerant form of one word: "Zelenskyy", "Zelensky", "Zelenskiy" agree. */
export const skeletonWord = (word: string): string => skeleton(word, true);

const skeletonName = (words: readonly string[]): string => words.map(skeletonWord).filter(Boolean).join(' ');

/** Keys of a person entity. */
export function personKeys(entity: ArticleEntity): PersonKeys {
  const words = entity.name.split(/\s+/).filter(Boolean);
  const surname = skeletonWord(words[words.length - 1] ?? entity.name);
  const first = words.length >= 2 && !SURNAME_PARTICLES.has(words[0]!) ? skeletonWord(words[0]!) : undefined;
  const names = new Set([skeletonName(words)]);
  for (const alias of entity.aliases) {
    const w = alias.split(/\s+/).filter(Boolean);
    if (w.length < 2 || !w.every((x) => NAME_WORD.test(x) || SURNAME_PARTICLES.has(x))) continue;
    if (skeletonWord(w[w.length - 1]!) === surname) names.add(skeletonName(w));
  }
  return { names: [...names].filter(Boolean), surname, ...(first ? { first } : {}) };
}

/** Keys of an event entity: its specific forms only. */
export function eventKeys(entity: ArticleEntity): string[] {
  const out = new Set<string>();
  for (const form of [entity.name, ...entity.aliases]) {
    const words = form.replace(/^(?:the|a|an|this|that)\s+/i, '').split(/\s+/);
    if (words.length < 2 || !words.some((w) => NAME_WORD.test(w))) continue;
    const key = normalizeName(words.join(' '));
    if (key) out.add(key);
  }
  return [...out];
}
