/**
 * Who is the subject of a speech verb: a named mention, a pronoun ("he said") or a
 * descriptor ("the Russian president said") resolved against the article's
 * earlier sentences. Works on the quote-masked text so that names inside quoted
 * words never become speakers.
 */
import type { EntityMention } from '../types.js';
import { turnsOf, type SpeakerTurn } from '../transcripts.js';
import { normalizeName } from '../../util/text.js';
import { ACTOR_LABELS, mentionsIn, sentenceAt, type Analysis } from './context.js';
import { firstStartingFrom } from '../../util/search.js';
import { firstTokenFrom, type Token } from '../tokens.js';
import {
  DEFINITE_DETERMINERS,
  DESCRIPTOR_ROLES,
  GENERIC_LEADER_ROLES,
  GROUP_COUNTS,
  GROUP_NOUNS,
  LEADER_ROLES,
  OBJECT_MARKERS,
  ROLE_HEADS,
  SPEECH_VERBS_AFTER_NAME,
  TITLE_MODIFIERS,
  TITLE_WORDS,
} from '../entities/lexicon.js';

/** A possible subject found in the frame text. */
export type Candidate =
  | { kind: 'mention'; at: number; end: number; entity: string; label: string }
  | { kind: 'pronoun'; at: number; end: number }
  /** "it" after a speech verb ("Sylvania said it would …"): the body or country that spoke. */
  | { kind: 'it'; at: number; end: number }
  /** "I" in a transcript: the speaker of the turn. */
  | { kind: 'self'; at: number; end: number }
  | { kind: 'descriptor'; at: number; end: number; words: string[] }
  /** "they", "the two leaders", "both countries": actors named together before (groups.ts). */
  | { kind: 'plural'; at: number; end: number; pronoun: boolean; count?: number; label?: 'Person' | 'Country' };

// A mention right after one of these words is an object or a modifier, not the subject.
/** "'s" or "’" right after a name: the name is a possessor ("Ukraine's leader"). */
export const POSSESSIVE_AFTER = /^['’]s?(?![\p{L}])/u;
// Relative and participial asides between a subject and its verb ("X, who met Y, said").
const ASIDE =
  /,\s*(?:who|which|whose|whom|where|when|speaking|reporting|writing|appearing|standing|sitting|referring)\b[^,;]*,/giu;

/** Spans of relative/participial asides in [from, to) of the masked text. */
function asides(masked: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  // Most spans hold no comma at all, and then no aside.
  const comma = masked.indexOf(',', from);
  if (comma < 0 || comma >= to) return out;
  ASIDE.lastIndex = comma;
  for (let m = ASIDE.exec(masked); m && m.index + m[0].length <= to; m = ASIDE.exec(masked)) {
    out.push([m.index + 1, m.index + m[0].length - 1]);
  }
  return out;
}

/** The characters of the regex class `\s`. */
function isWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `/^\s+$/.test(text.slice(from, to))` without the slice: it runs for every token pair looked at. */
function onlyWhitespace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}

// Only spaces between two tokens: "with Russian President Vladimir Putin" is one run, "with Fox News, Trump" is not.
const joined = (a: Analysis, left: Token, right: Token): boolean => onlyWhitespace(a.masked, left.end, right.start);

