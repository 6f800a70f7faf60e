/**
 * The entity lexicons (data/lexicons/*.json), loaded once at module load into Maps
 * and Sets keyed the way the recogniser looks them up. Every file cites its source.
 */
import { lexiconFile } from '../lexicon-files.js';
import { phraseTokens } from '../tokens.js';

const load = <T>(file: string): T => lexiconFile(file) as T;

/** What a known phrase is. `ref` is the canonical name of the entity it denotes, when it denotes one. */
export type PhraseKind =
  'country' | 'capital' | 'seat' | 'demonym' | 'org' | 'place' | 'title' | 'honorific' | 'event' | 'month' | 'day';

export interface PhraseInfo {
  kind: PhraseKind;
  /** Canonical entity name (country, organisation, place, event); the title itself for titles. */
  ref: string;
  /** Places: the country the place lies in, when the lexicon says ("Oval Office" → United States). */
  within?: string;
}

interface CountryRow {
  code: string;
  name: string;
  aliases: string[];
  capitals: string[];
  demonyms: string[];
}

/** Phrases keyed by their tokens joined with single spaces, in the case they are written. */
export const PHRASES = new Map<string, PhraseInfo>();
/** Country code → canonical country name. */
export const COUNTRY_BY_CODE = new Map<string, string>();
/** Lower-case demonym ("russian") → canonical country name. */
export const COUNTRY_BY_DEMONYM = new Map<string, string>();
/** Canonical country name → capital names. */
export const CAPITALS_OF = new Map<string, string[]>();

function addPhrase(phrase: string, info: PhraseInfo): void {
  const toks = phraseTokens(phrase.replace(/^the /, ''));
  if (toks.length === 0) return;
  const key = toks.join(' ');
  // First writer wins: files are loaded from the most to the least specific.
  if (!PHRASES.has(key)) PHRASES.set(key, info);
}

const titles = load<{
  honorifics: string[];
  titles: string[];
  roles: string[];
  descriptorRoles: string[];
  leaderRoles: string[];
  genericLeaderRoles: string[];
  countryNouns: string[];
  roleHeads: string[];
  titleModifiers: string[];
  firstNameHonorifics: string[];
  groupNouns: Record<'Person' | 'Country' | 'any', string[]>;
  stateForms: string[];
  bodyNouns: string[];
}>('titles.json');
const grammar = load<{
  determiners: string[];
  definiteDeterminers: string[];
  singularPossessives: string[];
  relativeDays: string[];
  sentenceAbbreviations: string[];
  nameAbbreviations: string[];
  nameConnectors: string[];
  runSplitters: string[];
  speechVerbsAfterName: string[];
  speechCuesBeforeName: string[];
  objectMarkers: string[];
  relativeYears: Record<string, number>;
  groupCounts: Record<string, number>;
  requestVerbs: string[];
}>('grammar.json');
const countries = load<{ countries: CountryRow[] }>('countries.json').countries;
const seats = load<{ seats: Record<string, string> }>('seats.json').seats;
const orgs = load<{ organizations: string[][]; suffixes: string[]; prefixes: string[] }>('organizations.json');
const places = load<{
  places: string[];
  suffixes: string[];
  prefixes: string[];
  locatives: string[];
  placeNouns: string[];
  within: Record<string, string>;
}>('places.json');
const words = load<{ function: string[]; days: string[]; months: string[]; notOrganizations: string[] }>('words.json');
const firstNames = load<{ names: string[] }>('first-names.json').names;
const events = load<EventLexicon>('events.json');

for (const c of countries) {
  COUNTRY_BY_CODE.set(c.code, c.name);
  CAPITALS_OF.set(c.name, c.capitals);
}
for (const [seat, code] of Object.entries(seats)) {
  const country = COUNTRY_BY_CODE.get(code);
  if (country) addPhrase(seat, { kind: 'seat', ref: country });
}
for (const c of countries) {
  for (const n of [c.name, ...c.aliases]) addPhrase(n, { kind: 'country', ref: c.name });
}
for (const row of orgs.organizations) for (const n of row) addPhrase(n, { kind: 'org', ref: row[0]! });
for (const e of events.named) for (const n of e) addPhrase(n, { kind: 'event', ref: e[0]! });
for (const c of countries) for (const cap of c.capitals) addPhrase(cap, { kind: 'capital', ref: c.name });
for (const p of places.places) {
  const within = COUNTRY_BY_CODE.get(places.within[p] ?? '');
  addPhrase(p, { kind: 'place', ref: p.replace(/^the /, ''), ...(within ? { within } : {}) });
}
for (const t of titles.titles) addPhrase(t, { kind: 'title', ref: t });
for (const h of titles.honorifics) addPhrase(h, { kind: 'honorific', ref: h.replace(/\.$/, '') });
for (const c of countries) {
  for (const d of c.demonyms) {
    addPhrase(d, { kind: 'demonym', ref: c.name });
    // "Americans", "Ukrainians": the people, not a name.
    if (!d.endsWith('s') && !d.endsWith('ese')) addPhrase(`${d}s`, { kind: 'demonym', ref: c.name });
    if (!COUNTRY_BY_DEMONYM.has(d.toLowerCase())) COUNTRY_BY_DEMONYM.set(d.toLowerCase(), c.name);
  }
}
for (const m of words.months) addPhrase(m, { kind: 'month', ref: m });
for (const d of words.days) addPhrase(d, { kind: 'day', ref: d });

