/**
 * Cross-article resolution: decides which graph node an article-level entity is.
 * Persons are planned over the whole corpus (persons.ts); countries, organisations and
 * places merge on any name or alias; events only on a specific name (one with a proper
 * noun in it) within one edition: the same year, compatible dates and no conflicting place.
 * Two entities of one article never merge: in-article coreference already kept them apart.
 */
import type { ArticleEntity, EntityLabel, Extraction } from '../types.js';
import { normalizeName, slugify } from '../util/text.js';
import { isRecurringEventName } from '../extract/index.js';
import { eventKeys } from './keys.js';
import { planPersons, type PersonRecord } from './persons.js';

export interface Resolver {
  /** The graph node key for `entity`. */
  resolve(entity: ArticleEntity): string;
  /**
   * The best name of a node: a person's most frequent full name, an event's most specific short
   * name. Optional for other resolvers; undefined for an unknown key.
   */
  nameOf?(key: string): string | undefined;
}

interface NodeMemory {
  key: string;
  label: EntityLabel;
  date?: string;
  /** Events: the year of their edition, from their date or their article's. */
  year?: string;
  place?: string;
  /** Article id → the article entity that already took this node. */
  claimedBy: Map<string, string>;
  /** Names of the article entities merged here, with how many articles used each. */
  names: Map<string, number>;
}

/** Dates agree when one is missing or one is a prefix of the other ("2025-08" and "2025-08-15"). */
const datesAgree = (a?: string, b?: string): boolean => !a || !b || a.startsWith(b) || b.startsWith(a);

/**
 * Creates the resolver of one graph build. It sees the whole corpus first, so that what a name
 * resolves to does not depend on the order articles came in; `resolve` then answers for any
 * entity of `corpus`.
 */
export function createResolver(corpus: readonly Extraction[]): Resolver {
  const nodes = new Map<string, NodeMemory>();
  const byName = new Map<string, string[]>();
  const articleDate = new Map<ArticleEntity, string | undefined>();
  // Lower-case words of the people each article names: an event known only by them is described, not named.
  const personWords = new Map<ArticleEntity, Set<string>>();
  const persons: PersonRecord[] = [];
  for (const x of corpus) {
    const words = new Set<string>();
    for (const entity of x.entities) {
      articleDate.set(entity, x.article.date);
      personWords.set(entity, words);
      if (entity.label !== 'Person') continue;
      persons.push({ entity, article: x.article.id });
      for (const n of [entity.name, ...entity.aliases]) for (const w of normalizeName(n).split(' ')) words.add(w);
    }
  }
  const plan = planPersons(persons);
  const personKeyOf = new Map<number, string>();

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
  const remember = (key: string, label: EntityLabel): NodeMemory => {
    let node = nodes.get(key);
    if (!node) {
      node = { key, label, claimedBy: new Map(), names: new Map() };
      nodes.set(key, node);
    }
    return node;
  };

  return {
    resolve(entity) {
      const article = entity.mentions[0]?.article ?? '';
      if (entity.label === 'Person') {
        const cluster = plan.clusterOf.get(entity);
        if (cluster === undefined) throw new Error(`resolve: ${entity.key} of ${article} is not in the corpus`);
        let key = personKeyOf.get(cluster);
        if (!key) {
          key = newKey('Person', plan.names[cluster]!);
          personKeyOf.set(cluster, key);
        }
        const node = remember(key, 'Person');
        node.names.set(plan.names[cluster]!, 1);
        return key;
      }
      const isEvent = entity.label === 'Event';
      // A summit or a call recurs, so an undated one is its article's year's edition; a war or an
      // attack named in articles of several years is one event.
      const when = entity.date ?? (isEvent && isRecurringEventName(entity.name) ? articleDate.get(entity) : undefined);
      const year = when?.slice(0, 4);
      const free = (key: string): boolean => {
        const node = nodes.get(key)!;
        const owner = node.claimedBy.get(article);
        if (owner !== undefined && owner !== entity.key) return false;
        if (!isEvent) return true;
        return (
          datesAgree(node.date, entity.date) &&
          (!node.year || !year || node.year === year) &&
          (!node.place || !entity.place || normalizeName(node.place) === normalizeName(entity.place))
        );
      };
      // "meeting with Putin" recurs: a key whose only proper nouns are the article's people joins
      // another node only when both are dated.
      const people = personWords.get(entity)!;
      const names = isEvent
        ? eventKeys(entity).map(({ key, proper }) => ({
            key,
            described: proper.every((w) => people.has(normalizeName(w))),
          }))
        : [entity.name, ...entity.aliases].map((n) => ({ key: normalizeName(n), described: false }));
      // Described keys live apart from names: "meeting with putin" never meets a place-named summit's key.
      const scoped = names
        .filter((n) => n.key)
        .map((n) => ({ ...n, key: `${entity.label}|${n.described ? '~' : ''}${n.key}` }));
      const fits = (described: boolean, k: string): boolean =>
        free(k) && (!described || (entity.date !== undefined && nodes.get(k)!.date !== undefined));

      const key =
        scoped.flatMap((n) => (byName.get(n.key) ?? []).filter((k) => fits(n.described, k)))[0] ??
        newKey(entity.label, entity.name);
      const node = remember(key, entity.label);
      node.claimedBy.set(article, entity.key);
      node.names.set(entity.name, (node.names.get(entity.name) ?? 0) + 1);
      if (entity.date && (!node.date || entity.date.length > node.date.length)) node.date = entity.date;
      if (year) node.year ??= year;
      if (entity.place) node.place ??= entity.place;
      for (const n of scoped) index(byName, n.key, key);
      return key;
    },
    nameOf(key) {
      const node = nodes.get(key);
      return node ? bestName(node.label, node.names) : undefined;
    },
  };
}

/**
 * Events: a name with a proper noun and at most six words, the most used, then the shortest. Others
 * (persons are named by their plan): the most used. Ties go to code order, so the result does not
 * depend on the order articles came in.
 */
function bestName(label: EntityLabel, names: ReadonlyMap<string, number>): string {
  const words = (n: string): number => n.split(/\s+/).length;
  const specific = (n: string): number => (/\p{Lu}/u.test(n) && words(n) <= 6 ? 1 : 0);
  const ranked = [...names].sort(([a, ca], [b, cb]) => {
    if (label === 'Event' && specific(a) !== specific(b)) return specific(b) - specific(a);
    if (ca !== cb) return cb - ca;
    if (label === 'Event' && a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return ranked[0]![0];
}

export {
  formatJudgement,
  JUDGEMENT_KINDS,
  parseJudgements,
  planJudgements,
  unknownIds,
  type Judgement,
  type JudgementLine,
  type JudgementPlan,
  type JudgementProblem,
  type Verdict,
} from './judgements.js';
