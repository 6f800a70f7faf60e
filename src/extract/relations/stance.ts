/**
 * Stances inside statements, the registry's `modals` and `contrasts` patterns: a
 * speaker who says what must or should happen proposes it ("real peace must be
 * achieved", "the best way … is to go directly to a peace agreement"); one who
 * prefers A "rather than" / "instead of" / "and not a mere" B rejects B. The markers
 * are the type's lexicon's `deontic` and `contrast` lists. The speaker is the quote's
 * attributed speaker, or the subject of the speech verb for reported speech. Deontic
 * modality as a marker of demands follows PLOVER DEMAND ("declared that China must
 * drop barriers").
 */
import type { RelationType, Sentence } from '../../types.js';
import type { ExtractionContext, Extractor } from '../types.js';
import { ACTOR_LABELS, analyse, evidenceAt, pushRelation, type Analysis } from './context.js';
import { firstStartingFrom } from '../../util/search.js';
import { phraseMatcher, type Lexicon } from './lexicon.js';
import { targetOf, whatAfter } from './verbs.js';
import { attributionsOf, reportedSpeaker } from './said.js';
import { turnSpeakerAt } from './speaker.js';
import type { Quote } from './quotes.js';
import type { PhraseMatcher } from './phrases.js';
import { firstTokenFrom } from '../tokens.js';

