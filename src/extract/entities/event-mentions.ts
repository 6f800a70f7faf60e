/**
 * Event mentions: noun phrases headed by an event noun ("the high-stakes talks with
 * Putin in Alaska on Friday", "Russia's full-scale invasion", "a ceasefire"), with
 * the modifiers that tell one happening from another: places, participants, days,
 * "next"/"second"/"trilateral" and topics ("trade deal").
 */
import {
  DAYS,
  DETERMINERS,
  EVENT_LEXICON,
  FUNCTION_WORDS,
  MONTHS,
  PHRASES,
  RELATIVE_DAYS,
  RELATIVE_YEARS,
  SINGULAR_POSSESSIVES,
} from './lexicon.js';
import { entityKey } from './table.js';
import type { Token } from '../tokens.js';

/** What a token names, as the name recogniser decided. */
export interface TokenEntity {
  label: string;
  key: string;
  name: string;
  /** Index of the first and one past the last token of the name. */
  from: number;
  to: number;
  /** The name as written. */
  surface: string;
  /** A capital or seat of government ("White House"): the country it lies in; a place when it modifies an event. */
  within?: string;
}

const MAX_DESCRIBING = 3;
/** A lower-case word that may describe an event: no function word, determiner or possessive ("unlawful", "brutal", "and"). */
const describing = (t: Token): boolean =>
  !t.cap && !t.possessive && /^\p{Ll}[\p{Ll}-]*$/u.test(t.text) && (t.lower === 'and' || !FUNCTION_WORDS.has(t.lower));

export interface EventMention {
  cls: string;
  /** The whole phrase, determiner included. */
  start: number;
  end: number;
  /** Start without the determiner or possessive pronoun. */
  coreStart: number;
  /** The head noun's span. */
  headStart: number;
  headEnd: number;
  /** End of head plus premodifiers (before the prepositional complements). */
  nounEnd: number;
  /** Starts of the premodifier tokens, outermost first, for shorter alias variants. */
  premodStarts: number[];
  /** End of each prepositional complement, in order. */
  ppEnds: number[];
  /** Place keys: a capital or seat counts as its country ("White House" = "Washington"). */
  places: string[];
  /** The recognised places (Place or Country entities) as written, for the event's `place`. */
  placeNames: string[];
  participants: string[];
  /** Weekday, "today", month ("February"), year ("2021"), as written. */
  when: string[];
  /** People and states named elsewhere in the sentence of a mention with no anchor of its own. */
  contextParticipants: string[];
  /** A weekday written before the head ("Monday's meeting"). */
  dayModifier?: string;
  /** Weekdays named elsewhere in the sentence of a mention with a place or participant ("... in Alaska on Friday"). */
  contextDays: string[];
  distinct?: string;
  topic?: string;
  /** "partial" or "full" ("a partial ceasefire"): another extent is another happening. */
  scope?: string;
  /** No modifier at all: "the summit". */
  bare: boolean;
  /** Starts with "a"/"an". */
  indefinite: boolean;
  /** A number modifies it ("9/11 attacks", "2021 meeting"). */
  numbered?: boolean;
  /**
   * A possessor before describing words the premodifiers stop at ("Russia's unlawful war"): where the
   * phrase starts with the possessor, and with the describing words alone, for the mention's forms.
   */
  ownedStart?: number;
  describedStart?: number;
}

interface Head {
  words: string[];
  cls: string;
}

const HEADS = new Map<string, Head[]>();
for (const [cls, def] of Object.entries(EVENT_LEXICON.classes)) {
  for (const h of def.heads) {
    const words = h.split(' ');
    const list = HEADS.get(words[0]!) ?? [];
    list.push({ words, cls });
    HEADS.set(words[0]!, list);
  }
}
for (const list of HEADS.values()) list.sort((a, b) => b.words.length - a.words.length);
const ANCHORED = new Set(
  Object.entries(EVENT_LEXICON.classes)
    .filter(([, d]) => d.anchored)
    .map(([c]) => c),
);
const MODIFIERS = new Set(EVENT_LEXICON.modifiers);
const DISTINCT = new Map(Object.entries(EVENT_LEXICON.distinct));
const RECURRING = new Set(EVENT_LEXICON.distinctClasses);
const SCOPES = new Map(Object.entries(EVENT_LEXICON.scopes));
const COMPOUNDS = new Map(Object.entries(EVENT_LEXICON.compounds));

