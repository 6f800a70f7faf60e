/**
 * What the learned tagger (../ner/) adds to the rules: it types the unknown names of two or more
 * words that the rules would take for people by their last word ("Harlow Dynamics", "Mekong River
 * Basin") or would leave out for want of a cue ("Didier Drogba", with no title, known first name
 * or speech verb), and proposes the organisations and places of two or more words that no rule saw.
 * Lexicon hits and cued names (a title, a first name, a speech verb) stay with the rules: where the
 * lexicons are certain they are authoritative. Of single words, it only decides the unknown ones the
 * rules found: a first name of one of the article's people named in full is that person ("recalls
 * Angelo"), and an organisation is one ("Bundesbank", "Euronext"), never for words for people,
 * faiths or qualities ("Republicans", "Catholic", "Nazism"): its single-word places, read on the
 * corpora, were mostly people and adjectives ("Nuland", "Keynesian"). An unknown acronym of three
 * capitals or more that it reads as an organisation needs no other support ("WAFL"). It types a
 * known place written into a longer name ("Atlantic City", "Boston Bruins"), which the rules
 * otherwise read as the place and a word.
 */
import type { EntityLabel } from '../../types.js';
import { spansOf, taggerModel, tagWords, tokenGaps, type NameSpan, type TaggerModel } from '../ner/index.js';
import type { Token } from '../tokens.js';
import {
  COMMON_WORDS,
  FIRST_NAMES,
  FUNCTION_WORDS,
  ORG_SUFFIXES,
  PHRASES,
  PLACE_SUFFIXES,
  TITLE_WORDS,
} from './lexicon.js';
import { acronymCounts } from './organizations.js';
import { locativeBefore, type Candidate } from './recognise.js';

const LABEL_OF: Partial<Record<NameSpan['type'], EntityLabel>> = {
  PER: 'Person',
  ORG: 'Organization',
  LOC: 'Place',
};

// Words on each side of a wanted word that are tagged with it (so that a name's edge is decided
// by the tagger too), and words beyond those read as context (the features look two away).
const MARGIN = 1;
const CONTEXT = 2;

/**
 * Reads the article with the tagger where the rules need it, and gives the candidates what it
 * found: see `taggedNames` and `applyTaggedNames`.
 */
export function addTaggedNames(
  text: string,
  tokens: readonly Token[],
  vocab: ReadonlySet<string>,
  candidates: Candidate[],
): void {
  const running = runningSentences(tokens);
  applyTaggedNames(text, tokens, vocab, running, candidates, taggedNames(text, tokens, running, candidates));
}

/**
 * The names the tagger reads where the rules need it: around the unknown names of two or more
 * words and the runs of capitalised words no candidate covers, within their sentences. Lexicon
 * hits and lower-case text are not tagged at all, which keeps the cost a fraction of tagging every
 * word.
 */
