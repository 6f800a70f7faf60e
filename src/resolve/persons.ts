/**
 * People across articles, decided over the whole corpus at once (an answer that depends on
 * the order articles came in is not an answer):
 * - full names merge when the surnames agree (spelling-tolerant) and the given names are
 *   compatible: the same name, an initial of it, or a nickname of it ("Joe"/"Joseph");
 *   two different given names ("Joe"/"Hunter") never merge;
 * - a name written family name first ("Xi Jinping", called "President Xi" in an article) is read
 *   so everywhere, and "Xi" alone is its surname;
 * - a surname alone joins the one person of the corpus with that surname, or, when there
 *   are several, the one who carries the same title ("President Biden"); otherwise it stays
 *   a node of its own rather than a guess;
 * - a node is displayed under its most frequent full form.
 */
import { readFileSync } from 'node:fs';
import type { ArticleEntity } from '../types.js';
import { compareStrings, NAME_SUFFIX, normalizeName, skeleton, SURNAME_PARTICLES } from '../util/text.js';
import { FIRST_NAME_HONORIFICS } from '../extract/index.js';

/** A person entity of one article, as the planner sees it. */
export interface PersonRecord {
  entity: ArticleEntity;
  article: string;
}

/** Where every person record goes: a cluster id (its index) and each cluster's display name. */
export interface PersonPlan {
  clusterOf: Map<ArticleEntity, number>;
  names: string[];
}

interface NicknameFile {
  nicknames: Record<string, string[]>;
}

const NICKNAMES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const file = JSON.parse(
    readFileSync(new URL('../../data/lexicons/nicknames.json', import.meta.url), 'utf8'),
  ) as NicknameFile;
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    const set = out.get(a) ?? new Set<string>();
    set.add(b);
    out.set(a, set);
  };
  for (const [formal, nicks] of Object.entries(file.nicknames)) {
    for (const nick of nicks) {
      link(formal, nick);
      link(nick, formal);
    }
  }
  return out;
})();

// A shared nickname this long names one family of spellings ("alex": Alexander, Aleksandr); a
// shorter one ("al") is shared by unrelated names (Albert, Alfred).
const SHARED_NICKNAME_MIN = 4;
const INITIAL = /^\p{Lu}\.?$/u;
const CAPITALISED = /^\p{Lu}/u;

/** The parts of a person's name that identify them. */
export interface NameParts {
  /** Given name, lower case, when the name has one ("joe"); an initial is kept as one letter. */
  given?: string;
  /** Surname skeleton, particles included ("vonderleyen"). */
  surname: string;
}

/** Splits a name into given name and surname, ignoring middle names, initials after the first and suffixes. */
export function nameParts(name: string): NameParts {
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 1 && NAME_SUFFIX.test(words[words.length - 1]!.replace(/,$/, ''))) words.pop();
  let s = words.length - 1;
  while (s > 0 && SURNAME_PARTICLES.has(words[s - 1]!.toLowerCase())) s--;
  const surname = skeleton(words.slice(s).join(' '), true);
  if (s === 0) return { surname };
  const first = words[0]!;
  const given = INITIAL.test(first) ? first[0]!.toLowerCase() : normalizeName(first);
  return given ? { given, surname } : { surname };
}

/**
 * Whether the entity, named in full, was also called by its first word after a title or honorific
 * ("President Xi" for Xi Jinping, "President Yoon" for Yoon Suk Yeol): its family name comes first.
 * A title never stands before a given name but after "Sir", "Dame", "Lord" or "Lady" ("Sir Keir").
 */
function titledFirstWord(entity: ArticleEntity): boolean {
  const words = entity.name.split(/\s+/);
  // A given name after the family name is written like one: "Xi Jinping", not "Charles III" or "Zelenskyy ATACMS".
  if (words.length < 2 || !/^\p{Lu}\p{Ll}/u.test(words[1]!) || NAME_SUFFIX.test(words[1]!)) return false;
  const first = words[0]!;
  return entity.aliases.some((alias) => {
    const before = alias.split(/\s+/);
    if (before.pop() !== first || before.length === 0) return false;
    return before.every((w) => CAPITALISED.test(w)) && !FIRST_NAME_HONORIFICS.has(before[before.length - 1]!);
  });
}