// Heads that are also verbs or generic nouns: they count only after a determiner or a modifier.

// Nouns after an event noun that make a compound which is not the event ("war crimes", "call centre").

// Words after a head that make it a verb or another sense ("call for", "deal with", "conflict of interest").
const NOT_AFTER_HEAD = new Map(
  Object.entries(EVENT_LEXICON.notAfterHead).map(([head, words]) => [head, new Set(words)]),
);

const NEEDS_DETERMINER = new Set(EVENT_LEXICON.needsDeterminer);
const NOT_AFTER = new Set(EVENT_LEXICON.notAfter);
const NOT_BEFORE = new Set(EVENT_LEXICON.notBefore);
const PREPOSITIONS = new Set(EVENT_LEXICON.complementPrepositions);
const OBJECT_WORDS = new Set(EVENT_LEXICON.objectWords);
const DAY_SET = new Set(DAYS);
const MONTH_SET = new Set(MONTHS);
const DAY_OF_MONTH = /^(?:[1-9]|[12]\d|3[01])$/;
const WHEN_WORDS = new Set([...RELATIVE_DAYS, ...DAYS, ...MONTHS]);
const YEAR = /^(?:1[89]|20)\d\d$/;
const NUMBER = /^\d+$/;
// Gaps between tokens are tested for every token pair read: a char-code scan of the text
// allocates nothing, where a regex over a slice made a string per test.
const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0;
// Only spaces, and quotes around a quoted modifier ('"long and substantive" call').
const isGapChar = (c: number): boolean =>
  isSpace(c) || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;

/** text[from, to) is non-empty and every character passes `ok`. */
function gapOf(text: string, from: number, to: number, ok: (c: number) => boolean): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!ok(text.charCodeAt(i))) return false;
  return true;
}

const lower = (t: Token): string => t.lower;

/**
 * Finds the event mentions of an article. `entitiesAt(i)` / `entitiesEndingAt(i)` tell what the names
 * starting / ending at token i are.
 */
export function findEventMentions(
  text: string,
  tokens: readonly Token[],
  entitiesAt: (i: number) => readonly TokenEntity[],
  entitiesEndingAt: (i: number) => readonly TokenEntity[],
): EventMention[] {
  const out: EventMention[] = [];
  const headlines = headlineSentences(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const candidates = HEADS.get(lower(t));
    if (!candidates || headlines.has(t.sentence)) continue;
    const head = candidates.find((h) =>
      h.words.every((w, k) => tokens[i + k] && lower(tokens[i + k]!) === w && sameSentence(tokens, i, i + k)),
    );
    if (!head) continue;
    const last = i + head.words.length - 1;
    const m = readMention(text, tokens, i, last, head, entitiesAt, entitiesEndingAt);
    if (m) {
      out.push(m);
      i = last;
    }
  }
  return out;
}

const sameSentence = (tokens: readonly Token[], a: number, b: number): boolean =>
  tokens[a]!.sentence === tokens[b]!.sentence;
const joined = (text: string, a: Token, b: Token): boolean =>
  !a.possessive && gapOf(text, a.end, b.start, isGapChar) && a.sentence === b.sentence;
/** Like `joined`, but a possessive may stand before ("Russia's invasion", "Monday's meeting"). */
const beside = (text: string, a: Token, b: Token): boolean =>
  gapOf(text, a.possessive ? a.end + 2 : a.end, b.start, isGapChar) && a.sentence === b.sentence;