/** Lower-case function words: never a name on their own. */
export const FUNCTION_WORDS = new Set(words.function);
export const FIRST_NAMES = new Set(firstNames);
/** The forms of state before "of" and a country's name ("Republic", "Union"). */
export const STATE_FORMS: ReadonlySet<string> = new Set(titles.stateForms);
/** Cities of 100,000 people or more (scripts/lexicons/cities.ts), for names no other rule types. */
export const CITIES: ReadonlySet<string> = new Set(load<{ names: string[] }>('cities.json').names);
/** Words the annotated data writes in lower case (scripts/lexicons/common-words.ts): "dome", "agent". */
export const COMMON_WORDS: ReadonlySet<string> = new Set(load<{ words: string[] }>('common-words.json').words);
/** All-caps words that look like acronyms but name no organisation ("GMT", "CEO"). */
export const NOT_ORGANIZATIONS = new Set(words.notOrganizations);
/** Lower-case organisation names ("coalition of the willing"), matched case-insensitively in running text. */
export const LOWERCASE_ORGS = orgs.organizations.flatMap((row) =>
  row.filter((n) => !/\p{Lu}/u.test(n) && /^\p{Ll}/u.test(n)).map((n) => [n, row[0]!] as const),
);
export const ORG_SUFFIXES = new Set(orgs.suffixes);
export const ORG_PREFIXES = orgs.prefixes.map(phraseTokens);
export const PLACE_SUFFIXES = new Set(places.suffixes);
export const PLACE_PREFIXES = places.prefixes.map(phraseTokens);
export const LOCATIVES = new Set(places.locatives);
/** Nouns whose "of" names a place: "the village of X", "north of X". */
export const PLACE_NOUNS: ReadonlySet<string> = new Set(places.placeNouns);
/** Lower-case role nouns that introduce a person ("envoy Steve Witkoff"). */
export const ROLES = new Set(titles.roles);
/** Roles a descriptor like "the Ukrainian president" can carry. */
export const DESCRIPTOR_ROLES = new Set(titles.descriptorRoles);
export const MONTHS = words.months;
const affixes = load<{ surnameSuffixes: string[] }>('name-affixes.json').surnameSuffixes;
/** A word ending like a family name of some language ("-enko", "-shvili", "-yan"). */
export const SURNAME_ENDING = new RegExp(
  `\\p{Ll}(?:${[...new Set(affixes)].sort((a, b) => b.length - a.length).join('|')})$`,
  'u',
);
export const DAYS = words.days;

export interface EventClass {
  /** Head nouns (lower case, possibly several words), longest first when matched. */
  heads: string[];
  /** Needs a proper-noun modifier or complement to count as a specific event. */
  anchored?: boolean;
}

export interface EventLexicon {
  classes: Record<string, EventClass>;
  /** Premodifiers that change the class of a head ("peace deal", "ceasefire agreement"). */
  compounds: Record<string, string>;
  /** Premodifiers that can stand before an event head. */
  modifiers: string[];
  /** Premodifiers that mark a different, later or earlier happening of the same kind. */
  distinct: Record<string, string>;
  /** Classes whose happenings recur ("next meeting"); agreements and wars do not split on "future". */
  distinctClasses: string[];
  scopes: Record<string, string>;
  /** Named historical events: name first, then aliases. */
  named: string[][];
  /** Heads that are also verbs or generic nouns: they count only after a determiner or a modifier. */
  needsDeterminer: string[];
  /** Nouns after an event noun that make a compound which is not the event ("war crimes", "call centre"). */
  notAfter: string[];
  /** Words after a head that make it a verb or another sense ("call for", "deal with", "conflict of interest"). */
  notAfterHead: Record<string, string[]>;
  /** Words before a head that make it a verb ("to meet", "will call"). */
  notBefore: string[];
  /** Event nouns a capitalised complement names ("Summit for Democracy", "Treaty of Amity"). */
  namedByComplement: string[];
  /** Prepositions that attach places and participants to an event ("talks in Geneva with Kovacs"). */
  complementPrepositions: string[];
  /** Words that may sit between an event noun and the name after it ("meeting with the President"), case as written. */
  objectWords: string[];
}

export const EVENT_LEXICON: EventLexicon = events;

// Heads of the event classes whose happenings recur (meetings, calls, press conferences), by their words.
const RECURRING_HEADS = EVENT_LEXICON.distinctClasses.flatMap((c) =>
  (EVENT_LEXICON.classes[c]?.heads ?? []).map((h) => h.split(' ')),
);