// "after", "before" also open a clause: "after Lind had promised …" has Lind for its subject.
// A relative pronoun, its verb (and an adverb), and maybe a title before a name.
const RELATIVE_OBJECT =
  /\b(?:who|which)\s+(?:\p{Ll}+ly\s+)?(?!(?:the|a|an)\s)(\p{Ll}+)\s+(?:(?:the\s+)?\p{Lu}[\p{L}.'’-]*\s+)*$/u;
const CONJUNCTION_MARKERS: ReadonlySet<string> = new Set(['after', 'before']);
const FINITE_VERB_AFTER = /^\s+(?:had|has|have|was|were|is|are|will|would|could|did|\p{Ll}+ed)\b/u;

// Capitalised words (a title) between a body and the person it qualifies.
const TITLE_BETWEEN = /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}$/u;

function isSubjectLike(a: Analysis, m: EntityMention, lineStart: number): boolean {
  if (POSSESSIVE_AFTER.test(a.masked.slice(m.end, m.end + 3))) return false;
  // "Metropolitan Police Commissioner Sir Ian Blair said": the body names the person's office.
  if (m.label !== 'Person') {
    const next = mentionsIn(a.frameMentions, m.end, m.end + 60)[0];
    if (next?.label === 'Person' && TITLE_BETWEEN.test(a.masked.slice(m.end, next.start))) return false;
  }
  // "councillors who back Mr Flight met …": the object of a relative clause ("which suggested Mr
  // Blair went …" is a speech verb's new clause, whose subject he is).
  const relative = RELATIVE_OBJECT.exec(a.masked.slice(Math.max(lineStart, m.start - 40), m.start));
  if (relative && !SPEECH_VERBS.has(relative[1]!.toLowerCase())) return false;
  const tokens = a.tokens;
  let i = firstTokenFrom(tokens, m.start) - 1;
  if (i < 0 || tokens[i]!.start < lineStart) return true;
  if (OBJECT_MARKERS.has(tokens[i]!.lower) && joined(a, tokens[i]!, tokens[i + 1] ?? tokens[i]!))
    return CONJUNCTION_MARKERS.has(tokens[i]!.lower) && FINITE_VERB_AFTER.test(a.masked.slice(m.end, m.end + 30));
  // Skip titles, names and possessors ("meet Ukraine's", "with Russian President") back to the word before them.
  let right = tokens[i + 1]!;
  while (
    i >= 0 &&
    tokens[i]!.start >= lineStart &&
    (tokens[i]!.cap || tokens[i]!.lower === 'of' || tokens[i]!.lower === 'the')
  ) {
    if (!joined(a, tokens[i]!, right)) return true;
    right = tokens[i]!;
    i--;
  }
  return !(
    i >= 0 &&
    tokens[i]!.start >= lineStart &&
    joined(a, tokens[i]!, right) &&
    OBJECT_MARKERS.has(tokens[i]!.lower)
  );
}

/** Possible subjects inside [from, to), in text order, asides and objects skipped. */
export function candidatesIn(a: Analysis, from: number, to: number): Candidate[] {
  if (to <= from) return [];
  const skip = asides(a.masked, from, to);
  const inAside = (pos: number): boolean => skip.some(([s, e]) => pos >= s && pos < e);
  const out: Candidate[] = [];
  for (const m of mentionsIn(a.frameMentions, from, to)) {
    if (!ACTOR_LABELS.has(m.label) || inAside(m.start) || !isSubjectLike(a, m, from)) continue;
    out.push({ kind: 'mention', at: m.start, end: m.end, entity: m.entity, label: m.label });
  }
  const tokens = a.tokens;
  const first = firstTokenFrom(tokens, from);
  for (let i = first; i < tokens.length && tokens[i]!.end <= to; i++) {
    const t = tokens[i]!;
    // A pronoun is never possessive, so "he's" is "he is/has": a clause of its own, often passive.
    const pronoun = (t.lower === 'he' || t.lower === 'she') && !t.possessive;
    if (pronoun && !inAside(t.start) && !overlapsMention(a, t.start, t.end)) {
      out.push({ kind: 'pronoun', at: t.start, end: t.end });
      continue;
    }
    const reported = i > 0 && isReportingWord(tokens[i - 1]!);
    // "It said …", "It added that …": a sentence that opens with the body's statement.
    const verbAt = tokens[i + 1] && /ly$|^(?:also|further|then|later)$/u.test(tokens[i + 1]!.lower) ? i + 2 : i + 1;
    const opensStatement = t.initial && SPEECH_VERBS.has(tokens[verbAt]?.lower ?? '');
    if (t.lower === 'it' && !inAside(t.start) && (reported || opensStatement)) {
      out.push({ kind: 'it', at: t.start, end: t.end });
      continue;
    }
    if (t.text === 'I' && !inAside(t.start) && !overlapsMention(a, t.start, t.end, true)) {
      out.push({ kind: 'self', at: t.start, end: t.end });
      continue;
    }
    const plural = pluralAt(a, i, first);
    if (plural) {
      if (!inAside(plural.at)) out.push(plural);
      continue;
    }
    if (!ROLE_HEADS.has(t.lower)) continue;
    // "the Russian president": a determiner up to five words back, nothing but words between.
    let d = i - 1;
    while (
      d >= first &&
      i - d <= 5 &&
      !DEFINITE_DETERMINERS.has(tokens[d]!.lower) &&
      onlyWhitespace(a.masked, tokens[d]!.end, tokens[d + 1]!.start)
    )
      d--;
    if (
      d < first ||
      !DEFINITE_DETERMINERS.has(tokens[d]!.lower) ||
      !onlyWhitespace(a.masked, tokens[d]!.end, tokens[d + 1]!.start)
    )
      continue;
    const at = tokens[d]!.start;
    // "the head of state noted": a role of several words.
    const phrase = rolePhraseAt(tokens, i);
    const last = phrase ? i + phrase.split(' ').length - 1 : i;
    const next = tokens[last + 1];
    // "the President Donald Trump" is a title before a name, which the mention covers.
    if (next && next.cap && joined(a, t, next)) continue;
    const end = tokens[last]!.end;
    if (inAside(at) || overlapsMention(a, at, end) || POSSESSIVE_AFTER.test(a.masked.slice(end, end + 3))) continue;
    const words = [...tokens.slice(d + 1, i).map((x) => x.lower), phrase ?? t.lower];
    out.push({ kind: 'descriptor', at, end, words });
  }
  return out.sort((x, y) => x.at - y.at);
}

/** The role of several words starting at token `i` ("head of state", "secretary of state"), if any. */
function rolePhraseAt(tokens: readonly Token[], i: number): string | undefined {
  const words = tokens.slice(i, i + 3);
  if (words.length < 3 || words.some((w) => w.cap && w !== words[0])) return undefined;
  const phrase = words.map((w) => w.lower).join(' ');
  return DESCRIPTOR_ROLES.has(phrase) ? phrase : undefined;
}

/**
 * A plural subject ending at token `i`: "they", or a group noun after "the", "both" or "the two"
 * ("the leaders", "both countries", "the two sides"); not "the leaders of …" (the group is named
 * there) nor "Presidents A and B" (a title before names).
 */
function pluralAt(a: Analysis, i: number, first: number): Extract<Candidate, { kind: 'plural' }> | undefined {
  const tokens = a.tokens;
  const t = tokens[i]!;
  if (t.lower === 'they') return { kind: 'plural', at: t.start, end: t.end, pronoun: true };
  if (!GROUP_NOUNS.has(t.lower) || t.possessive) return undefined;
  const next = tokens[i + 1];
  if (next && joined(a, t, next) && (next.cap || next.lower === 'of')) return undefined;
  let d = i - 1;
  const word = (k: number): string | undefined =>
    k >= first && k < i && joined(a, tokens[k]!, tokens[k + 1]!) ? tokens[k]!.lower : undefined;
  const count = GROUP_COUNTS.get(word(d) ?? '');
  if (count !== undefined) d--;
  // "both leaders" needs no article; "the two leaders", "the leaders" do.
  if (word(d) === 'the') d--;
  else if (count === undefined || tokens[d + 1]!.lower !== 'both') return undefined;
  const at = tokens[d + 1]!.start;
  if (overlapsMention(a, at, t.end)) return undefined;
  return { kind: 'plural', at, end: t.end, pronoun: false, count, label: GROUP_NOUNS.get(t.lower) };
}

// "said it would", "said that it will": the "it" of reported speech, not "it is time".
const SPEECH_VERBS: ReadonlySet<string> = new Set(SPEECH_VERBS_AFTER_NAME);
const SPEECH_WORDS: ReadonlySet<string> = new Set([...SPEECH_VERBS, 'that']);
const isReportingWord = (t: Token): boolean => SPEECH_WORDS.has(t.lower);

/**
 * The body or country "it" stands for in "X said it would …": the nearest subject-like actor
 * before it in its sentence that is not a person; none when a person is nearer (a person's "it" is
 * a thing).
 */
function resolveIt(a: Analysis, at: number): string | undefined {
  const s = sentenceAt(a.ctx.sentences, at);
  if (!s) return undefined;
  const list = candidatesIn(a, s.start, at);
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i]!;
    if (c.kind !== 'mention') continue;
    return c.label === 'Person' ? undefined : c.entity;
  }
  // "It said" opening a sentence: the body that opened the sentence before ("The EU sought … It added").
  const previous = s.index > 0 ? a.ctx.sentences[s.index - 1]! : undefined;
  const first = previous ? candidatesIn(a, previous.start, previous.end)[0] : undefined;
  return first?.kind === 'mention' && first.label !== 'Person' && first.at - previous!.start < 40
    ? first.entity
    : undefined;
}