/** A family-name-first name's parts: the family name first, the given name after it ("Yoon Suk Yeol"). */
function familyFirstParts(name: string): NameParts {
  const words = name.split(/\s+/).filter(Boolean);
  const given = normalizeName(words[1] ?? '');
  const surname = skeleton(words[0]!, true);
  return given ? { given, surname } : { surname };
}

/** Whether two given names can name one person. */
export function givenNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  if (skeleton(a) === skeleton(b)) return true;
  const na = NICKNAMES.get(a);
  if (na?.has(b)) return true;
  const nb = NICKNAMES.get(b);
  if (!na || !nb) return false;
  for (const n of na) if (n.length >= SHARED_NICKNAME_MIN && nb.has(n)) return true;
  return false;
}

/** Titles written before the name in the entity's aliases ("President Joe Biden" → "president"). */
function titlesOf(entity: ArticleEntity): Set<string> {
  const out = new Set<string>();
  const nameWords = entity.name.split(/\s+/);
  for (const alias of entity.aliases) {
    // The longest tail of the name the alias ends with ("Joe Biden", else "Biden"); what precedes it is the title.
    for (let k = 0; k < nameWords.length; k++) {
      const tail = ` ${nameWords.slice(k).join(' ')}`;
      if (!alias.endsWith(tail)) continue;
      const title = alias.slice(0, -tail.length).split(/\s+/);
      if (title.every((w) => CAPITALISED.test(w))) out.add(normalizeName(title.join(' ')));
      break;
    }
  }
  return out;
}

interface Cluster {
  id: number;
  surname: string;
  givens: Set<string>;
  /** Titles its entities carried, with the number of entities carrying each. */
  titles: Map<string, number>;
  articles: Set<string>;
  /** Names of the entities merged here, with the number of articles using each. */
  forms: Map<string, number>;
  bare: boolean;
}

/** Plans the person nodes of a corpus. `records` come in input order; the plan does not depend on it. */
export function planPersons(records: readonly PersonRecord[]): PersonPlan {
  const clusters: Cluster[] = [];
  const bySurname = new Map<string, Cluster[]>();
  const clusterOf = new Map<ArticleEntity, number>();
  const newCluster = (surname: string, bare: boolean): Cluster => {
    const c: Cluster = {
      id: clusters.length,
      surname,
      givens: new Set(),
      titles: new Map(),
      articles: new Set(),
      forms: new Map(),
      bare,
    };
    clusters.push(c);
    const list = bySurname.get(surname) ?? [];
    list.push(c);
    bySurname.set(surname, list);
    return c;
  };
  const join = (c: Cluster, r: PersonRecord, titles: ReadonlySet<string>, given?: string): void => {
    clusterOf.set(r.entity, c.id);
    c.articles.add(r.article);
    for (const t of titles) c.titles.set(t, (c.titles.get(t) ?? 0) + 1);
    if (given) c.givens.add(given);
    c.forms.set(r.entity.name, (c.forms.get(r.entity.name) ?? 0) + 1);
  };

  // A name written family name first in one article ("Xi Jinping" … "President Xi") is read so in every article.
  const familyFirst = new Set(
    records.filter((r) => titledFirstWord(r.entity)).map((r) => normalizeName(r.entity.name)),
  );
  const partsOf = (name: string): NameParts =>
    familyFirst.has(normalizeName(name)) ? familyFirstParts(name) : nameParts(name);
  const parsed = records.map((r) => ({ r, parts: partsOf(r.entity.name), titles: titlesOf(r.entity) }));
  // Full names first, full given names before initials, each in a stable order of the name, so
  // the clusters are the same whatever the order of the articles.
  const full = parsed.filter((p) => p.parts.given !== undefined);
  full.sort(
    (x, y) =>
      Number(x.parts.given!.length === 1) - Number(y.parts.given!.length === 1) ||
      compareStrings(x.r.entity.name, y.r.entity.name) ||
      compareStrings(x.r.article, y.r.article),
  );
  // Full-name clusters by exact given name, for surnames misspelt by one letter.
  const byGiven = new Map<string, Cluster[]>();
  for (const p of full) {
    const given = p.parts.given!;
    const candidates = (bySurname.get(p.parts.surname) ?? []).filter(
      (c) => !c.bare && [...c.givens].every((g) => givenNamesAgree(g, given)),
    );
    // An initial names the one person it fits; with several, it is nobody's.
    const fit = given.length === 1 ? (candidates.length === 1 ? candidates[0] : undefined) : candidates[0];
    const cluster = fit ?? misspelt(byGiven.get(given) ?? [], p.parts.surname) ?? newCluster(p.parts.surname, false);
    join(cluster, p.r, p.titles, given);
    if (!byGiven.get(given)?.includes(cluster)) byGiven.set(given, [...(byGiven.get(given) ?? []), cluster]);
  }

  const bare = parsed.filter((p) => p.parts.given === undefined);
  bare.sort((x, y) => compareStrings(x.r.entity.name, y.r.entity.name) || compareStrings(x.r.article, y.r.article));
  for (const p of bare) {
    // The people the article itself named with this surname were already weighed by in-article
    // coreference, which left this mention apart: it names someone else, unless its title says
    // whom: "President Biden" before the article's one "Joe Biden" is the corpus' president.
    const all = (bySurname.get(p.parts.surname) ?? []).filter((c) => !c.bare);
    const named = all.filter((c) => !c.articles.has(p.r.article));
    const target = holderOf(all, p.titles) ?? (named.length === 1 ? named[0] : holderOf(named, p.titles));
    const own =
      target ?? (bySurname.get(p.parts.surname) ?? []).find((c) => c.bare) ?? newCluster(p.parts.surname, true);
    join(own, p.r, p.titles);
  }

  return { clusterOf, names: clusters.map(displayName) };
}

