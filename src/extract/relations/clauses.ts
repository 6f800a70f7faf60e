/**
 * Clause-level helpers for the event extractors: the subject group before a verb
 * ("Trump and Putin held talks"), the coordinated actors after it ("spoke with
 * Zelensky, Starmer and Macron"), the end of a clause and the passive voice.
 */
import type { EntityMention } from '../types.js';
import { BODY_NOUNS, COUNTRY_NOUNS, ROLE_HEADS, TITLE_WORDS } from '../entities/lexicon.js';
import { ACTOR_LABELS, mentionsIn, type Analysis } from './context.js';
import { CONJOINED, COORDINATION } from './groups.js';
import { candidatesIn, POSSESSIVE_AFTER, resolveCandidate, type Candidate, type SpeakerHistory } from './speaker.js';

/** The one who speaks for a body ("a NATO spokesman said"), as a pattern. */
export const SPOKESPERSON_WORD = 'spokes(?:man|woman|person)';
// The people who act for a country or body ("European Community foreign ministers demanded",
// "Russian officials said", "the Sylvanian government rejected", "a NATO spokesman said"): up to
// two lower-case modifiers and an office in the plural, its spokesperson, or a noun for the
// country itself; one other office ("the US president said") is a person the descriptor rules resolve.
const OFFICE_AFTER = `(?:(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}(?:${[...[...ROLE_HEADS].map((r) => `${r}s`), SPOKESPERSON_WORD, ...COUNTRY_NOUNS, ...BODY_NOUNS].join('|')})\\s+)?`;
// Between a country or body and its verb only adverbs may stand ("Russia also said").
// An appositive (", a key ally,"), a place ("in Zimbabwe"), its own allies ("and its allies",
// "along with its allies") and its officials may stand between too.
const ADJACENT = new RegExp(
  `^(?:\\s*,[^,;]{1,80},)?\\s*(?:(?:in|of|from)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*\\s+)?(?:\\(\\p{Lu}+\\)\\s+)?${OFFICE_AFTER}(?:(?:and|along\\s+with)\\s+(?:its|their)\\s+\\p{Ll}+\\s+)?(?:(?:also|then|later|had|has|have|is|are|was|were|will|would|could|should|can|cannot|must|did|does|not|never|\\p{Ll}+n['’]t|been|being|previously|again|outright|still|already|just|even|further|today|yesterday|recently|earlier|now|separately|itself|jointly|both|once|on\\s+\\p{Lu}\\p{Ll}+|\\p{Ll}+ly)\\s+)*$`,
  'u',
);
const SPOKESPERSON = new RegExp(`^\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}${SPOKESPERSON_WORD}\\b`, 'u');
// Between "it" and its verb only auxiliaries, a negation and adverbs ("it would not accept"):
// "Moscow said it was annexing them, in a move condemned by the West" is not its verb.
const IT_ADJACENT =
  /^\s+(?:(?:will|would|could|should|can|cannot|may|might|must|shall|has|have|had|is|was|are|were|be|been|being|did|does|do|not|never|also|still|now|again|\p{Ll}+ly|\p{Ll}+n['’]t)\s+)*$/u;

/** Whether candidate `c` cannot be the subject of a verb at `verbStart` for being too far from it. */
function tooFar(a: Analysis, c: Candidate, verbStart: number): boolean {
  const between = a.masked.slice(c.end, verbStart);
  if (c.kind === 'it') return !IT_ADJACENT.test(between);
  if (c.kind !== 'mention' || c.label === 'Person') return false;
  // "the Kremlin spokesman said" is a descriptor, resolved to the spokesman the article names.
  if (SPOKESPERSON.test(between) && /\bthe\s+$/iu.test(a.masked.slice(Math.max(0, c.at - 4), c.at))) return true;
  return !ADJACENT.test(between);
}

/**
 * The subject of a verb at `verbStart`: the nearest subject-like candidate before it
 * (countries and bodies only when adjacent), resolved; a participle (", saying")
 * takes the clause's first subject instead.
 */
export function subjectOf(
  a: Analysis,
  from: number,
  verbStart: number,
  history: SpeakerHistory,
  participle = false,
): string | undefined {
  const list = candidatesIn(a, from, verbStart);
  if (participle) {
    for (const c of list) {
      const e = resolveCandidate(a, c, history);
      if (e) return e;
    }
    return undefined;
  }
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i]!;
    if (tooFar(a, c, verbStart)) continue;
    const e = resolveCandidate(a, c, history);
    if (e) return e;
    // "the US president extended …" with no one the article calls so: the subject is unknown,
    // and the names before it are not its subject.
    if (c.kind === 'descriptor') return undefined;
  }
  return undefined;
}

/** The nearest subject before `verbStart` when it is a plural one ("they", "the two leaders"). */
export function pluralSubject(
  a: Analysis,
  from: number,
  verbStart: number,
): Extract<Candidate, { kind: 'plural' }> | undefined {
  const list = candidatesIn(a, from, verbStart);
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i]!;
    if (tooFar(a, c, verbStart)) continue;
    return c.kind === 'plural' ? c : undefined;
  }
  return undefined;
}