// A pronoun or descriptor the entity extractor already resolved to a Person is taken as
// that mention; one that merely contains a country ("the US president") is still a descriptor.
// With `anyLabel`, a mention of any kind counts: "World War I", "Title I": a capital I inside a
// name is no pronoun.
function overlapsMention(a: Analysis, from: number, to: number, anyLabel = false): boolean {
  for (let i = Math.max(0, firstStartingFrom(a.frameMentions, from) - 1); i < a.frameMentions.length; i++) {
    const m = a.frameMentions[i]!;
    if (m.start >= to) break;
    if (m.end > from && (anyLabel || m.label === 'Person')) return true;
  }
  return false;
}

/** Speakers already attributed, by sentence index; filled as quotes are read in order. */
export type SpeakerHistory = Map<number, string>;

const stem = (w: string): string => w.slice(0, 5);
// The leaders' offices a generic role ("the head of state") stands for.
const LEADER_OFFICES = [...LEADER_ROLES].filter((r) => !GENERIC_LEADER_ROLES.has(r));

/**
 * The entity a pronoun at `at` most likely refers to: in the preceding sentences (up
 * to five back), the speaker of a quote there, else the sentence's subject-like Person.
 */
export function resolvePronoun(a: Analysis, at: number, history: SpeakerHistory): string | undefined {
  const sentences = a.ctx.sentences;
  const here = sentenceAt(sentences, at);
  if (!here) return undefined;
  // In a transcript turn "he" is never the one speaking, who says "I".
  const self = turnSpeakerAt(a, at);
  for (let i = here.index - 1; i >= 0 && i >= here.index - 5; i--) {
    const s = sentences[i]!;
    const spoken = history.get(i);
    if (spoken && spoken !== self && a.ctx.entities.get(spoken)?.label === 'Person') return spoken;
    const subjects = (a.memo.subjects ??= new Map<number, string | null>());
    let subject = subjects.get(i);
    if (subject === undefined) {
      const c = candidatesIn(a, s.start, s.end).find((x) => x.kind === 'mention' && x.label === 'Person');
      subjects.set(i, (subject = c && c.kind === 'mention' ? c.entity : null));
    }
    if (subject && subject !== self) return subject;
  }
  return undefined;
}

