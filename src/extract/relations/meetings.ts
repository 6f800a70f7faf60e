/**
 * MET_WITH: two actors met, held talks or spoke on a call (PLOVER CONSULT). Four
 * sentence patterns, each from the meeting lexicon: a transitive verb ("A met with
 * B", "A was joined by B"), a reciprocal verb with a coordinated subject ("A and B
 * held talks"), a meeting noun ("talks between A and B", "A's call with B",
 * "A held high-stakes talks with B", "A and B … during their meeting") and a mediation
 * ("X mediated between A and B": X meets each). Pairs are unordered: the source is the
 * smaller key, so repeated meetings merge into one edge. The registry's `meetings`
 * pattern (src/relation-types.ts); the type and the lexicon come from its descriptor.
 */
import type { RelationType, Sentence } from '../../types.js';
import type { ExtractionContext, Extractor } from '../types.js';
import { ACTOR_LABELS, analyse, evidenceAt, mentionsIn, pushRelation, type Analysis } from './context.js';
import { isPassive, objectsAfter, pluralSubject, subjectGroup } from './clauses.js';
import { COORDINATION, qualifiesTitle, resolveGroup } from './groups.js';
import { phraseMatcher, type Lexicon } from './lexicon.js';
import type { PhraseHit, PhraseMatcher } from './phrases.js';
import { candidatesIn, POSSESSIVE_AFTER, resolveCandidate, type Candidate, type SpeakerHistory } from './speaker.js';

type Hit = PhraseHit;
type MentionCandidate = Extract<Candidate, { kind: 'mention' }>;

const overlaps = (h: Hit, list: Hit[]): boolean => list.some((o) => h.start < o.end && o.start < h.end);

// Future or intended meetings: modal, scheduling and invitation words before the trigger.
const PLANNED =
  /\b(?:will|would|shall|to\s+meet|plans?\s+to|planning|set\s+to|expected|scheduled|due\s+to|going\s+to|could|may|might|hopes?\s+to|upcoming|next|invited|proposed|ahead\s+of|potential(?:ly)?|possible|possibly|possibility|future|would\s+like)\b/iu;

// Phrases of time, place and manner ("on Thursday", "in Beijing", "by phone", "privately") and then "with".
const ADVERBIALS_THEN_WITH =
  /^(?:,?\s+(?:(?:on|in|at|by|during|over|via|late|early|last|this|earlier|later)\s+(?:the\s+)?(?:[\p{Lu}\d][\p{L}\d.'’-]*|phone|telephone|video|person|private|evening|morning|afternoon|night|week|month|year|day)(?:\s+\p{Lu}[\p{L}.'’-]*)*|today|yesterday|again|privately|separately|briefly|virtually|\p{Ll}+ly)){1,4},?\s+with\s+/u;
// "their" and up to three modifiers before a meeting noun ("their closed-door talks").
const THEIR_BEFORE = /\btheir\s+(?:[\p{Ll}-]+\s+){0,3}$/u;
// Between an actor and one it stands beside: "said at a news conference alongside Ukrainian President".
const BESIDE =
  /^\s+(?:[\p{Ll}-]+\s+){0,8}?(?:alongside|together\s+with|accompanied\s+by|joined\s+by|with)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u;
// Between a mediation word and "between": a few words ("mission", "talks"), a day or a place.
const MEDIATED_BETWEEN = /^(?:\s+(?:[\p{Ll}-]+|on\s+\p{Lu}\p{Ll}+|in\s+\p{Lu}[\p{L}-]*)){0,3}?\s+between\s/u;
// "… by A and B Before (Bilateral) Meeting": the agents, then when, up to the meeting noun.
const BY_THEN_TIMED =
  /\bby\s+([^.;:!?]*?)\s+(?:before|after|during|ahead\s+of|following)\s+(?:(?:a|an|the)\s+)?(?:\p{L}[\p{L}-]*\s+){0,2}$/iu;
