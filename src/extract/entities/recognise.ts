/**
 * Proper-name recognition: labels the segments of every capitalised run as a
 * country, organisation, place, named event, person, or an unknown name that the
 * person resolver decides on once the whole article has been read.
 */
import type { EntityLabel } from '../../types.js';
import {
  COMMON_WORDS,
  EVENT_LEXICON,
  FIRST_NAMES,
  FUNCTION_WORDS,
  LOCATIVES,
  PLACE_NOUNS,
  NAME_ABBREVIATIONS,
  NAME_CONNECTORS,
  NOT_ORGANIZATIONS,
  ORG_PREFIXES,
  ORG_SUFFIXES,
  type PhraseInfo,
  PHRASES,
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  ROLES,
  RUN_SPLITTERS,
  SPEECH_CUES_BEFORE_NAME,
  SPEECH_VERBS_AFTER_NAME,
  STATE_FORMS,
  TITLE_WORDS,
} from './lexicon.js';
import { capitalisedRuns, phraseAt, segmentRun, type Segment } from './segments.js';
import type { Token } from '../tokens.js';
import { headsResultsRow } from './clubs.js';

/** Why a chunk was taken for a person. */
export type PersonCue = 'title' | 'honorific' | 'role' | 'speech' | 'first-name';

export interface Candidate {
  /** `null`: an unknown name, decided by the person resolver. */
  label: EntityLabel | null;
  from: number;
  to: number;
  /** Canonical name for lexicon hits; the surface form otherwise. */
  name: string;
  /** Extra surface forms worth keeping as aliases ("US Department of Transportation"). */
  aliases: string[];
  cue?: PersonCue;
  /** The title or honorific written before a person's name. */
  title?: string;
  /** The country a demonym or country name before a title gave ("Russian President X" → Russia). */
  country?: string;
  /** Character span, when it is only part of a token ("US" in "US-Russia"). */
  start?: number;
  end?: number;
  /** An all-caps word taken for an organisation without a lexicon entry: kept only with support. */
  acronym?: boolean;
  /** The learned tagger reads the acronym as an organisation too: support enough. */
  taggedOrg?: boolean;
  /** A locative preposition stands before it ("in Sumy"). */
  locative: boolean;
  /** A capital or seat of government: the country it lies in ("Moscow" → Russia), used or not as an actor. */
  within?: string;
  /**
   * A known place written into a longer name ("West Indies", "Boston Bruins", "Real Madrid"): the
   * candidates it was read as, which stand if the tagger gives the whole no type.
   */
  parts?: Candidate[];
}