// The last holder and verb of belief before the modal's clause: "Ukrainians feel (that) they must …".
const OTHERS_VIEW =
  /^.*\b(?!(?:do|does|did|also|still|just|really|\p{Ll}+ly)\b)(\p{L}+)\s+(?:(?:do|does|did|also|still|just|really|\p{Ll}+ly)\s+)*(?:feel|feels|felt|believe|believes|believed|think|thinks|thought)\s+(?:that\s+)?[^,;:.!?"“”]*$/u;
// Where the clause holding a modal starts: after a quote mark, "that", "but", a colon or a comma.
const CLAUSE_MARK = /["“‘:;,]|\b(?:that|but)\b/gu;

function clauseStart(prefix: string): number {
  let at = 0;
  CLAUSE_MARK.lastIndex = 0;
  for (let m = CLAUSE_MARK.exec(prefix); m; m = CLAUSE_MARK.exec(prefix)) at = m.index + m[0].length;
  return at;
}

function quoteAt(a: Analysis, pos: number): Quote | undefined {
  const i = firstStartingFrom(a.quotes, pos + 1) - 1;
  const q = a.quotes[i] ?? a.quotes.find((x) => x.start <= pos && pos < x.end);
  return q && q.start <= pos && pos < q.end ? q : undefined;
}

function actorAt(
  a: Analysis,
  speech: PhraseMatcher,
  s: Sentence,
  pos: number,
  speakers: Map<Quote, string>,
): string | undefined {
  const q = quoteAt(a, pos);
  const found = q ? undefined : reportedSpeaker(a, speech, s.start, pos, new Map());
  const actor = q ? speakers.get(q) : found && 'speaker' in found ? found.speaker : undefined;
  // A speaker recalling their own words in their turn of a transcript ("I said, 'You have to …'")
  // tells an anecdote, not a demand.
  return actor !== undefined && actor === turnSpeakerAt(a, pos) ? undefined : actor;
}

function emit(a: Analysis, s: Sentence, type: RelationType, actor: string, from: number, seen: Set<string>): void {
  if (!ACTOR_LABELS.has(a.ctx.entities.get(actor)?.label ?? 'Place')) return;
  // Inside a quote the clause ends with the quote at the latest.
  const q = quoteAt(a, from);
  const what = whatAfter(a, from, q ? Math.min(s.end, q.end) : s.end);
  if (what.text.split(/\s+/).length < 2) return;
  const target = targetOf(a, from, what.end, actor, s);
  if (!target) return;
  const key = `${type}|${actor}|${what.text}`;
  if (seen.has(key)) return;
  seen.add(key);
  pushRelation(a.ctx, { type, source: actor, target, what: what.text, evidence: evidenceAt(a.ctx, s.start) });
}

// "the best way to end the war is to …": the proposal is what follows "is to" (its offset is returned).
function bestWay(a: Analysis, s: Sentence): number[] {
  const out: number[] = [];
  const t = a.rawTokens;
  for (let i = firstTokenFrom(t, s.start); i < t.length && t[i]!.end <= s.end; i++) {
    if (t[i]!.lower !== 'way' || !/^(?:best|only)$/.test(t[i - 1]?.lower ?? '')) continue;
    for (let j = i + 1; j < i + 16 && j + 1 < t.length && t[j + 1]!.end <= s.end; j++) {
      if (t[j]!.lower === 'is' && t[j + 1]!.lower === 'to') {
        out.push(t[j + 1]!.end);
        break;
      }
    }
  }
  return out;
}

/** Whether `holder` (the word before "believes", "feel") is the actor, or holds no view of its own. */
function holdsItself(a: Analysis, actor: string, holder: string): boolean {
  // A pronoun for the actor, a verb sharing its subject ("… and believed"), or no report ("who to believe").
  if (/^(?:i|we|he|she|it|and|but|or|to)$/iu.test(holder)) return true;
  const e = a.ctx.entities.get(actor);
  const word = holder.toLowerCase();
  return e !== undefined && [e.name, ...e.aliases].some((n) => n.toLowerCase().split(/\s+/).includes(word));
}

// Before a demand's "needed to": a noun or name, not a pronoun (the speaker's own past: "she had
// to leave") nor a form of "be" ("more work was needed to").
const BACKSHIFT_SUBJECT =
  /(?<!\b(?:i|we|he|she|they|you|it|is|are|was|were|be|been|being))\s+(?:\p{Ll}+ly\s+|also\s+|too\s+|instead\s+|still\s+)?$/iu;

/** Whether a backshifted modal at `at` reports a demand: outside quotes, after a speech verb, its subject a noun or name. */
function backshiftedDemand(a: Analysis, st: Stance, s: Sentence, at: number): boolean {
  if (quoteAt(a, at)) return false;
  const lead = a.text.slice(Math.max(s.start, at - 40), at);
  return BACKSHIFT_SUBJECT.test(lead) && st.speech.find(a.tokens, s.start, at).length > 0;
}

/** A stance pattern's markers, the speech verbs statements are attributed with, and the type it emits. */
interface Stance {
  type: RelationType;
  markers: PhraseMatcher;
  /** Past forms a report shifts the present ones to ("said Sylvania needed to …"): reported speech only. */
  backshifted: PhraseMatcher;
  speech: PhraseMatcher;
}

/** Modal statements propose what must happen; so does "the best way … is to …". */
function sentenceModals(a: Analysis, st: Stance, s: Sentence, speakers: Map<Quote, string>, seen: Set<string>): void {
  const text = a.text.slice(s.start, s.end);
  // Questions ("What has the West to offer?") demand nothing.
  const question = /\?["”’']?\s*$/.test(text);
  const markers = question
    ? []
    : [
        ...st.markers.find(a.rawTokens, s.start, s.end),
        ...st.backshifted.find(a.rawTokens, s.start, s.end).filter((m) => backshiftedDemand(a, st, s, m.start)),
      ];
  for (const m of markers) {
    const before = a.text.slice(Math.max(s.start, m.start - 25), m.start);
    // "which needs to be corrected" qualifies a noun; "we don't have to" negates the demand.
    if (/\b(?:which|who|that)\s+$|\b(?:not|never|no)\s+(?:\p{L}+\s+)?$|n['’]t\s+(?:\p{L}+\s+)?$/iu.test(before))
      continue;
    const actor = actorAt(a, st.speech, s, m.start, speakers);
    if (!actor) continue;
    // "Ukrainians feel that they must fight": the view of others the speaker reports, not a demand
    // ("Wallace believes Scholz should …" is Wallace's own).
    const held = OTHERS_VIEW.exec(a.text.slice(Math.max(s.start, m.start - 80), m.start));
    if (held && !holdsItself(a, actor, held[1]!)) continue;
    const from = s.start + clauseStart(text.slice(0, m.start - s.start));
    // "Washington says Kyiv must …": what is demanded starts after the speech verb.
    const verb = quoteAt(a, m.start) ? undefined : st.speech.find(a.tokens, from, m.start).pop();
    emit(a, s, st.type, actor, verb ? verb.end : from, seen);
  }
  for (const pos of bestWay(a, s)) {
    const actor = actorAt(a, st.speech, s, pos, speakers);
    if (actor) emit(a, s, st.type, actor, pos, seen);
  }
}

/** Preferring A "rather than" B rejects B. */
function sentenceContrasts(
  a: Analysis,
  st: Stance,
  s: Sentence,
  speakers: Map<Quote, string>,
  seen: Set<string>,
): void {
  for (const m of st.markers.find(a.rawTokens, s.start, s.end)) {
    const actor = actorAt(a, st.speech, s, m.start, speakers);
    if (actor) emit(a, s, st.type, actor, m.end, seen);
  }
}

/** Options of `createModalExtractor` and `createContrastExtractor`. */
export interface StanceOptions {
  /** The type it emits (PROPOSED or REJECTED in the registry). */
  type: RelationType;
  /** Its lexicon: the markers under `deontic` (modals) or `contrast` (contrasts). */
  lexicon: Lexicon;
  /** The speech verbs statements are attributed with (the SAID lexicon). */
  speech: Lexicon;
}

function createStanceExtractor(pattern: 'modals' | 'contrasts', { type, lexicon, speech }: StanceOptions): Extractor {
  const st: Stance = {
    type,
    markers: phraseMatcher(lexicon, pattern === 'modals' ? 'deontic' : 'contrast'),
    backshifted: phraseMatcher(lexicon, 'deontic_reported', true),
    speech: phraseMatcher(speech, 'verbs'),
  };
  const sentence = pattern === 'modals' ? sentenceModals : sentenceContrasts;
  const run = (ctx: ExtractionContext): void => {
    const a = analyse(ctx);
    const speakers = new Map(attributionsOf(a, st.speech).map((x) => [x.quote, x.speaker]));
    const seen = new Set<string>();
    for (const s of ctx.sentences) sentence(a, st, s, speakers, seen);
  };
  return { id: `relations/${pattern}:${type}`, version: '1', run };
}

/** An extractor emitting a relation of `type` for what a statement says must or should happen. */
export const createModalExtractor = (options: StanceOptions): Extractor => createStanceExtractor('modals', options);

/** An extractor emitting a relation of `type` for the B of a statement preferring A "rather than" B. */
export const createContrastExtractor = (options: StanceOptions): Extractor =>
  createStanceExtractor('contrasts', options);