function taggedNames(
  text: string,
  tokens: readonly Token[],
  running: readonly boolean[],
  candidates: readonly Candidate[],
): NameSpan[] {
  const covered = new Uint8Array(tokens.length);
  const wanted = new Uint8Array(tokens.length);
  // Only an acronym the article writes once can need the tagger's support (organizations.ts).
  const acronyms = acronymCounts(candidates);
  for (const c of candidates) {
    covered.fill(1, c.from, c.to);
    const lone = c.acronym === true && acronyms.get(c.name) === 1 && SUPPORTABLE_ACRONYM.test(c.name);
    if ((c.label === null && (c.to - c.from >= 2 || singleUnknown(c))) || lone) wanted.fill(1, c.from, c.to);
  }
  // Capitalised words no candidate covers, where two stand side by side: only such a pair can start a name to add.
  const open = (i: number): boolean => {
    const t = tokens[i];
    return t !== undefined && t.cap && !covered[i] && !knownWord(t) && running[t.sentence] === true;
  };
  for (let i = 0; i + 1 < tokens.length; i++)
    if (open(i) && open(i + 1) && tokens[i]!.sentence === tokens[i + 1]!.sentence) wanted[i] = wanted[i + 1] = 1;
  const out: NameSpan[] = [];
  let model: TaggerModel | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (!wanted[i]) continue;
    const sentence = tokens[i]!.sentence;
    const inSentence = (k: number): boolean => k >= 0 && k < tokens.length && tokens[k]!.sentence === sentence;
    let from = i;
    while (from > i - MARGIN && inSentence(from - 1)) from--;
    // The window grows while wanted words keep coming within reach.
    let to = i + 1;
    let reach = i + 1 + MARGIN;
    while (to < reach && inSentence(to)) {
      if (wanted[to]) reach = to + 1 + MARGIN;
      to++;
    }
    let readFrom = from;
    while (readFrom > from - CONTEXT && inSentence(readFrom - 1)) readFrom--;
    let readTo = to;
    while (readTo < to + CONTEXT && inSentence(readTo)) readTo++;
    model ??= taggerModel();
    const read = tokens.slice(readFrom, readTo);
    const gapsFrom = inSentence(readFrom - 1) ? tokens[readFrom - 1]!.end : read[0]!.start;
    const tags = tagWords(
      model,
      read.map((t) => t.text),
      tokenGaps(text, read, gapsFrom),
      from - readFrom,
      to - readFrom,
    );
    for (const span of spansOf(tags)) out.push({ from: from + span.from, to: from + span.to, type: span.type });
    i = to - 1;
  }
  return out;
}

// People and their qualities, which CoNLL calls MISC: "Catholics", "Nazism", "Keynesian", "Kurdish".
const PEOPLE_OR_QUALITY = /(?:\p{Ll}s|ish|ic|ian|ean|can|ese|ist|ite|ism|ity|esque|phile)$/u;

/**
 * Whether a single word the tagger calls an organisation or a place can be a name: not a word the
 * article or English writes in lower case, a first name, a word for people or a quality, a body's
 * generic word alone ("Department"), a compound of known names ("Belarus-Russian", "April-May"),
 * or a social-media handle or hashtag ("@RepAdams").
 */