// Words that may sit inside a title before a name ("Russia's top economic envoy Kirill Dmitriev").
const TITLE_RUN_WORDS = new Set([...ROLE_HEADS, ...TITLE_MODIFIERS]);
const isTitleWord = (t: string): boolean => TITLE_RUN_WORDS.has(t.toLowerCase().replace(/['’]s$/, ''));
// `(?!\s|…)`: the spaces after the comma are all taken before the words are checked, or ", who
// was by the US president's side" would pass as " who…" and make its speaker a president.
const APPOSITIVE =
  /^,\s*(?!\s|(?:who|which|whose|where|when|while|after|before|as|but|and|if|because|although|though|since|saying|adding)\b|\p{Ll}+ing\b)(?:the|a|an)?\s*([^,.;]{0,50})/u;

// Title context of every Person: the title run just before each mention, an appositive
// after it (", the Ukrainian president,") and an "of Country" after it.
function titleContext(a: Analysis): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of a.frameMentions) {
    if (m.label !== 'Person') continue;
    let set = out.get(m.entity);
    if (!set) out.set(m.entity, (set = new Set()));
    const tokens = a.masked.slice(Math.max(0, m.start - 50), m.start).split(/(?<=[\s,])|(?=['’]s\b)/u);
    const run: string[] = [];
    for (let i = tokens.length - 1; i >= 0; i--) {
      const t = tokens[i]!.trim().replace(/,$/, '');
      if (!t) continue;
      if (/[.;:!?"“”_]/.test(t) || !(/^\p{Lu}/u.test(t) || isTitleWord(t))) break;
      run.push(t);
    }
    const rest = a.masked.slice(m.end, m.end + 60);
    // Only an appositive that names an office counts (", the Ukrainian president,"), not ", when the …".
    const appositive = APPOSITIVE.exec(rest)?.[1] ?? '';
    const office = appositive
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .some((w) => ROLE_HEADS.has(w))
      ? appositive
      : '';
    const after = office || (/^\s+of\s+(\p{Lu}[\p{L}]+)/u.exec(rest)?.[1] ?? '');
    for (const w of `${run.join(' ')} ${after} ${m.text}`.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      if (w) set.add(stem(w));
  }
  return out;
}

/**
 * The Person a descriptor ("the Russian president") refers to: the one mentioned before `at`
 * whose title words elsewhere in the article include the role and every qualifier the
 * descriptor has. Two such people ("the President" in an article with two presidents) make it
 * ambiguous: no speaker rather than the wrong one.
 */
export function resolveDescriptor(a: Analysis, words: readonly string[], at: number): string | undefined {
  const ctxMap = (a.memo.titles ??= titleContext(a));
  const seen = new Set<string>();
  for (let i = 0; i < firstStartingFrom(a.frameMentions, at); i++) {
    const m = a.frameMentions[i]!;
    if (m.label === 'Person') seen.add(m.entity);
  }
  const role = words[words.length - 1];
  const qualifiers = words.slice(0, -1).filter((w) => w.length > 1 && !/^(?:former|new|top|then|current)$/.test(w));
  // "the head of state" is whoever holds a leader's office: a president, a king, a premier.
  // A new or former one is someone else: "misunderstandings with the new head of state".
  const generic = role !== undefined && GENERIC_LEADER_ROLES.has(role) && role.includes(' ');
  if (generic && words.some((w) => /^(?:former|new|then|next|future|incoming|outgoing|late)$/.test(w)))
    return undefined;
  const offices = generic ? LEADER_OFFICES : [role ?? ''];
  const fitting: string[] = [];
  for (const entity of seen) {
    const title = ctxMap.get(entity) ?? new Set<string>();
    // The role word itself must fit, otherwise "the president" would pick any recent name.
    if (role && !offices.some((o) => o.split(' ').every((w) => title.has(stem(w))))) continue;
    if (qualifiers.every((w) => title.has(stem(w)))) fitting.push(entity);
  }
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * The Person a transcript label names: by surname ("MR. KIRBY" → the article's one person named
 * Kirby) or, when it is an office alone ("THE PRESIDENT"), the one person the article gave that
 * office before the label first appears; a label naming no one, or more than one, names no speaker
 * rather than a guess.
 */
function labelSpeaker(a: Analysis, turn: SpeakerTurn): string | undefined {
  const name = turn.words.filter((w) => !TITLE_WORDS.has(w)).map((w) => normalizeName(w));
  if (name.length === 0) {
    const office = turn.words.filter((w) => TITLE_WORDS.has(w));
    return office.length > 0 ? resolveDescriptor(a, office, turn.labelStart) : undefined;
  }
  const wanted = name.join(' ');
  const fitting: string[] = [];
  for (const entity of a.ctx.entities.values()) {
    if (entity.label !== 'Person') continue;
    const forms = [entity.name, ...entity.aliases].map(normalizeName);
    if (forms.some((f) => f === wanted || f.endsWith(` ${wanted}`))) fitting.push(entity.key);
  }
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** The speaker of a transcript turn (none for a reporter's), found once per label. */
export function turnSpeaker(a: Analysis, turn: SpeakerTurn): string | undefined {
  if (turn.label === 'Q') return undefined;
  const speakers = (a.memo.turnSpeakers ??= new Map<string, string | undefined>());
  // A label is read where it first appears, whichever of its turns is asked about first.
  if (!speakers.has(turn.label))
    speakers.set(turn.label, labelSpeaker(a, turnsOf(a.ctx).find((t) => t.label === turn.label) ?? turn));
  return speakers.get(turn.label);
}

/** The speaker of the transcript turn holding `at`, if any. */
export function turnSpeakerAt(a: Analysis, at: number): string | undefined {
  const turn = turnsOf(a.ctx).find((t) => t.start <= at && at < t.end);
  return turn && turnSpeaker(a, turn);
}

/**
 * Resolves a candidate to an entity key. "I" in a transcript turn resolves to the turn's speaker
 * only with `firstPerson`: the meeting patterns take it ("President A and I spoke"); statements
 * and proposals in the first person are mostly anecdotes ("I said, 'You have to …'", "I promise
 * you") and stay unread.
 */
export function resolveCandidate(
  a: Analysis,
  c: Candidate,
  history: SpeakerHistory,
  firstPerson = false,
): string | undefined {
  switch (c.kind) {
    case 'mention':
      return c.entity;
    case 'pronoun':
      return resolvePronoun(a, c.at, history);
    case 'it':
      return resolveIt(a, c.at);
    case 'self':
      return firstPerson ? turnSpeakerAt(a, c.at) : undefined;
    case 'descriptor':
      return resolveDescriptor(a, c.words, c.at);
    case 'plural':
      // A group is not one speaker or subject; the verb relations resolve it whole (groups.ts).
      return undefined;
  }
}