// Shorter surnames differ by one letter too often ("Kim"/"Lim", "Park"/"Parr") to call that a misspelling.
const MISSPELT_MIN_LENGTH = 6;

/**
 * The one person with the same given name whose surname differs from `surname` by one letter
 * ("Volodymyr Zelnski" in a garbled translation): a typo, not a namesake, when there is exactly one.
 */
function misspelt(sameGiven: readonly Cluster[], surname: string): Cluster | undefined {
  if (surname.length < MISSPELT_MIN_LENGTH) return undefined;
  const near = sameGiven.filter(
    (c) => !c.bare && c.surname.length >= MISSPELT_MIN_LENGTH && oneEditApart(c.surname, surname),
  );
  return near.length === 1 ? near[0] : undefined;
}

/** Whether `a` becomes `b` by one insertion, deletion or substitution. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// A title names one of several namesakes when that one carries it this many times as often as any other
// ("Vice President Harris": Kamala Harris in 60 articles, a namesake once, by an in-article slip).
const TITLE_DOMINANCE = 3;

/** Of several people of one surname, the one who holds one of `titles` far more often than any other. */
function holderOf(named: readonly Cluster[], titles: ReadonlySet<string>): Cluster | undefined {
  if (titles.size === 0) return undefined;
  const score = (c: Cluster): number => Math.max(0, ...[...titles].map((t) => c.titles.get(t) ?? 0));
  const ranked = named.map((c) => ({ c, n: score(c) })).sort((a, b) => b.n - a.n);
  const [first, second] = ranked;
  if (!first || first.n === 0) return undefined;
  return first.n >= TITLE_DOMINANCE * (second?.n ?? 0) && first.n >= 2 ? first.c : undefined;
}

/** The most frequent full form (given name spelt out, two words or more), then the one with fewer words, then code order. */
function displayName(c: Cluster): string {
  const words = (n: string): number => n.split(' ').length;
  // A full form spells its given name out: "Arno Vale", not "A. Vale".
  const full = (n: string): number => Number(words(n) > 1 && !INITIAL.test(n.split(' ')[0]!));
  const ranked = [...c.forms].sort(
    ([a, ca], [b, cb]) =>
      full(b) - full(a) ||
      Number(words(b) > 1) - Number(words(a) > 1) ||
      cb - ca ||
      words(a) - words(b) ||
      compareStrings(a, b),
  );
  return ranked[0]![0];
}