function nameWord(text: string, t: Token, vocab: ReadonlySet<string>): boolean {
  if (COMMON_WORDS.has(t.lower) || vocab.has(t.lower) || FIRST_NAMES.has(t.text) || !LATIN.test(t.text)) return false;
  if (PEOPLE_OR_QUALITY.test(t.text) || ORG_SUFFIXES.has(t.text)) return false;
  if (t.text.includes('-') && t.text.split('-').some((part) => PHRASES.has(part))) return false;
  return !/[@#]$/u.test(text.slice(Math.max(0, t.start - 1), t.start));
}

/** An acronym the tagger's reading may support: three capitals or more, no digit ("WAFL", not "K3" or "CN"). */
const SUPPORTABLE_ACRONYM = /^\p{Lu}{3,}$/u;

/** A single unknown word with no cue but a speech verb ("Euronext", "the Bundesbank said"). */
const singleUnknown = (c: Candidate): boolean =>
  c.to - c.from === 1 && (c.cue === undefined || c.cue === 'speech') && c.start === undefined;

/** The tagger's type for the candidate's exact words, if it gives one. */
const taggedType = (byRange: ReadonlyMap<string, NameSpan>, c: Candidate): NameSpan['type'] | undefined =>
  byRange.get(`${c.from}:${c.to}`)?.type;

/** The tagger's label for the uncued candidate's exact words, if it gives one. */
function taggedLabel(byRange: ReadonlyMap<string, NameSpan>, c: Candidate): EntityLabel | undefined {
  if (c.label !== null || c.cue || c.start !== undefined) return undefined;
  return LABEL_OF[taggedType(byRange, c) ?? 'MISC'];
}

/**
 * Where the person's name starts in a chunk the tagger calls a person, or -1 when it is none. A
 * descriptor before a first name is no part of the name ("Briton Tim Henman", "Keeper Petr Cech");
 * and a name is made of names: the tagger takes capitalised phrases of common words ("Iron Dome",
 * "Agent Orange") for people too, where no title or first name tells it otherwise.
 */
function personStart(tokens: readonly Token[], c: Candidate): number {
  let from = c.from;
  while (from < c.to - 2 && descriptorWord(tokens[from]!) && FIRST_NAMES.has(tokens[from + 1]!.text)) from++;
  const words = tokens.slice(from, c.to);
  // The tagger learned English text: it knows nothing of names in other scripts ("Великій Британії").
  if (words.some((t) => !LATIN.test(t.text))) return -1;
  const common = words.some((t) => COMMON_WORDS.has(t.lower) && !FIRST_NAMES.has(t.text));
  return common ? -1 : from;
}

const LATIN = /^[\p{Script=Latin}\p{M}'’.-]+$/u;
// A people's or a follower's noun before a name: "Frenchman", "Olympian", "Blairite".
const PEOPLE_NOUN = /(?:man|woman|ian|an|ite)$/u;
/** A word that describes a person rather than names one: a common word or a people's noun, no first name. */
const descriptorWord = (t: Token): boolean =>
  !FIRST_NAMES.has(t.text) && (COMMON_WORDS.has(t.lower) || PEOPLE_NOUN.test(t.lower));

const rangeIndex = (names: readonly NameSpan[]): Map<string, NameSpan> =>
  new Map(names.map((n) => [`${n.from}:${n.to}`, n]));

/**
 * Before the person resolver: gives the tagger's type to unknown names of two or more words (which
 * the resolver would otherwise take for people by their last word), and adds its organisations and
 * places (and people of two or more words) that overlap no candidate, when they start with a capital.
 */
function applyTaggedNames(
  text: string,
  tokens: readonly Token[],
  vocab: ReadonlySet<string>,
  running: readonly boolean[],
  candidates: Candidate[],
  names: readonly NameSpan[],
): void {
  const byRange = rangeIndex(names);
  // A word of a longer name in the article is that name's short form ("Prigozhin"), for the resolver.
  const inLongerNames = new Set<string>();
  // The first names of the article's people named in full: "Angelo" after "Angelo Fresquet".
  const givenNames = new Set<string>();
  for (const c of candidates) {
    if (c.to - c.from < 2) continue;
    for (let i = c.from; i < c.to; i++) inLongerNames.add(tokens[i]!.text);
    if ((c.label === 'Person' || c.label === null) && FIRST_NAMES.has(tokens[c.from]!.text))
      givenNames.add(tokens[c.from]!.text);
  }
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (c.acronym && SUPPORTABLE_ACRONYM.test(c.name) && taggedType(byRange, c) === 'ORG') c.taggedOrg = true;
    if (c.parts) {
      const type = taggedType(byRange, c);
      // A first name that is no common word starts a person's name that ends in no place's word: the
      // person the tagger reads ("Roger Israel Zakheim"); with one word after it, also one the tagger
      // took for a place ("Victoria Nuland") or, when the first name is no place itself, for
      // anything ("go to Steve Holland"). "North Africa" and "Ellis Island" are places.
      const first = tokens[c.from]!;
      const person =
        FIRST_NAMES.has(first.text) &&
        !COMMON_WORDS.has(first.lower) &&
        !PLACE_SUFFIXES.has(tokens[c.to - 1]!.text) &&
        (type === 'PER'
          ? personStart(tokens, c) === c.from
          : c.to - c.from === 2 && (type === 'LOC' || c.parts[0]!.label === null));
      if (person) {
        c.label = 'Person';
        c.cue = 'first-name';
      } else if (type === 'ORG' || type === 'LOC') c.label = LABEL_OF[type]!;
      else {
        candidates.splice(k, 1, ...c.parts);
        k += c.parts.length - 1;
      }
      continue;
    }
    if (c.label === null && singleUnknown(c)) {
      const t = tokens[c.from]!;
      const type = taggedType(byRange, c);
      if (type !== 'ORG' && type !== 'PER') continue;
      if (running[t.sentence] !== true) continue;
      if (type === 'ORG' && nameWord(text, t, vocab) && !inLongerNames.has(t.text)) c.label = 'Organization';
      else if (type === 'PER' && givenNames.has(t.text) && !vocab.has(t.lower)) {
        // The person resolver joins it to the one person of the article with that first name.
        c.label = 'Person';
        c.cue = 'first-name';
      }
      continue;
    }
    const label = c.to - c.from >= 2 ? taggedLabel(byRange, c) : undefined;
    if (label !== 'Person') {
      if (label) c.label = label;
      continue;
    }
    const from = personStart(tokens, c);
    if (from < 0) continue;
    c.label = label;
    c.from = from;
    c.name = text.slice(tokens[from]!.start, tokens[c.to - 1]!.end);
  }
  // One word is one thing in an article: "Euronext said …" is the organisation that "Euronext shares"
  // names, where the tagger read only the one.
  const organisations = new Set<string>();
  for (const c of candidates)
    if (c.label === 'Organization' && c.to - c.from === 1 && c.start === undefined) organisations.add(c.name);
  for (const c of candidates)
    if (c.label === null && singleUnknown(c) && organisations.has(c.name)) c.label = 'Organization';
  const taken = new Uint8Array(tokens.length);
  for (const c of candidates) taken.fill(1, c.from, c.to);
  for (const name of names) {
    const label = LABEL_OF[name.type];
    if (!label || !tokens[name.from]!.cap || taken.subarray(name.from, name.to).some((x) => x)) continue;
    // A single capitalised word the rules passed over is more often a party, a faith or a common
    // noun ("Republicans", "Allies") than a new organisation or place: names of two words or more only.
    if (name.to - name.from < 2) continue;
    if (!proposable(tokens, vocab, running, name)) continue;
    candidates.push({
      label,
      from: name.from,
      to: name.to,
      name: text.slice(tokens[name.from]!.start, tokens[name.to - 1]!.end),
      aliases: [],
      locative: locativeBefore(tokens, name.from),
    });
    taken.fill(1, name.from, name.to);
  }
}

/** A title, month, demonym or other lexicon word: the rules have read it already. */
const knownWord = (t: Token): boolean => PHRASES.has(t.text) || TITLE_WORDS.has(t.lower) || FUNCTION_WORDS.has(t.lower);

/**
 * Whether each sentence is running text, not a title-case headline or heading: at most half its
 * content words are capitalised.
 */
function runningSentences(tokens: readonly Token[]): boolean[] {
  const words: number[] = [];
  const capitalised: number[] = [];
  for (const t of tokens) {
    if (FUNCTION_WORDS.has(t.lower)) continue;
    words[t.sentence] = (words[t.sentence] ?? 0) + 1;
    capitalised[t.sentence] = (capitalised[t.sentence] ?? 0) + (t.cap ? 1 : 0);
  }
  return Array.from(words, (n, s) => (capitalised[s] ?? 0) * 2 <= (n ?? 0));
}

/**
 * A name the rules did not see is taken only from running text: in a title-case headline or a
 * heading every word is capitalised and the tagger's guesses there are mostly phrases ("Promote
 * Equality"); and a name whose every word the article also writes in lower case ("Social Media")
 * is a phrase too.
 */
function proposable(
  tokens: readonly Token[],
  vocab: ReadonlySet<string>,
  running: readonly boolean[],
  name: NameSpan,
): boolean {
  let common = true;
  for (let i = name.from; i < name.to; i++) {
    const t = tokens[i]!;
    if (t.cap && !vocab.has(t.lower) && !FUNCTION_WORDS.has(t.lower)) common = false;
  }
  return !common && running[tokens[name.from]!.sentence] === true;
}
