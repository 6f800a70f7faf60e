/**
 * The names an event may be recognised by in other articles: only specific forms, those
 * with a proper noun in them ("Alaska summit"), never "the meeting".
 */
import type { ArticleEntity } from '../types.js';
import { normalizeName } from '../util/text.js';

const NAME_WORD = /^\p{Lu}/u;

/** Keys of an event entity: its specific forms only, each with the proper nouns that make it specific. */
export function eventKeys(entity: ArticleEntity): { key: string; proper: string[] }[] {
  const out = new Map<string, string[]>();
  for (const form of [entity.name, ...entity.aliases]) {
    const words = form.replace(/^(?:the|a|an|this|that)\s+/i, '').split(/\s+/);
    const proper = words.filter((w) => NAME_WORD.test(w));
    if (words.length < 2 || proper.length === 0) continue;
    const key = normalizeName(words.join(' '));
    if (key && !out.has(key)) out.set(key, proper);
  }
  return [...out].map(([key, proper]) => ({ key, proper }));
}
