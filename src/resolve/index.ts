/**
 * Cross-article resolution: decides which graph node an article-level entity is.
 * Persons merge on spelling-tolerant full names, and a surname alone joins the one
 * person of that surname; countries, organisations and places on any name or alias;
 * events only on a specific name (one with a proper noun in it) and a compatible date.
 * Two entities of one article never merge: in-article coreference already kept them apart.
 */
import type { ArticleEntity, EntityLabel } from '../types.js';
import { normalizeName, slugify } from '../util/text.js';
import { eventKeys, personKeys, type PersonKeys } from './keys.js';

export interface Resolver {
  /** The graph node key for `entity`; remembers its names for later articles. */
  resolve(entity: ArticleEntity): string;
  /**
   * The best name of a node seen so far: a person's fullest name ("Volodymyr Zelenskyy" over "Zelenskyy"),
   * an event's most specific short name. Optional for other resolvers; undefined for an unknown key.
   */
  nameOf?(key: string): string | undefined;
}

interface NodeMemory {
  key: string;
  label: EntityLabel;
  date?: string;
  /** Persons: surname and first-name skeletons seen. */
  surname?: string;
  firsts: Set<string>;
  /** Article id → the article entity that already took this node. */
  claimedBy: Map<string, string>;
  /** Names of the article entities merged here, with how many articles used each. */
  names: Map<string, number>;
}

/** Dates agree when one is missing or one is a prefix of the other ("2025-08" and "2025-08-15"). */
const datesAgree = (a?: string, b?: string): boolean => !a || !b || a.startsWith(b) || b.startsWith(a);

/** Creates a resolver with an empty memory (one per graph build). */
export function createResolver(): Resolver {
  const nodes = new Map<string, NodeMemory>();
  const byName = new Map<string, string[]>();
  const bySurname = new Map<string, string[]>();

  const index = (map: Map<string, string[]>, k: string, key: string): void => {
    const list = map.get(k) ?? [];
    if (!list.includes(key)) list.push(key);
    map.set(k, list);
  };

  const newKey = (label: EntityLabel, name: string): string => {
    const base = `${label.toLowerCase()}:${slugify(name)}`;
    let key = base;
    for (let n = 2; nodes.has(key); n++) key = `${base}-${n}`;
    return key;
  };

  return {
    resolve(entity) {
      const article = entity.mentions[0]?.article ?? '';
      const free = (key: string): boolean => {
        const node = nodes.get(key)!;
        const owner = node.claimedBy.get(article);
        return (owner === undefined || owner === entity.key) && datesAgree(node.date, entity.date);
      };
      let names: string[];
      let person: PersonKeys | undefined;
      if (entity.label === 'Person') {
        person = personKeys(entity);
        names = person.names;
      } else if (entity.label === 'Event') {
        names = eventKeys(entity);
      } else {
        names = [entity.name, ...entity.aliases].map(normalizeName).filter(Boolean);
      }
      const scoped = names.map((n) => `${entity.label}|${n}`);

      let key = scoped.flatMap((n) => byName.get(n) ?? []).find(free);
      if (!key && person) key = matchBySurname(person, bySurname.get(person.surname) ?? [], nodes, free);
      if (!key) {
        key = newKey(entity.label, entity.name);
        nodes.set(key, { key, label: entity.label, firsts: new Set(), claimedBy: new Map(), names: new Map() });
      }
      const node = nodes.get(key)!;
      node.claimedBy.set(article, entity.key);
      node.names.set(entity.name, (node.names.get(entity.name) ?? 0) + 1);
      if (entity.date && (!node.date || entity.date.length > node.date.length)) node.date = entity.date;
      for (const n of scoped) index(byName, n, key);
      if (person) {
        node.surname = person.surname;
        if (person.first) node.firsts.add(person.first);
        index(bySurname, person.surname, key);
      }
      return key;
    },
    nameOf(key) {
      const node = nodes.get(key);
      return node ? bestName(node.label, node.names) : undefined;
    },
  };
}

/**
 * Persons: the name with the most words, then the most used. Events: a name with a proper noun and at most
 * six words, the most used, then the shortest. Others: the most used. Ties go to code order, so the result
 * does not depend on the order articles came in.
 */
function bestName(label: EntityLabel, names: ReadonlyMap<string, number>): string {
  const words = (n: string): number => n.split(/\s+/).length;
  const specific = (n: string): number => (/\p{Lu}/u.test(n) && words(n) <= 6 ? 1 : 0);
  const ranked = [...names].sort(([a, ca], [b, cb]) => {
    if (label === 'Person' && words(a) !== words(b)) return words(b) - words(a);
    if (label === 'Event' && specific(a) !== specific(b)) return specific(b) - specific(a);
    if (ca !== cb) return cb - ca;
    if (label === 'Event' && a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return ranked[0]![0];
}

/**
 * A person not known by name joins the node of the same surname when that is
 * unambiguous: one candidate, or one whose first name agrees.
 */
function matchBySurname(
  person: PersonKeys,
  candidates: readonly string[],
  nodes: ReadonlyMap<string, NodeMemory>,
  free: (key: string) => boolean,
): string | undefined {
  const open = candidates.filter(free);
  if (person.first) {
    const same = open.filter((k) => nodes.get(k)!.firsts.has(person.first!));
    if (same.length === 1) return same[0];
    const unnamed = open.filter((k) => nodes.get(k)!.firsts.size === 0);
    if (same.length === 0 && unnamed.length === 1 && open.length === 1) return unnamed[0];
    return undefined;
  }
  return open.length === 1 ? open[0] : undefined;
}