function readMention(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  head: Head,
  entitiesAt: (i: number) => readonly TokenEntity[],
  entitiesEndingAt: (i: number) => readonly TokenEntity[],
): EventMention | null {
  const headTok = tokens[last]!;
  const after = tokens[last + 1];
  if (head.words.length === 1 && after && joined(text, headTok, after)) {
    if (NOT_AFTER.has(lower(after)) || NOT_AFTER_HEAD.get(head.words[0]!)?.has(lower(after))) return null;
  }
  // Shouted headlines ("UKRAINE WAR LATEST") are not worth reading.
  if (tokens[first]!.text.length > 1 && tokens[first]!.text === tokens[first]!.text.toUpperCase()) return null;
  // Capitalised heads are names ("Summit Avenue") unless the sentence or a quote starts there.
  if (
    tokens[first]!.cap &&
    !tokens[first]!.initial &&
    head.words.length === 1 &&
    !isQuotedCapital(text, tokens, first)
  ) {
    const prev = tokens[first - 1];
    if (!prev || !prev.cap) return null;
  }

  const m: EventMention = {
    cls: head.cls,
    start: tokens[first]!.start,
    end: headTok.end,
    coreStart: tokens[first]!.start,
    headStart: tokens[first]!.start,
    headEnd: headTok.end,
    nounEnd: headTok.end,
    premodStarts: [],
    ppEnds: [],
    places: [],
    placeNames: [],
    participants: [],
    when: [],
    contextDays: [],
    contextParticipants: [],
    bare: true,
    indefinite: false,
  };
  const note = (list: readonly TokenEntity[], premod = false): void => {
    // "Ukraine talks" are about Ukraine; "US-Russia talks" are between them.
    if (premod && RECURRING.has(head.cls) && list.length === 1 && list[0]!.label === 'Country' && !list[0]!.within)
      return;
    for (const e of list) {
      if (e.label === 'Place' || e.within) {
        // Both the place itself and its country: "Oval Office" meets "Oval Office" and "Washington".
        m.places.push(e.name);
        if (e.within) m.places.push(e.within);
        m.placeNames.push(e.surface);
      } else if (e.label === 'Person' || e.label === 'Country' || e.label === 'Organization')
        m.participants.push(e.key);
    }
  };

  const noteContext = (list: readonly TokenEntity[]): void => {
    for (const e of list)
      if ((e.label === 'Person' || e.label === 'Country') && !e.within) m.contextParticipants.push(e.key);
  };
  const lastPersonBefore = (i: number): TokenEntity | undefined => {
    for (let j = i - 1; j >= 0 && tokens[j]!.sentence === tokens[i]!.sentence; j--) {
      const e = entitiesEndingAt(j).find((x) => x.label === 'Person');
      if (e) return e;
    }
    return undefined;
  };
  let owner: TokenEntity | undefined;
  // "Russia's unlawful war", "Moscow's brutal and unprovoked invasion": up to MAX_DESCRIBING lower-case
  // words, then a possessive name, which owns the event.
  const readOwner = (p: number): void => {
    let q = p;
    while (q >= 0 && p - q < MAX_DESCRIBING && describing(tokens[q]!) && beside(text, tokens[q]!, tokens[q + 1]!)) q--;
    const t = tokens[q];
    if (q === p || t === undefined || !t.possessive || !beside(text, t, tokens[q + 1]!)) return;
    const owners = entitiesEndingAt(q).filter(
      (e) => e.label === 'Country' || e.label === 'Person' || e.label === 'Organization',
    );
    if (owners.length === 0) return;
    note(owners, true);
    m.ownedStart = tokens[Math.min(...owners.map((e) => e.from))]!.start;
    m.describedStart = tokens[q + 1]!.start;
  };

  // Premodifiers, walking left from the head.
  let p = first - 1;
  let determined = false;
  while (p >= 0 && first - p <= 5 && beside(text, tokens[p]!, tokens[p + 1]!)) {
    const t = tokens[p]!;
    const w = lower(t);
    if (DETERMINERS.has(w)) {
      determined = true;
      // "his meeting with Trump": the owner is the last person named before, in the same sentence.
      if (SINGULAR_POSSESSIVES.has(w)) owner = lastPersonBefore(p);
      m.indefinite = w === 'a' || w === 'an';
      m.start = t.start;
      break;
    }
    // "last year's summit": the edition of the year before the article's; the leftmost modifier.
    const relative = p > 0 && w === 'year' && t.possessive ? RELATIVE_YEARS.get(lower(tokens[p - 1]!)) : undefined;
    if (relative !== undefined) {
      m.when.push(`year${relative >= 0 ? '+' : ''}${relative}`);
      m.bare = false;
      m.start = m.coreStart = tokens[p - 1]!.start;
      m.premodStarts.unshift(m.start);
      determined = true;
      break;
    }
    // "long and substantive call", not "peace and war".
    if (w === 'and' && p > 0 && p + 1 < first && MODIFIERS.has(lower(tokens[p - 1]!))) {
      p--;
      continue;
    }
    const entities = entitiesEndingAt(p);
    // "If Russia attacks", "As war looms": a capitalised function word or sentence start ends the phrase.
    if (
      t.cap &&
      !entities.length &&
      (FUNCTION_WORDS.has(w) || t.initial) &&
      !MODIFIERS.has(w) &&
      !WHEN_WORDS.has(t.text)
    )
      break;
    const ok = MODIFIERS.has(w) || t.cap || NUMBER.test(t.text) || /\p{Ll}-\p{Ll}/u.test(t.text) || entities.length > 0;
    if (!ok) {
      readOwner(p);
      break;
    }
    if (t.possessive && !t.cap && !WHEN_WORDS.has(w)) break;
    m.bare = false;
    // A name of several words ("White House talks") is one modifier.
    const from = entities.length ? Math.min(...entities.map((e) => e.from)) : p;
    const startTok = tokens[from]!;
    m.start = m.coreStart = startTok.start;
    m.premodStarts.unshift(startTok.start);
    // The modifier nearest the head decides: "planned second meeting" is a second one.
    if (DISTINCT.has(w) && RECURRING.has(head.cls) && !m.distinct) m.distinct = DISTINCT.get(w);
    if (COMPOUNDS.has(w) && !m.topic && !RECURRING.has(head.cls)) m.topic = COMPOUNDS.get(w);
    if (SCOPES.has(w) && !m.scope) m.scope = SCOPES.get(w);
    if (WHEN_WORDS.has(t.text) || WHEN_WORDS.has(w) || YEAR.test(t.text)) m.when.push(t.text);
    if (DAY_SET.has(t.text)) m.dayModifier = t.text;
    const demonym = PHRASES.get(t.text);
    if (t.cap && demonym?.kind === 'demonym') {
      // "Russian invasion", "Israeli strike": the state is a participant, not a place.
      if (!RECURRING.has(head.cls)) m.participants.push(entityKey('Country', demonym.ref));
    } else if (t.cap && !WHEN_WORDS.has(t.text)) {
      // An unknown capitalised modifier tells this event from others ("Anchorage summit"), but only a
      // recognised place or country becomes its `place`: "President meeting" and "COVID summit" are no places.
      if (entities.length) note(entities, true);
      else if (!MODIFIERS.has(w)) m.places.push(t.text);
    }
    if (NUMBER.test(t.text) && p > 0 && text[t.start - 1] === '/') {
      // "9/11 attacks"
      p--;
      m.start = m.coreStart = tokens[p]!.start;
      m.premodStarts[0] = m.start;
      m.numbered = true;
    }
    if (YEAR.test(t.text)) m.numbered = true;
    // A possessive ("Russia's", "Friday's") is the leftmost modifier.
    if (t.possessive) {
      determined = true;
      break;
    }
    p = from - 1;
  }
  const prevWord = tokens[first - 1] ? lower(tokens[first - 1]!) : '';
  if (head.words.length === 1 && NOT_BEFORE.has(prevWord) && m.bare) return null;
  // "energy crisis", "cost-of-living crisis": only a crisis of states ("the Ukrainian crisis") is a conflict.
  if (head.cls === 'war' && head.words[0] === 'crisis' && !m.bare && !m.participants.length) return null;

  readComplements(text, tokens, last, m, entitiesAt, note);
  if (owner && m.participants.length) m.participants.push(owner.key);
  if (m.places.length || m.participants.length) {
    const sentence = headTok.sentence;
    for (let j = first; j >= 0 && tokens[j]!.sentence === sentence; j--)
      if (DAY_SET.has(tokens[j]!.text)) m.contextDays.push(tokens[j]!.text);
    for (let j = last; j < tokens.length && tokens[j]!.sentence === sentence; j++)
      if (DAY_SET.has(tokens[j]!.text)) m.contextDays.push(tokens[j]!.text);
  }
  if (!m.places.length && !m.participants.length) {
    // "a peace agreement" in a sentence about Armenia and Azerbaijan is theirs.
    const sentence = headTok.sentence;
    for (let j = first - 1; j >= 0 && tokens[j]!.sentence === sentence; j--) noteContext(entitiesAt(j));
    for (let j = last + 1; j < tokens.length && tokens[j]!.sentence === sentence; j++) noteContext(entitiesAt(j));
  }
  // "held talks in Anchorage": a complement makes a noun of a verb-like head as well as a determiner does.
  if (head.words.length === 1 && NEEDS_DETERMINER.has(head.words[0]!) && !determined && m.bare) return null;
  // Attacks, interviews, elections: only a specific one ("9/11 attacks", "bombings of Hiroshima") is an event.
  if (ANCHORED.has(head.cls) && !m.places.length && !m.numbered && !(head.cls !== 'attack' && m.participants.length))
    return null;
  return m;
}