const SPEECH_AFTER = new RegExp(`^(?:['’]s)?\\s*(?:,[^,.;"“”]{1,80},\\s*)?(?:${SPEECH_VERBS_AFTER_NAME.join('|')})\\b`);
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH_CUES_BEFORE_NAME.join('|')})\\s+$`);
// "Putin", "McDonald", "O'Brien", "Kendall-Taylor"; not "NATO" or "iPhone".
const TITLE_CASE = /^\p{Lu}(?:\p{Ll}|['’]\p{Lu}\p{Ll})/u;
/** An all-caps word that may be an organisation's acronym ("NATO", "PFPA", "G7"). */
export const ACRONYM = /^[\p{Lu}][\p{Lu}\d&]{1,5}$/u;
const ALL_CAPS = /^[\p{Lu}\d.&'’-]+$/u;
const ROMAN = /^[IVXLC]+$/;
// Event nouns and their modifiers never belong to a person's name ("Jake Sullivan Meeting").
const EVENT_WORDS = new Set(
  [...Object.values(EVENT_LEXICON.classes).flatMap((c) => c.heads), ...EVENT_LEXICON.modifiers].filter(
    (w) => !w.includes(' '),
  ),
);
// The event nouns a capitalised complement names ("summit", "treaty").
const EVENT_HEADS: ReadonlySet<string> = new Set(EVENT_LEXICON.namedByComplement);
/** "the Summit for Democracy", "the Treaty of Versailles": an event noun named by its complement. */
const namedEvent = (tokens: readonly Token[], from: number, to: number): boolean =>
  to - from >= 3 && EVENT_HEADS.has(tokens[from]!.lower) && NAME_CONNECTORS.has(tokens[from + 1]!.text);
// Phrases that, right before an organisation's name, belong to it ("British", "Fiji", "New York").
const ownsName = (kind: PhraseInfo['kind']): boolean =>
  kind === 'demonym' || kind === 'country' || kind === 'place' || kind === 'capital';
const WORD_ENDING = /(?:ing|ed|ly|ally|ness|ment|tion)$/;
// "Administration", "Residence", "Extraordinary" after a title are offices, not surnames.
const ABSTRACT_NOUN = /(?:tion|sion|ence|ance|ity|ary|ment|ness|ship|dom|ism)$/;
// Connectors that join an organisation's or place's name but separate two people's names.
// Fewer capitalised content words than this are a short phrase, not a title-case line.
const TITLE_CASE_MIN_WORDS = 4;

const surface = (text: string, tokens: readonly Token[], from: number, to: number): string =>
  text.slice(tokens[from]!.start, tokens[to - 1]!.end);

const startsWith = (tokens: readonly Token[], from: number, to: number, prefixes: readonly string[][]): boolean =>
  prefixes.some((p) => p.length < to - from && p.every((w, k) => tokens[from + k]!.text === w));

/** Lower-case role noun(s) right before token `i` ("special envoy", "aide"), or undefined. */
function roleBefore(tokens: readonly Token[], i: number): string | undefined {
  const a = tokens[i - 1];
  if (!a || a.cap) return undefined;
  const b = tokens[i - 2];
  if (b && !b.cap && ROLES.has(`${b.text} ${a.text}`)) return `${b.text} ${a.text}`;
  return ROLES.has(a.text) ? a.text : undefined;
}

/**
 * Whether a place's preposition stands before token `i`: "in Sumy", or a place's noun and "of"
 * ("the village of Lougou", "north of Hornsea").
 */
export function locativeBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before === undefined || before.cap) return false;
  if (LOCATIVES.has(before.text)) return true;
  const noun = tokens[i - 2];
  return before.text === 'of' && noun !== undefined && !noun.cap && PLACE_NOUNS.has(noun.text);
}

/** Recognises the proper names of an article. `vocab` holds the words the article writes in lower case. */
export function recogniseNames(text: string, tokens: readonly Token[], vocab: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const headline = opensWithTitleCaseHeadline(tokens);
  const trusted = headline ? bodyCapitals(tokens) : new Set<string>();
  for (const [runFrom, runTo] of capitalisedRuns(text, tokens)) {
    const runStart = out.length;
    const segs = splitAtConnectors(tokens, segmentRun(tokens, runFrom, runTo));
    // Shouted headlines and photo credits ("KREMLIN POOL"): only known phrases are trusted.
    let shouting = runTo - runFrom >= 2;
    for (let i = runFrom; i < runTo && shouting; i++) if (!ALL_CAPS.test(tokens[i]!.text)) shouting = false;
    // A results table in capitals ("NY RANGERS 10 13 5") names teams: its chunks are read, not dropped.
    if (shouting && headsResultsRow(text, tokens[runFrom]!.start, tokens[runTo - 1]!.end)) shouting = false;
    const locative = locativeBefore(tokens, runFrom);
    let prev: Segment | undefined;
    let country: string | undefined;
    for (let k = 0; k < segs.length; k++) {
      const seg = segs[k]!;
      const cand: Candidate = {
        label: null,
        from: seg.from,
        to: seg.to,
        name: '',
        aliases: [],
        locative: locative && k === 0,
      };
      if (seg.info) {
        if (fromPhrase(cand, seg.info, text, tokens)) out.push(cand);
        if (seg.info.kind === 'country' || seg.info.kind === 'demonym') country = seg.info.ref;
        else if (seg.info.kind !== 'title' && seg.info.kind !== 'honorific') country = undefined;
      } else if (!shouting && splitCompound(cand, tokens, out)) {
        country = undefined;
      } else if (!shouting) {
        if (headline && tokens[seg.from]!.sentence === 0) {
          // In a title-case line every word is capitalised, so case proves little: a name there is its
          // first word (and surname after a known first name), then only as long as the body writes it
          // ("Biden Announces Key Nominees" is Biden).
          let end = seg.from + (FIRST_NAMES.has(tokens[seg.from]!.text) ? 2 : 1);
          while (end < seg.to && trusted.has(tokens[end]!.text)) end++;
          end = Math.min(end, seg.to);
          // A word cut from a longer title-case chunk is a name only after a title ("President Biden").
          const titled = prev?.info?.kind === 'title' || prev?.info?.kind === 'honorific';
          if (end < seg.to && end - seg.from === 1 && !trusted.has(tokens[seg.from]!.text) && !titled) {
            prev = seg;
            continue;
          }
          cand.to = end;
        }
        // "Prime Minister John Major": a one-word title ending the run right after a first name is
        // the surname, not an office.
        const next = segs[k + 1];
        if (
          next?.info?.kind === 'title' &&
          k + 2 === segs.length &&
          next.from === cand.to &&
          next.to === next.from + 1 &&
          FIRST_NAMES.has(tokens[cand.to - 1]!.text)
        ) {
          cand.to = next.to;
          segs.pop();
        }
        const consumed = classifyChunk(cand, text, tokens, vocab, prev, segs.slice(k + 1));
        if (prev?.info?.kind === 'title' || prev?.info?.kind === 'honorific') {
          cand.title = surface(text, tokens, prev.from, prev.to);
          if (country) cand.country = country;
        }
        if (prev?.info && prev.info.kind === 'org' && prev.to === seg.from && cand.label === 'Organization')
          cand.aliases.push(surface(text, tokens, prev.from, cand.to));
        // "the British Computer Society", "the Fiji Labour Party", "the New York Stock Exchange": a
        // demonym, a country or a city before an organisation's name is part of it, not a mention of
        // its own (and keeps two countries' ministries apart).
        if (
          prev?.info &&
          ownsName(prev.info.kind) &&
          prev.to === seg.from &&
          cand.label === 'Organization' &&
          !cand.acronym
        ) {
          if (out[out.length - 1]?.from === prev.from) out.pop();
          cand.from = prev.from;
          cand.name = surface(text, tokens, cand.from, cand.to);
        }
        if (cand.label !== null || cand.name) out.push(cand);
        k += consumed;
        country = undefined;
      }
      prev = seg;
    }
    if (!shouting) fusePlaceNames(text, tokens, out, runStart, runTo);
  }
  for (const c of out) if (c.label === 'Organization' && c.start === undefined) extendToKnownName(text, tokens, c);
  return out;
}

/**
 * "the Organization for Security and Co-operation in Europe": a capitalised run stops at "in", but
 * an organisation's known name may go on over such a word; the candidate takes the whole name.
 */
function extendToKnownName(text: string, tokens: readonly Token[], c: Candidate): void {
  const hit = phraseAt(tokens, c.from, Math.min(tokens.length, c.to + 3));
  if (!hit || hit.info.kind !== 'org' || hit.to <= c.to) return;
  c.aliases.push(surface(text, tokens, c.from, hit.to));
  c.to = hit.to;
  c.name = hit.info.ref;
}

const placeKind = (kind: PhraseInfo['kind']): boolean => kind === 'place' || kind === 'capital' || kind === 'country';

/**
 * A known place touching an unknown capitalised chunk in one run is part of a longer name ("West
 * Indies", "Atlantic City", "Boston Bruins", "Real Madrid", "Connecticut Lottery"), not a mention
 * of that place: the run's candidates from `first` on are joined into one unknown name for the
 * tagger to type, keeping what they were read as in `parts`.
 */
function fusePlaceNames(text: string, tokens: readonly Token[], out: Candidate[], first: number, runTo: number): void {
  const isPlace = (c: Candidate): boolean => {
    if (c.start !== undefined || (c.label !== 'Country' && c.label !== 'Place')) return false;
    const hit = phraseAt(tokens, c.from, c.to);
    return hit !== null && hit.to === c.to && placeKind(hit.info.kind);
  };
  const isChunk = (c: Candidate): boolean =>
    c.start === undefined &&
    !c.cue &&
    !c.acronym &&
    (c.label === null || c.label === 'Place') &&
    !phraseAt(tokens, c.from, c.to);
  // "Sokha Hotel Phnom Penh", "Vilnius University Vilnius": a venue's or a body's name, then where it is.
  const named = (c: Candidate): boolean =>
    isChunk(c) && (PLACE_SUFFIXES.has(tokens[c.to - 1]!.text) || ORG_SUFFIXES.has(tokens[c.to - 1]!.text));
  const joins = (c: Candidate, before: Candidate): boolean =>
    c.from === before.to && (isChunk(c) || (isPlace(c) && !named(before)));
  for (let i = first; i < out.length; i++) {
    let j = i + 1;
    while (j < out.length && joins(out[j]!, out[j - 1]!)) j++;
    const group = out.slice(i, j);
    if (group.length < 2 || !group.some(isPlace) || !group.some(isChunk) || !(isChunk(out[i]!) || isPlace(out[i]!)))
      continue;
    const from = group[0]!.from;
    const to = group[group.length - 1]!.to;
    // "Estonia's PM": a place with a possessive owns what follows; "the Agency for International
    // Development", "the Securities and Exchange Commission": the name goes on past the chunk.
    if (isPlace(group[group.length - 1]!) && tokens[to - 1]!.possessive) continue;
    const after = tokens[to];
    if (after && to < runTo && !after.cap) {
      if (after.text !== 'and' || out.slice(j).some((c) => c.label === 'Organization')) continue;
    }
    out.splice(i, j - i, {
      label: null,
      from,
      to,
      name: surface(text, tokens, from, to),
      aliases: [],
      locative: group[0]!.locative,
      parts: group,
    });
  }
}

/**
 * Whether the article opens with a title-case headline (at least four content words, all
 * capitalised). Only the opening line counts: title-case lines further down are mostly lists of names
 * (results, line-ups, signatories), where capitals do mean names.
 */
function opensWithTitleCaseHeadline(tokens: readonly Token[]): boolean {
  let content = 0;
  for (const t of tokens) {
    if (t.sentence !== 0) break;
    if (FUNCTION_WORDS.has(t.lower) || !/\p{L}/u.test(t.text)) continue;
    if (!t.cap) return false;
    content++;
  }
  return content >= TITLE_CASE_MIN_WORDS;
}

/** Capitalised words the body (all but the opening line) writes inside a sentence, where case means a name. */
function bodyCapitals(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.cap && !t.initial && t.sentence !== 0) out.add(t.text);
  return out;
}

/** "US-Russia", "Armenia-Azerbaijan": one candidate per known part; false when a part is unknown. */
function splitCompound(cand: Candidate, tokens: readonly Token[], out: Candidate[]): boolean {
  const tok = tokens[cand.from]!;
  if (cand.to - cand.from !== 1 || !tok.text.includes('-')) return false;
  const parts = tok.text.split('-');
  const infos = parts.map((p) => PHRASES.get(p));
  if (!infos.every((i) => i && (i.kind === 'country' || i.kind === 'org' || i.kind === 'capital' || i.kind === 'seat')))
    return false;
  let offset = tok.start;
  parts.forEach((p, k) => {
    const info = infos[k]!;
    const label = info.kind === 'org' ? 'Organization' : 'Country';
    out.push({ ...cand, label, name: info.ref, aliases: [], start: offset, end: offset + p.length });
    offset += p.length + 1;
  });
  return true;
}

/** Fills `cand` from a lexicon phrase; false when the phrase is not itself a mention (titles, demonyms). */
function fromPhrase(cand: Candidate, info: PhraseInfo, text: string, tokens: readonly Token[]): boolean {
  switch (info.kind) {
    case 'country':
      cand.label = 'Country';
      cand.name = info.ref;
      return true;
    case 'capital':
    case 'seat':
      // "in Moscow", "at the White House" are places; "Moscow said", "the Kremlin said" are the state acting.
      cand.within = info.ref;
      if (
        cand.locative ||
        (cand.from > 1 && tokens[cand.from - 1]!.text === 'the' && LOCATIVES.has(tokens[cand.from - 2]!.text))
      ) {
        cand.label = 'Place';
        cand.name = surface(text, tokens, cand.from, cand.to);
      } else {
        cand.label = 'Country';
        cand.name = info.ref;
        cand.aliases.push(surface(text, tokens, cand.from, cand.to));
      }
      return true;
    case 'org':
      cand.label = 'Organization';
      cand.name = info.ref;
      return true;
    case 'place':
      cand.label = 'Place';
      cand.name = info.ref;
      if (info.within) cand.within = info.within;
      return true;
    case 'event':
      cand.label = 'Event';
      cand.name = info.ref;
      return true;
    default:
      return false;
  }
}

/**
 * Whether a chunk holds a person's name after its first word ("PLO Hussein"): a first name, last or
 * before a word that is no common noun ("Law Enforcement" is none).
 */
function personInside(tokens: readonly Token[], seg: Segment): boolean {
  for (let i = seg.from + 1; i < seg.to; i++) {
    const next = tokens[i + 1]?.lower ?? '';
    if (!FIRST_NAMES.has(tokens[i]!.text)) continue;
    if (i + 1 === seg.to || (!WORD_ENDING.test(next) && !ABSTRACT_NOUN.test(next))) return true;
  }
  return false;
}

/**
 * The segments an organisation's "of" or "for" phrase takes after token `to` ("Party of Azerbaijan",
 * "Association of European Airlines", "Agency for International Development"): over "the",
 * capitalised modifiers and demonyms up to its first noun, a second noun joined by "and", and that
 * noun's own "of" phrase. None when no noun follows, or a title that a name follows ("Office of
 * President Kovacs").
 */
function ofPhrase(tokens: readonly Token[], to: number, following: readonly Segment[]): number {
  if (tokens[to]?.text !== 'of' && tokens[to]?.text !== 'for') return 0;
  let i = to + 1;
  for (let k = 0; k < following.length; k++) {
    const seg = following[k]!;
    for (; i < seg.from; i++) {
      const t = tokens[i]!;
      if (t.text !== 'the' && !(t.cap && FUNCTION_WORDS.has(t.lower))) return 0;
    }
    const kind = seg.info?.kind;
    // "Department of Justice" ends the run; "Office of President Kovacs" names a person.
    if ((kind === 'title' || kind === 'honorific') && k < following.length - 1) return 0;
    // "the Executive Committee of the PLO Hussein Kovacs": a person's name after it is no part of it.
    if (!seg.info && personInside(tokens, seg)) return 0;
    if (kind === 'demonym') {
      i = seg.to;
      continue;
    }
    // "the Center for Strategic and International Studies": two unknown words joined by "and".
    const next = following[k + 1];
    const joined =
      !seg.info &&
      next !== undefined &&
      !next.info &&
      tokens[seg.to]?.text === 'and' &&
      next.from === seg.to + 1 &&
      tokens[next.to]?.text !== 'of' &&
      !personInside(tokens, next);
    const taken = joined ? k + 2 : k + 1;
    // "the Institute for the Study of War": an unknown noun's own "of" phrase goes on with the name.
    const more = ofPhrase(tokens, following[taken - 1]!.to, following.slice(taken));
    return more > 0 && !following[taken + more - 1]!.info ? taken + more : taken;
  }
  return 0;
}

/** Labels an unknown chunk; returns how many of the following segments it swallowed ("Party of Azerbaijan"). */
function classifyChunk(
  cand: Candidate,
  text: string,
  tokens: readonly Token[],
  vocab: ReadonlySet<string>,
  prev: Segment | undefined,
  following: readonly Segment[],
): number {
  const { from, to } = cand;
  const first = tokens[from]!;
  const last = tokens[to - 1]!;
  cand.name = surface(text, tokens, from, to);
  // "The Presidents emphasized …": a title in the plural names the people who hold it, not a name.
  if (to - from === 1 && first.lower.endsWith('s') && TITLE_WORDS.has(first.lower.slice(0, -1))) {
    cand.name = '';
    return 0;
  }
  const lastTwo = to - from >= 2 ? `${tokens[to - 2]!.text} ${last.text}` : '';

  if (PLACE_SUFFIXES.has(lastTwo) || PLACE_SUFFIXES.has(last.text) || startsWith(tokens, from, to, PLACE_PREFIXES)) {
    if (to - from >= 2 || cand.locative) cand.label = 'Place';
    return 0;
  }
  // "the Republic of Congo", "the Union of Comoros": a form of state before a country is the country.
  // "the Consumer Federation of America" is a body: the form of state stands alone.
  const state = to - from === 1 && STATE_FORMS.has(last.text) ? ofPhrase(tokens, to, following) : 0;
  const country = state > 0 ? following[state - 1]!.info : null;
  if (country?.kind === 'country') {
    cand.label = 'Country';
    cand.to = following[state - 1]!.to;
    cand.aliases.push(surface(text, tokens, from, cand.to));
    cand.name = country.ref;
    return state;
  }
  if (ORG_SUFFIXES.has(last.text) || startsWith(tokens, from, to, ORG_PREFIXES)) {
    // "Popular Front Party of Azerbaijan", "Times of Oman": the "of X" belongs to the organisation's name.
    // "Department of Health and Human Services", "Office of Management and Budget": an "of" phrase
    // of two unknown nouns joined by "and" ("Republic of Korea and Japan" names two countries).
    const next = following[0];
    const within = tokens.slice(from + 1, to).some((t) => t.text === 'of');
    if (
      within &&
      next &&
      !next.info &&
      next.from === to + 1 &&
      tokens[to]!.text === 'and' &&
      // The second noun is no body of its own ("the Department of the Treasury and Department of State").
      tokens[next.to]?.text !== 'of' &&
      !personInside(tokens, next)
    ) {
      cand.label = 'Organization';
      cand.to = next.to;
      cand.name = surface(text, tokens, from, cand.to);
      return 1;
    }
    const taken = last.possessive ? 0 : ofPhrase(tokens, to, following);
    if (taken > 0) {
      cand.label = 'Organization';
      cand.to = following[taken - 1]!.to;
      cand.name = surface(text, tokens, from, cand.to);
      return taken;
    }
    // "the Premier League": a title word before a body's noun names the body, not an office holder.
    const title = prev?.info?.kind === 'title' && prev.to === from && prev.to - prev.from === 1;
    if (title && to - from === 1) {
      cand.from = prev.from;
      cand.name = surface(text, tokens, cand.from, to);
    }
    if (cand.to - cand.from > 1 || cand.locative) cand.label = 'Organization';
    return 0;
  }
  // "Secretary of Agriculture" is an office, not a person: the title must touch the name.
  const titled = (prev?.info?.kind === 'title' || prev?.info?.kind === 'honorific') && prev.to === from;
  const commonWord =
    to - from === 1 &&
    (vocab.has(first.lower) ||
      FUNCTION_WORDS.has(first.lower) ||
      EVENT_WORDS.has(first.lower) ||
      ABSTRACT_NOUN.test(first.lower));
  // "the Association of Chief Police Officers": a body's word after a title is no surname.
  const bodyWords = to - from >= 2 && tokens.slice(from, to).some((t) => ORG_SUFFIXES.has(t.text));
  if (titled && !commonWord && !bodyWords) {
    cand.label = 'Person';
    cand.cue = prev.info!.kind === 'title' ? 'title' : 'honorific';
    return 0;
  }
  const allCaps = ALL_CAPS.test(cand.name);
  if (
    to - from === 1 &&
    ACRONYM.test(first.text) &&
    !NOT_ORGANIZATIONS.has(first.text) &&
    !FUNCTION_WORDS.has(first.lower) &&
    !vocab.has(first.lower) &&
    !ROMAN.test(first.text)
  ) {
    cand.label = 'Organization';
    cand.acronym = true;
    return 0;
  }
  if (allCaps) {
    // A results table in capitals names teams ("BUFFALO 13 12 1 77 76 27").
    if (headsResultsRow(text, tokens[from]!.start, tokens[to - 1]!.end)) {
      cand.label = 'Organization';
      return 0;
    }
    // Shouted headlines and photo credits: not worth guessing.
    cand.name = '';
    return 0;
  }
  // "Ministers of Finance Christian Lindner, Defense Boris Pistorius": office words, then a first
  // name and a surname, in one capitalised run.
  const named = to - 2;
  if (
    named > from &&
    FIRST_NAMES.has(tokens[named]!.text) &&
    // "Free Trade", "Care Act": first names that are words are no names here.
    !COMMON_WORDS.has(tokens[named]!.lower) &&
    !COMMON_WORDS.has(tokens[named + 1]!.lower) &&
    tokens
      .slice(from, named)
      .every((t) => NAME_CONNECTORS.has(t.text) || (COMMON_WORDS.has(t.lower) && !NAME_ABBREVIATIONS.has(t.text)))
  ) {
    cand.from = named;
    cand.name = surface(text, tokens, named, to);
    cand.label = 'Person';
    cand.cue = 'first-name';
    return 0;
  }
  if (namedEvent(tokens, from, to)) {
    cand.label = 'Event';
    return 0;
  }
  let nameLike = true;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!t.cap) continue;
    const lower = t.lower;
    // A middle initial after a first name ("James W. Hoyt") is part of a name.
    const middleInitial =
      i === from + 1 && i < to - 1 && /^\p{Lu}$/u.test(t.text) && FIRST_NAMES.has(tokens[from]!.text);
    if (FUNCTION_WORDS.has(lower) || (!TITLE_CASE.test(t.text) && !middleInitial)) nameLike = false;
    // A sentence-initial "Posting", "Asked", "Clearly" is an English word, not a name; so is a title-case
    // headline's "Providing" or "Meeting" anywhere.
    else if (t.initial && WORD_ENDING.test(t.text) && !FIRST_NAMES.has(t.text)) nameLike = false;
    else if (i > from && /ing$/.test(t.text) && !FIRST_NAMES.has(t.text) && (i < to - 1 || inHeading(tokens, i)))
      nameLike = false;
    else if (EVENT_WORDS.has(lower)) nameLike = false;
    else if (vocab.has(lower) && !(FIRST_NAMES.has(t.text) && i === from)) nameLike = false;
  }
  if (!nameLike) {
    cand.name = cand.locative ? cand.name : '';
    if (cand.locative) cand.label = 'Place';
    return 0;
  }
  const role = prev === undefined || prev.to < from ? roleBefore(tokens, from) : undefined;
  if (role) {
    cand.label = 'Person';
    cand.cue = 'role';
    cand.title = role;
  } else if (speechCue(text, tokens, from, to)) {
    cand.cue = 'speech';
    if (to - from >= 2) cand.label = 'Person';
  } else if (to - from >= 2 && FIRST_NAMES.has(first.text)) {
    cand.label = 'Person';
    cand.cue = 'first-name';
  }
  // A single unknown word after "in"/"at" is a place unless it turns out to be a person's name (persons.ts decides).
  return 0;
}

/**
 * Whether token `i` stands in a heading: a sentence with no lower-case word but function words
 * ("Strengthening Democracy and Human Rights"). There a capitalised -ing word is an English verb;
 * in running text, as the last word of a name, it may be a surname ("Chinese leader Xi Jinping
 * met …", "Doris Lessing"), while inside one it is not ("Bradley Infantry Fighting Vehicles").
 */
function inHeading(tokens: readonly Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  for (let k = i - 1; k >= 0 && tokens[k]!.sentence === sentence; k--) if (lowerContent(tokens[k]!)) return false;
  for (let k = i + 1; k < tokens.length && tokens[k]!.sentence === sentence; k++)
    if (lowerContent(tokens[k]!)) return false;
  return true;
}

const lowerContent = (t: Token): boolean => !t.cap && /\p{L}/u.test(t.text) && !FUNCTION_WORDS.has(t.lower);

/** A speech verb follows the name, or "said"/"according to" precedes it. */
function speechCue(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const end = tokens[to - 1]!.end;
  const start = tokens[from]!.start;
  return (
    SPEECH_AFTER.test(text.slice(end, end + 100)) || SPEECH_BEFORE.test(text.slice(Math.max(0, start - 20), start))
  );
}

/**
 * Splits unknown chunks at connectors ("Trump of Ukraine") unless an organisation or
 * place pattern holds them together ("Department of Transportation", "Sea of Azov").
 */
function splitAtConnectors(tokens: readonly Token[], segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segs) {
    if (seg.info || seg.to - seg.from < 3) {
      out.push(seg);
      continue;
    }
    const last = tokens[seg.to - 1]!.text;
    const held =
      ORG_SUFFIXES.has(last) ||
      PLACE_SUFFIXES.has(last) ||
      startsWith(tokens, seg.from, seg.to, ORG_PREFIXES) ||
      startsWith(tokens, seg.from, seg.to, PLACE_PREFIXES) ||
      namedEvent(tokens, seg.from, seg.to);
    if (held) {
      out.push(seg);
      continue;
    }
    let a = seg.from;
    for (let i = seg.from; i <= seg.to; i++) {
      if (i < seg.to && !RUN_SPLITTERS.has(tokens[i]!.text)) continue;
      if (i > a) out.push({ info: null, from: a, to: i });
      a = i + 1;
    }
  }
  return out;
}