/**
 * The subject group before `verbStart`: the nearest subject and the actors coordinated with it;
 * `firstPerson` lets "I" stand for the speaker of a transcript turn (resolveCandidate).
 */
export function subjectGroup(
  a: Analysis,
  from: number,
  verbStart: number,
  history: SpeakerHistory,
  firstPerson = false,
): string[] {
  const list: Candidate[] = candidatesIn(a, from, verbStart);
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i]!;
    if (tooFar(a, c, verbStart)) continue;
    const head = resolveCandidate(a, c, history, firstPerson);
    if (!head) continue;
    const group = [head];
    // Walk left through "A, B and C" (C maybe unnamed: "A, B, and Deputy Secretary C met"); "… to
    // support Ukraine, President Biden will" is no list: it has no "and" at its end.
    const conjoined = CONJOINED.test(a.masked.slice(c.end, verbStart));
    let right = c;
    for (let j = i - 1; j >= 0; j--) {
      const left = list[j]!;
      const gap = a.masked.slice(left.end, right.at);
      if (left.kind !== 'mention' || !COORDINATION.test(gap) || (right === c && !conjoined && !CONJOINED.test(gap)))
        break;
      group.unshift(left.entity);
      right = left;
    }
    return [...new Set(group)];
  }
  return [];
}

const STOP =
  /[.;:!?—–(]|\s(?:who|which|that|after|before|when|while|where|because|saying|said|says|to\s+discuss|about|over|on|in|at|during|for|from|since|amid|but|if|as\s+part|to)\s/iu;

/** Where the clause that starts at `from` ends (before `to`). */
export function clauseEnd(a: Analysis, from: number, to: number): number {
  const m = STOP.exec(a.masked.slice(from, to));
  return m ? from + m.index : to;
}

/** Whether `gap` is a few lower-case words of an office ("chief executive"). */
function namesOffice(gap: string): boolean {
  const words = gap.trim().split(/\s+/);
  return (
    /^\s+(?:(?!(?:and|or|as|with|to)\s)[\p{Ll}-]+\s+){1,3}$/u.test(gap) &&
    words.some((w) => ROLE_HEADS.has(w) || TITLE_WORDS.has(w))
  );
}

/** Actor mentions right after `from`, coordinated ("Zelensky, Starmer and European leaders"), possessives skipped. */
export function objectsAfter(a: Analysis, from: number, to: number, labels = ACTOR_LABELS): EntityMention[] {
  const end = clauseEnd(a, from, to);
  const out: EntityMention[] = [];
  let prevEnd = from;
  const list = mentionsIn(a.frameMentions, from, end);
  for (const [i, m] of list.entries()) {
    if (!labels.has(m.label)) continue;
    if (POSSESSIVE_AFTER.test(a.masked.slice(m.end, m.end + 3))) continue;
    // "European Commission President Ursula von der Leyen", "LSE chief executive Clara Furse": a
    // body naming a person's office.
    if (m.label !== 'Person' && /^\s+\p{Lu}/u.test(a.masked.slice(m.end, m.end + 2))) continue;
    const next = list[i + 1];
    if (m.label !== 'Person' && next?.label === 'Person' && namesOffice(a.masked.slice(m.end, next.start))) continue;
    const gap = a.masked.slice(prevEnd, m.start);
    if (out.length > 0 && !COORDINATION.test(gap) && !/^[\s,]*(?:and|as well as|with)?[\s\p{L}'’.-]{0,40}$/u.test(gap))
      break;
    out.push(m);
    prevEnd = m.end;
  }
  return out;
}

/** Whether the verb at `at` is passive ("was rejected", "were joined"); "is refusing" and "is opposed to" are not. */
export function isPassive(a: Analysis, at: number, verb = ''): boolean {
  if (/ing$|\sto$/.test(verb)) return false;
  return /\b(?:was|were|is|are|been|being|be)\s+(?:(?:\p{L}+ly|not|never|also|later|then)\s+)*$/iu.test(
    a.masked.slice(Math.max(0, at - 40), at),
  );
}
