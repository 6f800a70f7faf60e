/**
 * The names an event may be recognised by in other articles: only specific forms, those
 * with a proper noun in them ("Alaska summit"), never "the meeting".
 */
import type { ArticleEntity } from '../types.js';
import { normalizeName } from '../util/text.js';

const NAME_WORD = /^\p{Lu}/u;

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