/** Whether an event name has the head of a kind of event that recurs ("NATO Summit in Vilnius", not "Abraham Accords"). */
export function isRecurringEventName(name: string): boolean {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
  return RECURRING_HEADS.some((head) => words.some((_w, i) => head.every((h, k) => words[i + k] === h)));
}

/** Determiners and possessives that open a noun phrase ("the", "a", "his", "every"). */
export const DETERMINERS: ReadonlySet<string> = new Set(grammar.determiners);
/** The definite article and possessives that open a descriptor ("the Russian president", "his counterpart"). */
export const DEFINITE_DETERMINERS: ReadonlySet<string> = new Set(grammar.definiteDeterminers);
/** "his", "her": an event they own is the last person's named before. */
export const SINGULAR_POSSESSIVES: ReadonlySet<string> = new Set(grammar.singularPossessives);
/** "today", "tomorrow", …: days named relative to the article's date. */
export const RELATIVE_DAYS: readonly string[] = grammar.relativeDays;
/** Abbreviations whose period does not end a sentence (lower case, without the final period). */
export const SENTENCE_ABBREVIATIONS: ReadonlySet<string> = new Set(grammar.sentenceAbbreviations);
/** Abbreviations that begin a place's name, written with a period ("St. Louis", "Mt. Everest"). */
export const NAME_ABBREVIATIONS: ReadonlySet<string> = new Set(grammar.nameAbbreviations);
/** Lower-case words inside a capitalised name ("Bank of England", "von der Leyen"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(grammar.nameConnectors);
/** Connectors at which an unknown capitalised run may split into two names. */
export const RUN_SPLITTERS: ReadonlySet<string> = new Set(grammar.runSplitters);
/** Reporting verbs right after a name: it is a speaker. */
export const SPEECH_VERBS_AFTER_NAME: readonly string[] = grammar.speechVerbsAfterName;
/** Reporting verbs and phrases right before a name: it is a speaker. */
export const SPEECH_CUES_BEFORE_NAME: readonly string[] = grammar.speechCuesBeforeName;
/** Verbs whose object is asked to do what the infinitive after it says ("urged X to reject"). */
export const REQUEST_VERBS: readonly string[] = grammar.requestVerbs;
/** Words after which a mention is an object or a modifier, not a subject. */
export const OBJECT_MARKERS: ReadonlySet<string> = new Set(grammar.objectMarkers);
/** Heads of state and government offices; "leader" and "counterpart" stand for any of them. */
export const LEADER_ROLES: ReadonlySet<string> = new Set(titles.leaderRoles);
export const GENERIC_LEADER_ROLES: ReadonlySet<string> = new Set(titles.genericLeaderRoles);
/** Nouns that make a demonym a country ("the Russian side", "the Ukrainian government"). */
export const COUNTRY_NOUNS: ReadonlySet<string> = new Set(titles.countryNouns);
/** Nouns after a body's or country's name that stand for the body itself ("the Islamic Jihad movement", "Russian forces"). */
export const BODY_NOUNS: ReadonlySet<string> = new Set(titles.bodyNouns);
/** Nouns of offices a descriptor can end with ("the Ukrainian president", "a senior official"). */
export const ROLE_HEADS: ReadonlySet<string> = new Set(titles.roleHeads);
/** Every word of a title ("Prime Minister", "Secretary of State"), in lower case. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(titles.titles.flatMap((t) => t.toLowerCase().split(/[\s-]+/)));
/** The honorifics in lower case, without a full stop ("mr", "ms", "dr"). */
export const HONORIFIC_WORDS: ReadonlySet<string> = new Set(
  titles.honorifics.map((h) => h.toLowerCase().replace(/\.$/, '')),
);
/** Words that may stand inside a title before a name ("Russia's top economic envoy"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(titles.titleModifiers);
/** Plural nouns naming back actors named together ("the two leaders", "both countries"), with the label they fit (none: any). */
export const GROUP_NOUNS: ReadonlyMap<string, 'Person' | 'Country' | undefined> = new Map([
  ...titles.groupNouns.Person.map((w) => [w, 'Person'] as const),
  ...titles.groupNouns.Country.map((w) => [w, 'Country'] as const),
  ...titles.groupNouns.any.map((w) => [w, undefined] as const),
]);
/** "both", "two", …: the size of a group named back ("both leaders"). */
export const GROUP_COUNTS: ReadonlyMap<string, number> = new Map(Object.entries(grammar.groupCounts));
/** Styles used with a first name ("Sir Keir"). */
export const FIRST_NAME_HONORIFICS: ReadonlySet<string> = new Set(titles.firstNameHonorifics);
/** "last", "next", "this" before "year": the year's offset from the article's ("last year's summit"). */
export const RELATIVE_YEARS: ReadonlyMap<string, number> = new Map(Object.entries(grammar.relativeYears));
