/**
 * The article's entity table: collects mentions under entity keys, then writes
 * `ctx.entities` and `ctx.mentions` (sorted, overlaps between names removed).
 */
import type { ArticleEntity, EntityLabel } from '../../types.js';
import { lastStartingAtOrBefore } from '../../util/search.js';
import { compareStrings, normalizeName, sortedUnique } from '../../util/text.js';
import type { EntityMention, ExtractionContext } from '../types.js';

interface Pending {
  start: number;
  end: number;
  key: string;
  label: EntityLabel;
}

/** The key of an article entity: label and normalised name. */
export const entityKey = (label: EntityLabel, name: string): string => `${label}:${normalizeName(name)}`;

export class EntityTable {
  private readonly entities = new Map<string, ArticleEntity>();
  private readonly pending: Pending[] = [];

  constructor(
    private readonly text: string,
    private readonly articleId: string,
  ) {}

  /** Records a mention of the entity `label`/`name` at [start, end); returns the entity key. */
  add(label: EntityLabel, name: string, start: number, end: number, aliases: readonly string[] = []): string {
    const key = entityKey(label, name);
    let e = this.entities.get(key);
    if (!e) {
      e = { key, label, name, aliases: [], mentions: [] };
      this.entities.set(key, e);
    }
    const text = this.text.slice(start, end);
    e.aliases.push(text, ...aliases);
    this.pending.push({ start, end, key, label });
    return key;
  }

  /** Adds aliases (surface forms that are not mentions of their own) to an existing entity. */
  alias(key: string, aliases: readonly string[]): void {
    this.entities.get(key)?.aliases.push(...aliases);
  }

  /** Sets an event's date and place. */
  details(key: string, date: string | undefined, place: string | undefined): void {
    const e = this.entities.get(key);
    if (!e) return;
    if (date) e.date = date;
    if (place) e.place = place;
  }

  get(key: string): ArticleEntity | undefined {
    return this.entities.get(key);
  }

  /** Writes the entities and the sorted mentions into `ctx`. */
  finish(ctx: ExtractionContext): void {
    const sorted = [...this.pending].sort((a, b) => a.start - b.start || b.end - a.end || compareStrings(a.key, b.key));
    const kept: Pending[] = [];
    // Names never overlap each other (the longest wins); an event phrase may contain names.
    let nameEnd = -1;
    const seen = new Set<string>();
    for (const m of sorted) {
      const id = `${m.start}:${m.end}:${m.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (m.label !== 'Event') {
        if (m.start < nameEnd) continue;
        nameEnd = m.end;
      }
      kept.push(m);
    }
    const used = new Set(kept.map((m) => m.key));
    const sentences = ctx.sentences;
    const mentions: EntityMention[] = [];
    for (const m of kept) {
      const text = this.text.slice(m.start, m.end);
      const e = this.entities.get(m.key)!;
      e.mentions.push({ article: this.articleId, start: m.start, end: m.end, text });
      mentions.push({
        start: m.start,
        end: m.end,
        text,
        label: m.label,
        entity: m.key,
        sentence: lastStartingAtOrBefore(sentences, m.start),
      });
    }
    ctx.entities = new Map();
    for (const key of [...used].sort(compareStrings)) {
      const e = this.entities.get(key)!;
      e.aliases = sortedUnique(e.aliases.map((a) => a.trim()).filter((a) => a && a !== e.name));
      ctx.entities.set(key, e);
    }
    ctx.mentions = mentions;
  }
}