// Titles only (or nothing) before a name; "of (the)" before the country of the person named.
const TITLE_ONLY = /^\s*(?:(?:the\s+)?\p{Lu}[\p{L}.'’-]*\s+)*\s*$/u;
const OF_COUNTRY = /^,?\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+(?:of\s+)?)*$/u;
const LETTER = /\p{L}/u;
const NEGATED = /\b(?:not|never|no|\p{L}+n['’]t)\s+(?:[\p{L}-]+\s+){0,4}$/iu;
// What may follow a verb used without an object: punctuation, a preposition, an adverb, a date or a place.
const RECIPROCAL_NEXT =
  /^\s*(?:[.,;:!?—–)]|$|(?:in|on|at|for|during|over|with|to\s+discuss|again|today|yesterday|tomorrow|tonight|twice|\p{Ll}+ly|\p{Lu}[\p{L}-]*)\b)/u;

/** Whether a Person–Country pair is a meeting: it is not ("Trump met Putin in Russia"); the rest may be. */
function compatible(a: Analysis, x: string, y: string): boolean {
  const lx = a.ctx.entities.get(x)?.label;
  const ly = a.ctx.entities.get(y)?.label;
  if (!lx || !ly) return false;
  if (lx === 'Person' && ly === 'Person') return true;
  if (lx === 'Person' || ly === 'Person') return lx === 'Organization' || ly === 'Organization';
  return true;
}

function firstSubject(a: Analysis, s: Sentence, before: number, history: SpeakerHistory): string | undefined {
  for (const c of candidatesIn(a, s.start, before)) {
    if (c.kind === 'mention' && c.label !== 'Person') continue;
    const e = resolveCandidate(a, c, history, true);
    if (e) return e;
  }
  return undefined;
}

// The owner of a meeting noun: "Trump's call", "his meeting", else the clause subject.
function ownerOf(a: Analysis, s: Sentence, noun: Hit, history: SpeakerHistory): string[] {
  const before = a.masked.slice(Math.max(s.start, noun.start - 40), noun.start);
  const possessive = /(?:['’]s?|\b(?:his|her|their))\s+(?:[\p{L}\p{N}-]+\s+){0,3}$/iu.exec(before);
  if (possessive) {
    const at = noun.start - before.length + possessive.index;
    const owner = mentionsIn(a.frameMentions, Math.max(s.start, at - 40), at + 2).pop();
    if (/^['’]/.test(possessive[0])) return owner && owner.end >= at - 1 ? [owner.entity] : [];
    if (/^(?:his|her)/i.test(possessive[0].trim())) {
      const subject = firstSubject(a, s, at, history);
      return subject ? [subject] : [];
    }
  }
  const group = subjectGroup(a, s.start, noun.start, history, true);
  if (group.length > 0) return group;
  // "A group of diplomats held their first meeting with X": the clause's first actor.
  const lead = candidatesIn(a, s.start, noun.start).find((c) => c.kind === 'mention');
  if (lead && lead.kind === 'mention' && !/[,;:]/.test(a.masked.slice(s.start, lead.at)) && lead.at - s.start < 30)
    return [lead.entity];
  const first = firstSubject(a, s, s.end, history);
  return first ? [first] : [];
}

/** The meeting lexicon's four lists, compiled, and the type the meetings are emitted as. */
interface Meetings {
  type: RelationType;
  transitive: PhraseMatcher;
  reciprocal: PhraseMatcher;
  nouns: PhraseMatcher;
  conduct: PhraseMatcher;
  mediation: PhraseMatcher;
}

function emit(
  a: Analysis,
  lex: Meetings,
  s: Sentence,
  xs: string[],
  ys: string[],
  trigger: Hit,
  seen: Set<string>,
): void {
  // "has not met", "I don't have a meeting with", "can't speak to": no meeting.
  if (NEGATED.test(a.masked.slice(Math.max(s.start, trigger.start - 40), trigger.start))) return;
  const prefix = a.masked.slice(s.start, Math.min(s.end, trigger.end + 25));
  const status = PLANNED.test(prefix) ? 'planned' : 'occurred';
  const event = mentionsIn(a.frameMentions, s.start, s.end).find((m) => m.label === 'Event')?.entity;
  const parties = new Set<string>();
  for (const x of xs) {
    for (const y of ys) {
      if (x === y || !compatible(a, x, y)) continue;
      const [source, target] = x < y ? [x, y] : [y, x];
      parties.add(source).add(target);
      const key = `${source}|${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pushRelation(a.ctx, {
        type: lex.type,
        source,
        target,
        status,
        ...(event ? { event } : {}),
        evidence: evidenceAt(a.ctx, s.start),
      });
    }
  }
  if (parties.size > 0) (a.memo.meetings ??= []).push({ at: s.start, actors: [...parties] });
}

/**
 * The actors named together before `at`: the nearest one and those listed with it ("A, B and C")
 * or beside it ("A said at a news conference alongside B"), within the clause.
 */
function companions(a: Analysis, s: Sentence, at: number): string[] {
  const list: MentionCandidate[] = mentionsIn(a.frameMentions, s.start, at)
    .filter((m) => ACTOR_LABELS.has(m.label) && !POSSESSIVE_AFTER.test(a.masked.slice(m.end, m.end + 3)))
    .map((m) => ({ kind: 'mention', at: m.start, end: m.end, entity: m.entity, label: m.label }));
  const last = list.at(-1);
  if (!last || /[;:]/.test(a.masked.slice(last.end, at))) return [];
  const group = [last.entity];
  let right = last;
  for (let i = list.length - 2; i >= 0; i--) {
    const c = list[i]!;
    if (qualifiesTitle(a, c, right)) continue;
    const gap = a.masked.slice(c.end, right.at);
    if (!COORDINATION.test(gap) && !BESIDE.test(gap)) break;
    group.unshift(c.entity);
    right = c;
  }
  return [...new Set(group)];
}

/** The actors after "with" when only phrases of time, place and manner follow the verb ("met on Thursday in Beijing with X"). */
function partnersAfterAdverbials(a: Analysis, v: Hit, s: Sentence): string[] {
  const m = ADVERBIALS_THEN_WITH.exec(a.masked.slice(v.end, Math.min(s.end, v.end + 120)));
  return m ? objectsAfter(a, v.end + m[0].length, s.end).map((x) => x.entity) : [];
}

function sentenceMeetings(a: Analysis, lex: Meetings, s: Sentence, history: SpeakerHistory): void {
  const seen = new Set<string>();
  const text = a.masked;
  // A transitive reading rules out the others when it found its object, or when it is longer
  // ("spoke to the economic imperative"); "A and B met in Lisbon" is reciprocal.
  const transitive: Hit[] = [];
  const longer: Hit[] = [];
  for (const v of lex.transitive.find(a.tokens, s.start, s.end)) {
    longer.push(v);
    let objFrom = v.end;
    let joinedBy = false;
    if (isPassive(a, v.start, v.text)) {
      // "were joined by X", "were joined for the talks by X".
      const by = /^(?:\s+(?:for|at|in|on)\s+[^,.;:]{1,40}?)?\s+by\b/iu.exec(text.slice(v.end, v.end + 60));
      if (by) objFrom = v.end + by[0].length;
      joinedBy = by !== null;
    }
    const found = objectsAfter(a, objFrom, s.end);
    // "ready to host a meeting between A and B": the meeting is the object, and its noun says who met.
    if (found[0] && lex.nouns.find(a.tokens, objFrom, found[0].start).length > 0) continue;
    // "welcomed commitments by the US": the actor after "by" is the agent of a noun, not the object.
    if (found[0] && /\p{Ll}\s+by\s+(?:the\s+)?$/u.test(text.slice(objFrom, found[0].start))) continue;
    const objects = found.map((m) => m.entity);
    if (objects.length === 0) objects.push(...partnersAfterAdverbials(a, v, s));
    if (objects.length === 0) continue;
    transitive.push(v);
    const subjects = subjectGroup(a, s.start, v.start, history, true);
    // "They were joined by X and Y": the actors named together before meet those who joined them.
    const plural = joinedBy && subjects.length === 0 ? pluralSubject(a, s.start, v.start) : undefined;
    if (plural) subjects.push(...(resolveGroup(a, plural) ?? []));
    emit(a, lex, s, subjects, objects, v, seen);
  }
  for (const v of lex.reciprocal.find(a.tokens, s.start, s.end)) {
    if (
      overlaps(v, transitive) ||
      overlaps(
        v,
        longer.filter((t) => t.end > v.end),
      )
    )
      continue;
    // A transitive verb without an actor after it is reciprocal only when no object follows at all
    // ("met in Lisbon", "met on Friday"), not "met a growing challenge".
    if (overlaps(v, longer) && !RECIPROCAL_NEXT.test(text.slice(v.end, v.end + 30))) continue;
    const group = subjectGroup(a, s.start, v.start, history, true);
    // "spoke by phone on Tuesday with X": the partner after when and how.
    const partners = partnersAfterAdverbials(a, v, s);
    if (partners.length > 0) emit(a, lex, s, group, partners, v, seen);
    else if (group.length >= 2) emit(a, lex, s, group, group, v, seen);
  }
  for (const n of lex.nouns.find(a.tokens, s.start, s.end)) {
    if (overlaps(n, transitive)) continue;
    const rest = text.slice(n.end, Math.min(s.end, n.end + 40));
    const between = /^\s+(?:[\p{Ll}-]+\s+){0,2}?between\s/iu.exec(rest);
    if (between) {
      const group = objectsAfter(a, n.end + between[0].length, s.end).map((m) => m.entity);
      if (group.length >= 2) emit(a, lex, s, group, group, n, seen);
      continue;
    }
    const withM = /^\s+(?:[\p{Ll}-]+\s+){0,2}?with\s/iu.exec(rest);
    if (!withM) {
      // "A, B and C attend a news conference during their meeting", "A spoke alongside B after
      // their talks": the actors named together before "their" are the parties.
      const their = THEIR_BEFORE.exec(text.slice(Math.max(s.start, n.start - 40), n.start));
      if (their) {
        const group = companions(a, s, n.start - their[0].length);
        if (group.length >= 2) emit(a, lex, s, group, group, n, seen);
        continue;
      }
      // "A and B held talks", "A and B renewed negotiations": a conduct verb just before the noun.
      const conduct = lex.conduct.find(a.tokens, Math.max(s.start, n.start - 40), n.start).pop();
      if (conduct && a.tokens[n.token - 1] && conduct.next >= n.token - 3) {
        const group = subjectGroup(a, s.start, conduct.start, history, true);
        if (group.length >= 2) emit(a, lex, s, group, group, n, seen);
        continue;
      }
      const speakers = speakersBefore(a, s, n);
      if (speakers.length >= 2) emit(a, lex, s, speakers, speakers, n, seen);
      continue;
    }
    const others = objectsAfter(a, n.end + withM[0].length, s.end).map((m) => m.entity);
    if (others.length === 0) continue;
    const owner = ownerOf(a, s, n, history);
    emit(a, lex, s, owner.length > 0 ? owner : speakersBefore(a, s, n), others, n, seen);
  }
  // "X undertook a mediation mission between A and B": X meets each party (CAMEO 045).
  for (const m of lex.mediation.find(a.tokens, s.start, s.end)) {
    const between = MEDIATED_BETWEEN.exec(text.slice(m.end, Math.min(s.end, m.end + 60)));
    if (!between) continue;
    const parties = objectsAfter(a, m.end + between[0].length, s.end).map((x) => x.entity);
    if (parties.length > 0) emit(a, lex, s, ownerOf(a, s, m, history), parties, m, seen);
  }
}

/** The analysis with nothing masked, for reading quoted sentences as text. */
function quotedView(a: Analysis): Analysis {
  return { ...a, masked: a.text, frameMentions: a.ctx.mentions, tokens: a.rawTokens, memo: {} };
}

/** Whether sentence `s` lies inside quoted words (all but its edges masked: fewer than three letters). */
function insideQuote(a: Analysis, s: Sentence): boolean {
  const masked = a.masked;
  if (masked.charCodeAt(s.start + ((s.end - s.start) >> 1)) !== 95) return false;
  let letters = 0;
  for (let i = s.start; i < s.end; i++) if (LETTER.test(masked[i]!) && ++letters >= 3) return false;
  return true;
}

/**
 * "Remarks by A and B Before Bilateral Meeting", "Remarks by A Before Meeting with C": the actors
 * named after "by" just before "before/after/during" and the meeting noun, coordinated, a country
 * after "of" qualifying its person ("Chancellor B of the Federal Republic of Arland").
 */
function speakersBefore(a: Analysis, s: Sentence, n: Hit): string[] {
  const m = BY_THEN_TIMED.exec(a.masked.slice(s.start, n.start));
  if (!m) return [];
  const from = s.start + m.index + m[0].indexOf(m[1]!);
  const list = mentionsIn(a.frameMentions, from, from + m[1]!.length).filter((x) => ACTOR_LABELS.has(x.label));
  const out: string[] = [];
  let right = from;
  for (const x of list) {
    const gap = a.masked.slice(right, x.start);
    if (out.length === 0 ? !TITLE_ONLY.test(gap) : !COORDINATION.test(gap)) {
      // "B of the Federal Republic of Arland": the country says whose office it is.
      if (out.length > 0 && x.label !== 'Person' && OF_COUNTRY.test(gap)) {
        right = x.end;
        continue;
      }
      return [];
    }
    out.push(x.entity);
    right = x.end;
  }
  return TITLE_ONLY.test(a.masked.slice(right, from + m[1]!.length)) ? [...new Set(out)] : [];
}

/** Options of `createMeetingExtractor`. */
export interface MeetingOptions {
  /** The type it emits (MET_WITH in the registry). */
  type: RelationType;
  /** Its lexicon: `transitive`, `reciprocal`, `nouns` and `conduct` phrases. */
  lexicon: Lexicon;
}

/** An extractor emitting a relation of `type` for every pair of actors a sentence says met. */
export function createMeetingExtractor({ type, lexicon }: MeetingOptions): Extractor {
  const lex: Meetings = {
    type,
    transitive: phraseMatcher(lexicon, 'transitive'),
    reciprocal: phraseMatcher(lexicon, 'reciprocal'),
    nouns: phraseMatcher(lexicon, 'nouns'),
    conduct: phraseMatcher(lexicon, 'conduct'),
    mediation: phraseMatcher(lexicon, 'mediation'),
  };
  const run = (ctx: ExtractionContext): void => {
    const a = analyse(ctx);
    const history: SpeakerHistory = new Map();
    for (const s of ctx.sentences) sentenceMeetings(a, lex, s, history);
    // A quoted sentence that reports a meeting ("Today, A and B had a phone conversation," a
    // statement reads) is read as text: its speaker vouches for it, and "I" and "we" name no one.
    const quoted = quotedView(a);
    for (const s of ctx.sentences) if (insideQuote(a, s)) sentenceMeetings(quoted, lex, s, new Map());
  };
  return { id: `relations/meetings:${type}`, version: '1', run };
}
