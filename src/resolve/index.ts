/**
 * Cross-article resolution: decides which graph node an article-level entity is.
 * Entities of the same label merge when their normalised name, or a
 * multi-word alias, is already known.
 */
import type { ArticleEntity } from '../types.js';
import { normalizeName, slugify } from '../util/text.js';

export interface Resolver {
  /** The graph node key for `entity`; remembers its names for later articles. */
  resolve(entity: ArticleEntity): string;
}

/** Creates a resolver with an empty memory (one per graph build). */
export function createResolver(): Resolver {
  const byName = new Map<string, string>();
  return {
    resolve(entity) {
      const names = [entity.name, ...entity.aliases].map((n) => `${entity.label}|${normalizeName(n)}`);
      let key = names.map((n) => byName.get(n)).find((k) => k !== undefined);
      key ??= `${entity.label.toLowerCase()}:${slugify(entity.name)}`;
      for (const n of names) if (!byName.has(n)) byName.set(n, key);
      return key;
    },
  };
}
