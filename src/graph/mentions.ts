/** Mentions of one entity grouped per article: what Neo4j's MENTIONED_IN links and the CSV/Cypher exports carry. */
import type { EntityAttrs } from '../types.js';
import { compareStrings } from '../util/text.js';

export interface MentionRow {
  article: string;
  count: number;
  texts: string[];
}

/** Every article with mentions of the entity, and every listed article (count 0 if it has none recorded). */
export function mentionRows(a: EntityAttrs): MentionRow[] {
  const perArticle = new Map<string, { count: number; texts: Set<string> }>();
  for (const m of a.mentions) {
    const entry = perArticle.get(m.article) ?? { count: 0, texts: new Set<string>() };
    entry.count++;
    entry.texts.add(m.text);
    perArticle.set(m.article, entry);
  }
  for (const article of a.articles)
    if (!perArticle.has(article)) perArticle.set(article, { count: 0, texts: new Set() });
  return [...perArticle].map(([article, e]) => ({ article, count: e.count, texts: [...e.texts].sort(compareStrings) }));
}
