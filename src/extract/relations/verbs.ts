/**
 * Verb relations (the registry's `verbs` pattern): an actor does something to
 * something, named by a trigger verb or noun of the type's lexicon. PROPOSED: an
 * actor proposes (offers, suggests, urges, calls or pushes for); REJECTED: refuses,
 * rules out, dismisses, denies, condemns. The trigger is a verb with its subject as
 * the actor ("Trump urged Zelensky to…", "X, who has long argued for…", "was
 * rejected by X"), or a noun with its possessor ("Putin's refusal to…", "a proposal
 * by X", "a core demand of X"). `what` is the rest of the clause; the target is the
 * first entity in it (an Event preferred), else the latest Event named before.
 * Verbs that trigger only in some constructions ("declined to comment", "sought
 * to …") say so in the lexicon's `conditions`, each with its source.
 */
import { ENTITY_LABELS, type EntityLabel, type RelationType, type Sentence } from '../../types.js';
import type { ExtractionContext, Extractor } from '../types.js';
import { ACTOR_LABELS, analyse, evidenceAt, mentionsIn, pushRelation, sentenceAt, type Analysis } from './context.js';
import { attributionsOf, type Attribution } from './said.js';
import { firstStartingFrom } from '../../util/search.js';
import { isPassive, pluralSubject, SPOKESPERSON_WORD, subjectGroup, subjectOf } from './clauses.js';
import { openingOf, resolveGroup } from './groups.js';
import { phraseMatcher, phrases, triggerVerbs, type Lexicon } from './lexicon.js';
import { PhraseMatcher, type PhraseHit } from './phrases.js';
import { candidatesIn, resolveCandidate, type SpeakerHistory } from './speaker.js';
import type { Token } from '../tokens.js';
import { FUNCTION_WORDS, REQUEST_VERBS, ROLE_HEADS } from '../entities/lexicon.js';