/** Only spaces between two tokens of one sentence, no possessive: a complement does not cross punctuation. */
const strict = (text: string, a: Token, b: Token): boolean =>
  !a.possessive && a.sentence === b.sentence && gapOf(text, a.end, b.start, isSpace);

/** Prepositional complements: "with Putin", "in Alaska", "on Friday", "between Russia and Ukraine". */
function readComplements(
  text: string,
  tokens: readonly Token[],
  last: number,
  m: EventMention,
  entitiesAt: (i: number) => readonly TokenEntity[],
  note: (list: readonly TokenEntity[]) => void,
): void {
  let q = last + 1;
  for (let pp = 0; pp < 3; pp++) {
    const prep = tokens[q];
    if (!prep || !strict(text, tokens[q - 1]!, prep) || !PREPOSITIONS.has(prep.text)) break;
    let r = q + 1;
    let took = false;
    let objectEnd = r;
    while (r < tokens.length && strict(text, tokens[r - 1]!, tokens[r]!) && r - q <= 8) {
      const t = tokens[r]!;
      const e = entitiesAt(r);
      if (e.length) {
        note(e);
        took = true;
        r = Math.max(r + 1, e[0]!.to);
        objectEnd = r;
        continue;
      }
      // "on 15 August 2025", "on August 15": a day number counts next to a month.
      const dayOfMonth =
        DAY_OF_MONTH.test(t.text) && (MONTH_SET.has(tokens[r - 1]!.text) || MONTH_SET.has(tokens[r + 1]?.text ?? ''));
      if (WHEN_WORDS.has(t.text) || YEAR.test(t.text) || dayOfMonth) {
        m.when.push(t.text);
        took = true;
        r++;
        objectEnd = r;
        continue;
      }
      if (t.cap || (OBJECT_WORDS.has(t.text) && !took) || (t.text === 'and' && took)) {
        if (t.cap && !OBJECT_WORDS.has(t.text)) {
          took = true;
          objectEnd = r + 1;
          // "bombings of Hiroshima and Nagasaki", "summit in Geneva": unknown names after in/at/of are places.
          if (prep.text === 'in' || prep.text === 'at' || prep.text === 'of') {
            m.places.push(t.text);
            m.placeNames.push(t.text);
          }
        }
        r++;
        continue;
      }
      break;
    }
    if (!took) break;
    m.bare = false;
    m.end = tokens[objectEnd - 1]!.end;
    m.ppEnds.push(m.end);
    q = objectEnd;
  }
}

/** "a Peace Agreement", '"Ceasefire"': capitalised for emphasis, not a name. */
function isQuotedCapital(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return true;
  if (/["“‘]\s*$/.test(text.slice(prev.end, tokens[i]!.start))) return true;
  return DETERMINERS.has(lower(prev)) || MODIFIERS.has(lower(prev));
}

/**
 * Sentences written in title case ("Putin Vows Ukraine Won't Trigger War"): headlines, not prose.
 * Titles and names make a sentence mostly capitals too ("President Donald J. Trump and Ukraine's
 * President Volodymyr Zelenskyy had a fantastic phone conversation"), but title case leaves no long
 * word in lower case: more than one of those makes it prose.
 */
function headlineSentences(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  let sentence = -1;
  let words = 0;
  let caps = 0;
  const close = (): void => {
    if (words >= 4 && caps / words >= 0.7 && words - caps <= 1) out.add(sentence);
  };
  for (const t of tokens) {
    if (t.sentence !== sentence) {
      close();
      sentence = t.sentence;
      words = caps = 0;
    }
    // Short function words stay lower case in title case ("of", "in", "the").
    if (t.text.length <= 3 && !t.cap) continue;
    words++;
    if (t.cap) caps++;
  }
  close();
  return out;
}