// A period inside a sentence is an abbreviation ("U.S."); the sentence end bounds the clause anyway.
// A second verb with its own object or clause ends it too ("sought a clarification and insisted he …").
const WHAT_END =
  /[;:!?—(]|\s--\s|,\s*(?:but|which|while|as(?!\s+well\s+as)|saying|adding|and\s+(?:said|added))\b|\s(?:because|although|though|whereas)\s|,?\s(?:and|but)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+ed\s+(?:that|he|she|they|it|the|a|an|his|her|their|its)\s/u;
const MAX_WHAT_WORDS = 16;
// A determiner before the word makes "offer", "demand", "plan" a noun.
const AUXILIARY_BEFORE =
  /\b(?:was|were|is|are|be|been|being|has|have|had|will|would|could|should|to|did|does|do|also|not)\s+(?:\p{L}+ly\s+)?$/iu;
// A determiner or a possessive, and at most two lower-case words: "the new demands", "today's energy demands".
const NOUN_BEFORE =
  /(?:['’]s?|\b(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|any|no|such))\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
const NEGATED_BEFORE =
  /(?:\b(?:not|never|cannot)|n['’]t)\s+(?:(?:\p{L}+ly|yet|even|again|be|been|have|has|had)\s+)*$/iu;
// After a nominal trigger, a time or place instead of a complement ("its plan on Monday", "the
// proposal at the end of February"). A noun with nothing after it is no act ("its Defense Plan."):
// it names a programme more often than it reports a proposal.
const NO_COMPLEMENT = /^\s+(?:(?:at|in|during|last|this|next|earlier|later|today|yesterday|tomorrow)\b)/u;
// The determiner or possessive and the modifiers of a noun ("its own peace", "Sylvania's new").
const NOUN_PHRASE_BEFORE =
  /(?:\b(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+|(?<=['’]s?\s+))(?:[\p{L}-]+\s+){0,3}$/u;
// ", and" before a verb: the verb's subject is the clause's ("X met Y, and rejected …").
const SECOND_VERB = /,\s*(?:and|but)\s+(?:\p{Ll}+ly\s+)?$/u;
// After a name, a lower-case word that is no function word nor adverb: a noun the name modifies.
// Its spokesperson or officials speak for the body ("denied by UKIP spokesman").
const SPOKESPERSON_ONLY = new RegExp(`^${SPOKESPERSON_WORD}$`, 'u');
function modifiesNoun(after: string): boolean {
  const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(after)?.[1];
  return (
    next !== undefined &&
    !FUNCTION_WORDS.has(next) &&
    !/ly$/u.test(next) &&
    !SPOKESPERSON_ONLY.test(next) &&
    !ROLE_HEADS.has(next.replace(/s$/u, ''))
  );
}
// Between a support verb and its noun: a determiner and modifiers ("an official", "a new"), no
// preposition ("expressed support for a proposal by X" is X's proposal).
const SUPPORT_GAP = /^\s+(?:(?!(?:for|of|to|with|by|on|in|at|about|from|over)\s)[\p{Ll}-]+\s+){1,3}$/u;
// "urged Sylvania to", "asked the Freedonian president to": a request verb, its object, "to".
const REQUESTED = new RegExp(
  `\\b(?:${REQUEST_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}.'’-]*\\s+)*$`,
  'iu',
);

/** Whether the trigger at `from` is what an actor is asked to do ("X urged Y to reject …"): no one has done it. */
function requested(a: Analysis, s: Sentence, from: number): boolean {
  const to = /\sto\s+$/u.exec(a.masked.slice(Math.max(s.start, from - 6), from));
  if (!to) return false;
  const before = from - to[0].length;
  const m = mentionsIn(a.frameMentions, Math.max(s.start, before - 80), before + 1).pop();
  if (!m || m.end < before - 1) return false;
  return REQUESTED.test(a.masked.slice(Math.max(s.start, m.start - 60), m.start));
}

// A time between subject and verb ("Lind this week criticised"), not a noun phrase the trigger ends.
const TIME_BEFORE =
  /\b(?:this|last|next|that|the\s+same|the\s+previous|the\s+following)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|day|time|spring|summer|autumn|fall|winter)\s+$/iu;
// Its words are a noun phrase's: "the relationship and called for" is a verb after a conjunction.
const DETERMINER_BEFORE =
  /\b(?:the|a|an|this|that|these|his|her|its|their|our|your|my|any|no)\s+(?:(?!(?:and|or|but)\s)[\p{L}-]+\s+){0,2}$/iu;

/**
 * "its allies (largely) dismissed": after the determiner a plural noun, maybe an adverb, then a past
 * tense — a subject and its verb, not a noun phrase like "the new offer".
 */
function pluralSubjectBefore(determinerPhrase: string, trigger: string): boolean {
  const words = determinerPhrase
    .trim()
    .split(/\s+/)
    .slice(1)
    .filter((w) => !/ly$/u.test(w));
  const last = words[words.length - 1];
  return last !== undefined && /\p{Ll}s$/u.test(last) && /ed$/u.test(trigger);
}

/** The clause after a trigger, from the raw text (quotes included), trimmed to a short phrase. */
export function whatAfter(a: Analysis, from: number, to: number): { text: string; end: number } {
  const span = a.text.slice(from, to);
  const m = WHAT_END.exec(span);
  let text = m ? span.slice(0, m.index) : span;
  const words = text.trim().split(/\s+/);
  if (words.length > MAX_WHAT_WORDS) text = words.slice(0, MAX_WHAT_WORDS).join(' ');
  const clean = text
    .replace(/["“”‘’]/g, '')
    .replace(/^\s*(?:that|to|for|on|of|out|,)\s+/iu, '')
    .replace(/[\s.,!?]+$/u, '')
    .trim();
  return { text: clean, end: from + (m ? m.index : span.length) };
}

/** How many sentences back an act's target may be the event named before it. */
const EVENT_REACH = 2;

export function targetOf(
  a: Analysis,
  from: number,
  to: number,
  source: string,
  sentence?: Sentence,
  coActors: readonly string[] = [],
): string | undefined {
  // The source and the actors coordinated with it ("Germany and France oppose …") are never the target.
  const other = (entity: string): boolean => entity !== source && !coActors.includes(entity);
  const inside = mentionsIn(a.ctx.mentions, from, to).filter((m) => other(m.entity));
  // "urged Zelensky to …", "invited Putin to …": the addressee right after the verb.
  const first = inside[0];
  if (
    first &&
    first.label !== 'Event' &&
    /^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.test(a.masked.slice(from, first.start))
  ) {
    if (/^\s+to\s/u.test(a.masked.slice(first.end, first.end + 4))) return first.entity;
  }
  const event = inside.find((m) => m.label === 'Event');
  if (event) return event.entity;
  if (inside[0]) return inside[0].entity;
  const inSentence = sentence
    ? mentionsIn(a.ctx.mentions, sentence.start, sentence.end).filter((m) => other(m.entity))
    : [];
  const beforeClauseEnd = inSentence.find((m) => m.start < Math.max(to, from));
  if (beforeClauseEnd) return beforeClauseEnd.entity;
  // "dismissed the plan, as the sides look no closer to a ceasefire": the plan named before is
  // likelier what was dismissed than what the sentence names after the clause.
  // Only events named a sentence or two before: further back they are other subjects.
  const here = sentence?.index ?? sentenceAt(a.ctx.sentences, from)?.index ?? 0;
  for (let i = firstStartingFrom(a.ctx.mentions, from) - 1; i >= 0; i--) {
    const m = a.ctx.mentions[i]!;
    if (m.sentence < here - EVENT_REACH) break;
    if (m.label === 'Event' && other(m.entity)) return m.entity;
  }
  return inSentence[0]?.entity;
}

// "X, who has long argued for …": the relative pronoun's antecedent is the actor.
function relativeAntecedent(a: Analysis, s: Sentence, verbStart: number): string | undefined {
  const at = relativeStart(a, s, verbStart);
  if (at === s.start) return undefined;
  const m = mentionsIn(a.frameMentions, s.start, at).pop();
  return m && m.end >= at - 1 ? m.entity : undefined;
}

// Where the relative clause holding the verb starts, so its own subject wins over the antecedent.
function relativeStart(a: Analysis, s: Sentence, verbStart: number): number {
  const rel = /,\s*who\s+(?:(?!--|—|–|\bthat\b)[^,;])*$/u.exec(a.masked.slice(s.start, verbStart));
  return rel ? s.start + rel.index : s.start;
}

function ownerOfNoun(
  a: Analysis,
  s: Sentence,
  from: number,
  to: number,
  history: SpeakerHistory,
): { entity: string; whatFrom: number } | undefined {
  const before = a.masked.slice(Math.max(s.start, from - 50), from);
  const poss = /(?:['’]s?|\b(?:his|her|their|its))\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(before);
  // "its demand", "their calls": the sentence's first subject that is not a person.
  if (poss && /^(?:their|its)/i.test(poss[0].trim())) {
    const at = from - before.length + poss.index;
    const c = candidatesIn(a, s.start, at).find((x) => x.kind === 'mention' && x.label !== 'Person');
    return c && c.kind === 'mention' ? { entity: c.entity, whatFrom: to } : undefined;
  }
  if (poss) {
    const at = from - before.length + poss.index;
    if (/^['’]/.test(poss[0])) {
      const m = mentionsIn(a.frameMentions, Math.max(s.start, at - 60), at + 1).pop();
      return m && m.end >= at - 1 ? { entity: m.entity, whatFrom: to } : undefined;
    }
    for (const c of candidatesIn(a, s.start, at)) {
      if (c.kind === 'mention' && c.label !== 'Person') continue;
      const e = resolveCandidate(a, c, history);
      if (e) return { entity: e, whatFrom: to };
    }
    return undefined;
  }
  const by = /^\s+(?:by|of|from)\s+(?:[\p{Ll}]+\s+)?/u.exec(a.masked.slice(to, to + 30));
  if (by) {
    const m = mentionsIn(a.frameMentions, to + by[0].length, to + by[0].length + 60)[0];
    if (m && m.start - (to + by[0].length) < 25) return { entity: m.entity, whatFrom: m.end };
  }
  return undefined;
}

function emit(
  a: Analysis,
  s: Sentence,
  type: RelationType,
  source: string,
  whatFrom: number,
  seen: Set<string>,
  whatTo = s.end,
  coActors: readonly string[] = [],
): void {
  if (!ACTOR_LABELS.has(a.ctx.entities.get(source)?.label ?? 'Place')) return;
  const what = whatAfter(a, whatFrom, whatTo);
  if (what.text.split(/\s+/).length < 1 || !/\p{L}/u.test(what.text)) return;
  const target = targetOf(a, whatFrom, what.end, source, s, coActors);
  if (!target || target === source) return;
  const key = `${type}|${source}|${target}|${what.text}`;
  if (seen.has(key)) return;
  seen.add(key);
  pushRelation(a.ctx, { type, source, target, what: what.text, evidence: evidenceAt(a.ctx, s.start) });
}

/**
 * Whether the clause before a trigger asserts its act: "did not reject" denies it, "if they
 * reject" supposes it, "is to blame" turns it round; a `negated` trigger asserts a refusal only
 * when negated ("will not accept", not "has not yet accepted").
 */
function asserted(lead: string, negated: boolean): boolean {
  // "Putin is to blame": the subject is the one blamed, not the one acting.
  if (CONDITIONAL_BEFORE.test(lead) || /\b(?:is|are|was|were|be)\s+to\s+$/iu.test(lead)) return false;
  // "to stop refusing the deal", "ceased condemning": an act that ends is none.
  if (/\b(?:stop|stops|stopped|stopping|cease|ceases|ceased|ceasing|quit|quits)\s+$/iu.test(lead)) return false;
  return negated ? NEGATED_BEFORE.test(lead) && !/\byet\s+$/u.test(lead) : !NEGATED_BEFORE.test(lead);
}
const CONDITIONAL_BEFORE = /\b(?:if|unless|whether)\b[^,;:.!?"“”]*$/iu;

// "We reject", "I have always opposed", "we will not accept": the speaker's own act, in the first person.
const FIRST_PERSON_BEFORE =
  /\b(?:we|i)\s+(?:(?:\p{Ll}+ly|will|would|shall|must|should|can|cannot|do|does|did|have|has|also|always|never|not|all|together|again|still|now|\p{Ll}+n['’]t)\s+)*$/iu;

/**
 * Triggers inside a quotation whose subject is "we" or "I" ("We strongly oppose the scheme,"
 * Lind said): acts of the quote's speaker, with the quote's sentence as evidence.
 */
function quotedTriggers(a: Analysis, t: Triggers, att: Attribution, seen: Set<string>): void {
  const q = att.quote;
  const s = sentenceAt(a.ctx.sentences, q.start);
  if (!s) return;
  for (const { m, negated } of triggerHits(t, a.rawTokens, q.start, q.end)) {
    const lead = a.text.slice(q.start, m.start);
    if (!FIRST_PERSON_BEFORE.test(lead) || !asserted(lead, negated)) continue;
    const condition = t.conditions.get(m.text);
    if (condition && !conditionHolds(a, s, m, condition, a.text.slice(m.end, m.end + NEXT_CHARS))) continue;
    emit(a, s, t.type, att.speaker, m.end, seen, Math.min(s.end, q.end));
  }
}

/** The trigger verbs in [from, to), then the verbs that trigger only when negated, each marked. */
function triggerHits(
  t: Triggers,
  tokens: readonly Token[],
  from: number,
  to: number,
): { m: PhraseHit; negated: boolean }[] {
  return [
    ...t.verbs.find(tokens, from, to).map((m) => ({ m, negated: false })),
    ...t.negated.find(tokens, from, to).map((m) => ({ m, negated: true })),
  ];
}

/** A lexicon's trigger lists, compiled, its conditions by form, and the type they emit. */
interface Triggers {
  type: RelationType;
  verbs: PhraseMatcher;
  /** Verbs that trigger only when negated ("will not accept", "refused to recognise"). */
  negated: PhraseMatcher;
  nouns: PhraseMatcher;
  /** Support verbs ("send a proposal", "lodged a protest"), and nouns that trigger only after one. */
  support: PhraseMatcher;
  supportNouns: PhraseMatcher;
  conditions: Map<string, Condition>;
}

/** When a verb form triggers, from one entry of a lexicon's `conditions` (see `readConditions`). */
interface Condition {
  /** Words right after the verb that cancel it ("declined to comment"). */
  notFollowedBy?: RegExp;
  /** What must follow it instead (a gerund, or a modal before the clause ends). */
  followedBy?: RegExp;
  /** A label the clause after it must name ("seeking a ceasefire": an Event). */
  object?: EntityLabel;
  /** An actor and "to" must follow it ("wants Sylvania to withdraw"). */
  addressee?: boolean;
  /** One of these verbs must follow it ("their intent to cooperate", not "to nominate"). */
  followedByVerbs?: RegExp;
}

// The text after a verb that the conditions look at: the rest of a short clause.
const NEXT_CHARS = 60;

/** Whether a verb hit passes its condition (`next`: the masked text right after it). */
function conditionHolds(a: Analysis, s: Sentence, hit: PhraseHit, c: Condition, next: string): boolean {
  if (c.notFollowedBy?.test(next)) return false;
  if (c.followedBy && !c.followedBy.test(next)) return false;
  if (c.followedByVerbs && !c.followedByVerbs.test(next)) return false;
  if (c.addressee) {
    const first = mentionsIn(a.frameMentions, hit.end, s.end)[0];
    const between = first ? a.masked.slice(hit.end, first.start) : '';
    if (!first || !ACTOR_LABELS.has(first.label) || !/^\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(between))
      return false;
    if (!/^\s+to\s/u.test(a.masked.slice(first.end, first.end + 4))) return false;
  }
  if (c.object) {
    const end = whatAfter(a, hit.end, s.end).end;
    if (!mentionsIn(a.ctx.mentions, hit.end, end).some((x) => x.label === c.object)) return false;
  }
  return true;
}

/**
 * The actors of a verb at `v`: each of a plural subject's group ("the two leaders condemned …"),
 * else the subject and the actors coordinated with it ("Germany, France and the EU condemned …"),
 * or a relative pronoun's antecedent; a participle after a comma takes the clause's first subject.
 */
function actorsOf(a: Analysis, s: Sentence, v: PhraseHit, history: SpeakerHistory): readonly string[] {
  const lead = a.masked.slice(s.start, v.start);
  // "suspended the Sylvania delegation for refusing to …": the one punished or praised acts.
  if (/ing$/.test(v.text) && /\bfor\s+$/u.test(lead)) {
    const m = mentionsIn(a.frameMentions, s.start, v.start).pop();
    const gap = m ? a.masked.slice(m.end, v.start) : '';
    // "suspended Sylvania's constituency association for refusing": a country's or body's part acts
    // for it; a person's ("Kovacs's party branch") is no act of the person, and a place acts not.
    const owned = /^['’]s?\s+(?:[\p{L}-]+\s+){1,3}for\s+$/u.test(gap);
    if (m && (owned || /^\s+(?:[\p{Ll}-]+\s+){0,2}for\s+$/u.test(gap)))
      return ACTOR_LABELS.has(m.label) && !(owned && m.label === 'Person') ? [m.entity] : [];
  }
  const participle = /ing$/.test(v.text) && /,\s*$/.test(lead);
  // "X congratulated Y on …, and expressed …": a second verb shares the clause's first subject.
  if (SECOND_VERB.test(lead)) {
    const opening = openingOf(a, s.index);
    if (opening && opening !== 'nobody' && opening.actors.length > 0 && opening.at < v.start) return opening.actors;
  }
  const clause = relativeStart(a, s, v.start);
  const plural = participle ? undefined : pluralSubject(a, clause, v.start);
  if (plural) return resolveGroup(a, plural) ?? [];
  const source =
    subjectOf(a, clause, v.start, history, participle) ??
    relativeAntecedent(a, s, v.start) ??
    subjectOf(a, s.start, v.start, history, participle);
  if (!source) return [];
  const group = participle ? [] : subjectGroup(a, clause, v.start, history);
  return group.includes(source) ? group : [source];
}

/**
 * "X will send a proposal for …", "Y lodged a protest with …": a support verb before a trigger
 * noun (NomBank) makes its subject the noun's actor; returns the nouns it read.
 */
function supportedNouns(
  a: Analysis,
  t: Triggers,
  s: Sentence,
  history: SpeakerHistory,
  seen: Set<string>,
): [number, number][] {
  const out: [number, number][] = [];
  for (const v of t.support.find(a.tokens, s.start, s.end)) {
    const after = Math.min(s.end, v.end + 50);
    const noun = [...t.nouns.find(a.tokens, v.end, after), ...t.supportNouns.find(a.tokens, v.end, after)].sort(
      (x, y) => x.start - y.start,
    )[0];
    if (!noun || !SUPPORT_GAP.test(a.masked.slice(v.end, noun.start))) continue;
    const condition = t.conditions.get(noun.text);
    if (condition && !conditionHolds(a, s, noun, condition, a.masked.slice(noun.end, noun.end + NEXT_CHARS))) continue;
    if (!asserted(a.masked.slice(s.start, v.start), false)) continue;
    out.push([noun.start, noun.end]);
    const actors = actorsOf(a, s, v, history);
    for (const actor of actors) emit(a, s, t.type, actor, noun.end, seen, s.end, actors);
  }
  return out;
}

function sentenceTriggers(a: Analysis, t: Triggers, s: Sentence, history: SpeakerHistory, seen: Set<string>): void {
  // "Did the Chinese side complain?": a question asserts no act.
  if (/\?["”’)\]]*\s*$/u.test(a.masked.slice(s.start, s.end))) return;
  const { type, nouns } = t;
  const nounSpans = supportedNouns(a, t, s, history, seen);
  for (const m of nouns.find(a.tokens, s.start, s.end)) {
    const from = m.start;
    const to = m.end;
    if (nounSpans.some(([x, y]) => from < y && x < to)) continue;
    const owner = ownerOfNoun(a, s, from, to, history);
    // Without an owner "calls for" may be the verb ("Kovacs calls for a ceasefire"); after a
    // determiner or a possessive ("today's energy demands") it is the noun all the same.
    if (!owner) {
      if (NOUN_BEFORE.test(a.masked.slice(Math.max(s.start, from - 60), from))) nounSpans.push([from, to]);
      continue;
    }
    nounSpans.push([from, to]);
    // "Securing a truce had been a core demand of X": what was demanded is the subject.
    const copula =
      /(?:^|,\s*)([^,]*?)\s+(?:is|was|were|are|been|has\s+been|had\s+been|remains|remained)\s+(?:a|an|the|their|his|her|its)\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(
        a.masked.slice(s.start, from),
      );
    if (copula && owner.whatFrom !== to) {
      const at = s.start + copula.index + copula[0].indexOf(copula[1]!);
      emit(a, s, type, owner.entity, at, seen, at + copula[1]!.length);
    } else if (owner.whatFrom === to && NO_COMPLEMENT.test(a.masked.slice(to, to + 30))) {
      // "China presented its own peace proposal at the end of February": the noun phrase is what.
      const np = NOUN_PHRASE_BEFORE.exec(a.masked.slice(Math.max(s.start, from - 60), from));
      emit(a, s, type, owner.entity, np ? from - np[0].length : from, seen, to);
    } else emit(a, s, type, owner.entity, owner.whatFrom, seen);
  }
  for (const { m, negated } of triggerHits(t, a.tokens, s.start, s.end)) {
    const from = m.start;
    const to = m.end;
    if (nounSpans.some(([x, y]) => from < y && x < to)) continue;
    const lead = a.masked.slice(s.start, from);
    if (!asserted(lead, negated)) continue;
    // "Asked about …, X said": a sentence-initial participle is not the actor's act.
    if (!/\p{L}/u.test(lead)) continue;
    // "the offer", "a new demand" are nouns; "the Palestinians reject" is a named subject and its verb.
    const det = DETERMINER_BEFORE.exec(lead);
    if (
      det &&
      !AUXILIARY_BEFORE.test(lead) &&
      !TIME_BEFORE.test(lead) &&
      !mentionsIn(a.frameMentions, s.start + det.index, from).length &&
      !pluralSubjectBefore(det[0], m.text)
    )
      continue;
    // "sought to …", "declined to comment", "is accused of", "suggested his position…": the lexicon's conditions.
    const condition = t.conditions.get(m.text);
    if (condition && !conditionHolds(a, s, m, condition, a.masked.slice(to, to + NEXT_CHARS))) continue;
    if (requested(a, s, from)) continue;
    if (isPassive(a, from, m.text)) {
      // "The ceasefire was rejected by X": X is the actor, the subject is what was rejected.
      const by = /^\s+by\s+/u.exec(a.masked.slice(to, to + 8));
      if (!by) continue;
      const agent = mentionsIn(a.frameMentions, to + by[0].length, to + by[0].length + 60)[0];
      // "turned down by the London exchange": a name that modifies a noun is not the agent.
      const modifies = agent && modifiesNoun(a.masked.slice(agent.end, agent.end + 30));
      const source = modifies ? undefined : agent?.entity;
      const aux = /\s+(?:was|were|is|are|been|being|be)\s+(?:\p{L}+ly\s+)?$/iu.exec(lead);
      if (source && aux) emit(a, s, type, source, s.start, seen, s.start + aux.index);
      continue;
    }
    const actors = actorsOf(a, s, m, history);
    for (const actor of actors) emit(a, s, type, actor, to, seen, s.end, actors);
  }
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A phrase of the data as a pattern: its words in order, any white space between them.
const phrasePattern = (p: string): string => p.trim().split(/\s+/).map(escape).join('\\s+');
const normalise = (p: string): string => p.toLowerCase().trim().split(/\s+/).join(' ');

const CONDITION_KEYS = new Set([
  'forms',
  'not_followed_by',
  'followed_by',
  'followed_by_verbs',
  'object',
  'addressee',
  'why',
  'source',
]);

function strings(x: unknown, what: string, file: string): string[] {
  if (Array.isArray(x) && x.length > 0 && x.every((s) => typeof s === 'string' && s.trim())) return x as string[];
  throw new TypeError(`relations: lexicon ${file}: ${what} is not a list of phrases. Expected a non-empty list.`);
}

/**
 * The lexicon's `conditions`: for some verb forms, when they trigger. Each entry lists its
 * `forms` (verbs of the lexicon), a `why` and a `source`, and any of `not_followed_by` (words
 * right after the verb that cancel it), `followed_by` (`{gerund, modals}`: a gerund right
 * after it, or a modal before the clause ends), `object` (an entity label the clause after
 * it must name), `addressee` (an actor and "to" right after it: "wants Sylvania to withdraw") and
 * `followed_by_verbs` (one of these verbs right after it). Its forms are verbs or support nouns.
 */
export function readConditions(lexicon: Lexicon): Map<string, Condition> {
  const out = new Map<string, Condition>();
  const raw = lexicon.data.conditions;
  if (raw === undefined) return out;
  const file = lexicon.file;
  if (!Array.isArray(raw)) throw new TypeError(`relations: lexicon ${file}: "conditions" is not a list.`);
  const known = new Set([...phrases(lexicon, 'verbs'), ...phrases(lexicon, 'support_nouns', true)].map(normalise));
  raw.forEach((entry: unknown, i) => {
    const at = `conditions[${i}]`;
    if (!entry || typeof entry !== 'object') throw new TypeError(`relations: lexicon ${file}: ${at} is not an object.`);
    const e = entry as Record<string, unknown>;
    const unknown = Object.keys(e).filter((k) => !CONDITION_KEYS.has(k));
    if (unknown.length > 0)
      throw new TypeError(
        `relations: lexicon ${file}: ${at} has unknown fields (${unknown.join(', ')}). Expected ${[...CONDITION_KEYS].join(', ')}.`,
      );
    if (typeof e.why !== 'string' || typeof e.source !== 'string')
      throw new TypeError(`relations: lexicon ${file}: ${at} has no "why" or "source". Expected both, as text.`);
    const c: Condition = {};
    if (e.not_followed_by !== undefined) {
      const words = strings(e.not_followed_by, `${at}.not_followed_by`, file);
      c.notFollowedBy = new RegExp(`^\\s+(?:${words.map(phrasePattern).join('|')})\\b`, 'u');
    }
    if (e.followed_by !== undefined) {
      const f = e.followed_by as { gerund?: unknown; modals?: unknown };
      const modals = strings(f.modals, `${at}.followed_by.modals`, file);
      // A gerund right after the verb, or a modal before a full stop or semicolon ends the clause.
      const gerund = f.gerund === true ? '\\p{L}+ing\\b|' : '';
      c.followedBy = new RegExp(
        `^\\s+(?:${gerund}[^.;]{0,${NEXT_CHARS}}?\\b(?:${modals.map(phrasePattern).join('|')})\\b)`,
        'u',
      );
    }
    if (e.followed_by_verbs !== undefined) {
      const verbs = strings(e.followed_by_verbs, `${at}.followed_by_verbs`, file);
      c.followedByVerbs = new RegExp(`^\\s+(?:\\p{Ll}+ly\\s+)?(?:${verbs.map(phrasePattern).join('|')})\\b`, 'u');
    }
    if (e.object !== undefined) {
      if (!ENTITY_LABELS.includes(e.object as EntityLabel))
        throw new TypeError(
          `relations: lexicon ${file}: ${at}.object is not an entity label. Expected one of ${ENTITY_LABELS.join(', ')}.`,
        );
      c.object = e.object as EntityLabel;
    }
    if (e.addressee !== undefined) {
      if (e.addressee !== true)
        throw new TypeError(`relations: lexicon ${file}: ${at}.addressee is not true. Expected true or no field.`);
      c.addressee = true;
    }
    for (const form of strings(e.forms, `${at}.forms`, file)) {
      const key = normalise(form);
      if (!known.has(key))
        throw new TypeError(
          `relations: lexicon ${file}: ${at} names '${form}', which is not one of its verbs or support nouns.`,
        );
      out.set(key, c);
    }
  });
  return out;
}

/** Options of `createVerbRelationExtractor`. */
export interface VerbRelationOptions {
  /** The type it emits. */
  type: RelationType;
  /** Its lexicon: trigger phrases under `verbs` (by lemma), optional `nouns`, `negated` and `conditions`. */
  lexicon: Lexicon;
  /** The speech verbs: with them, "we reject …" inside a quotation is its speaker's act. */
  speech?: Lexicon;
}

/**
 * An extractor emitting a relation of `type` from an actor to what it acts on, wherever a verb
 * or noun of the lexicon has an actor: the factory of PROPOSED and REJECTED, and of a new type
 * whose trigger words take the actor as subject ("X accused Y of …").
 */
export function createVerbRelationExtractor({ type, lexicon, speech }: VerbRelationOptions): Extractor {
  const t: Triggers = {
    type,
    // The lexicon's own verbs and those the CAMEO verb dictionary gives it.
    verbs: new PhraseMatcher(triggerVerbs(lexicon)),
    negated: phraseMatcher(lexicon, 'negated', true),
    nouns: phraseMatcher(lexicon, 'nouns', true),
    support: phraseMatcher(lexicon, 'support_verbs', true),
    supportNouns: phraseMatcher(lexicon, 'support_nouns', true),
    conditions: readConditions(lexicon),
  };
  const speechVerbs = speech ? phraseMatcher(speech, 'verbs') : undefined;
  const run = (ctx: ExtractionContext): void => {
    const a = analyse(ctx);
    const history: SpeakerHistory = new Map();
    const seen = new Set<string>();
    for (const s of ctx.sentences) sentenceTriggers(a, t, s, history, seen);
    if (speechVerbs) for (const att of attributionsOf(a, speechVerbs)) quotedTriggers(a, t, att, seen);
  };
  return { id: `relations/verbs:${type}`, version: '1', run };
}
