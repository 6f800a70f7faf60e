/**
 * SAID (the registry's `quotes` pattern, with the speech verbs of its lexicon):
 * attributes every quotation to its speaker. A quote is attributed, in
 * order of preference, by (1) a speech verb after it ("…," X said / said X /
 * according to X), when the quote opens its sentence; (2) a speech verb before it
 * in the same sentence (X said: "…", X said the talks were "…"); (3) a colon
 * introduction ("X: '…'"); (4) a previous sentence of the paragraph that ends with
 * the attribution ("…, he added. '…'"); (5) a quote in the same or an adjacent
 * sentence; (6) the last speaker of the previous paragraph, for a paragraph that
 * opens with a quote and names nobody (the continuation convention; captions in
 * between are skipped). A speech verb whose subject is unnamed ("a source said")
 * blocks (4)–(6). Scare quotes and quoted titles are not statements. The turns of a
 * transcript are statements of their speakers too (turns.ts).
 */
import type { ArticleRelation, RelationType } from '../../types.js';
import type { ExtractionContext, Extractor } from '../types.js';
import { ACTOR_LABELS, analyse, evidenceAt, mentionsIn, pushRelation, sentenceAt, type Analysis } from './context.js';
import { firstStartingFrom } from '../../util/search.js';
import { subjectOf } from './clauses.js';
import { phraseMatcher, type Lexicon } from './lexicon.js';
import type { PhraseHit, PhraseMatcher } from './phrases.js';
import { firstTokenFrom } from '../tokens.js';
import { looksLikeTitle, wordCount, type Quote } from './quotes.js';
import { candidatesIn, resolveCandidate, type Candidate, type SpeakerHistory } from './speaker.js';
import { turnStatements } from './turns.js';
import { OBJECT_MARKERS } from '../entities/lexicon.js';

/** A quote and who said it. */
export interface Attribution {
  quote: Quote;
  speaker: string;
  /** How it was found, for debugging and tests. */
  via: 'own' | 'paragraph' | 'continuation';
}

function verbsIn(a: Analysis, speech: PhraseMatcher, from: number, to: number): PhraseHit[] {
  return to > from ? speech.find(a.tokens, from, to) : [];
}

const hasWord = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);
const PARTICIPLE = /ing$/;
const COORDINATED = /\b(?:but|and|then)\s+(?:\p{Ll}+ly\s+)?$/u;
const COORDINATION_CHARS = /[^\p{Ll}\s]/u;

/**
 * `COORDINATED.test(lead)` without scanning the whole lead: a match consists of lower-case
 * letters and spaces only, so once the tail holds any other character the match (and the
 * character its \b looks at) lies within that tail. Leads run to whole paragraphs.
 */
function endsCoordinated(lead: string): boolean {
  if (lead.length <= 64) return COORDINATED.test(lead);
  const tail = lead.slice(lead.length - 64);
  return COORDINATION_CHARS.test(tail) ? COORDINATED.test(tail) : COORDINATED.test(lead);
}

function firstResolved(a: Analysis, list: Candidate[], history: SpeakerHistory): string | undefined {
  for (const c of list) {
    const e = resolveCandidate(a, c, history);
    if (e) return e;
  }
  return undefined;
}

/** Result of looking for an attribution: a speaker, or a verb whose subject is unnamed ("the source said"). */
export type Found = { speaker: string } | { blocked: true } | undefined;

/** Speaker named after the quote: `"…," X said`, `"…," said X`, `"…", according to X`. */
function attributeAfter(a: Analysis, speech: PhraseMatcher, q: Quote, to: number, history: SpeakerHistory): Found {
  const verb = verbsIn(a, speech, q.close, Math.min(to, q.close + 90))[0];
  if (!verb) return undefined;
  const gap = a.masked.slice(q.close, verb.start);
  // The attribution follows the quote closely (", Mr Trump shared on his network"); a verb further on belongs elsewhere.
  if (gap.includes('_') || /[.!?]\s/.test(gap) || wordCount(gap) > 5) return undefined;
  if (verb.text !== 'according to') {
    const hit = subjectOf(a, q.close, verb.start, history);
    if (hit) return { speaker: hit };
  }
  const clauseEnd = Math.min(to, verb.end + 120);
  // "said Kyiv pensioner Maria X": the person, not the place that describes her.
  const after = candidatesIn(a, verb.end, clauseEnd);
  const hit = firstResolved(
    a,
    [...after.filter((c) => c.kind !== 'mention' || c.label === 'Person'), ...after],
    history,
  );
  if (hit) return { speaker: hit };
  // "said a 26-year-old soldier who gave only his call-sign 'X'": the name may sit in quotes.
  const named = mentionsIn(a.ctx.mentions, verb.end, clauseEnd).find((m) => m.label === 'Person');
  return named ? { speaker: named.entity } : { blocked: true };
}

/** The subject of the last speech verb in [from, to): `X said: "…"`, `X said the deal was "…"`. */
export function reportedSpeaker(
  a: Analysis,
  speech: PhraseMatcher,
  from: number,
  to: number,
  history: SpeakerHistory,
): Found {
  const verbs = verbsIn(a, speech, from, to);
  const verb = verbs[verbs.length - 1];
  if (!verb) return undefined;
  let hit: string | undefined;
  if (verb.text === 'according to') hit = firstResolved(a, candidatesIn(a, verb.end, to), history);
  else {
    // ", saying …", ", writing: …" and "…, but said" take the subject of the main clause, not the nearest name.
    const lead = a.masked.slice(from, verb.start);
    const participle = PARTICIPLE.test(verb.text) && /(?:^|[,;—–])\s*$/.test(lead);
    const coordinated = endsCoordinated(lead);
    if (coordinated) {
      // The shared subject opens the clause: "Trump also claimed …, but said …", not "… did not name China, but stressed".
      const first = candidatesIn(a, from, verb.start)[0];
      hit = first && first.at - from < 40 ? resolveCandidate(a, first, history) : undefined;
    } else hit = subjectOf(a, from, verb.start, history, participle);
  }
  return hit ? { speaker: hit } : { blocked: true };
}

/** `X: "…"` with no verb (headlines, "X reiterated the point: '…'"). */
function attributeColon(a: Analysis, q: Quote, from: number, history: SpeakerHistory): Found {
  const lead = a.masked.slice(from, q.open);
  if (!/:\s*$/.test(lead)) return undefined;
  // "On Russia: '…'", "About the canal: '…'" name the topic of a quote in a list, not who said it.
  if (OBJECT_MARKERS.has(/^[\p{L}]+/u.exec(lead.trimStart())?.[0]?.toLowerCase() ?? '')) return undefined;
  // "US President Donald Trump: '…'": the person nearest the colon, else the first actor.
  const list = candidatesIn(a, from, q.open);
  const hit = firstResolved(
    a,
    [...list.filter((c) => c.kind === 'mention' && c.label === 'Person').reverse(), ...list],
    history,
  );
  return hit ? { speaker: hit } : undefined;
}

/**
 * A quote opening its sentence with nothing after it: the previous sentence of the
 * paragraph may end with the attribution ("There are a few left, he added. '…'").
 */
function attributePrevious(a: Analysis, speech: PhraseMatcher, q: Quote, from: number, history: SpeakerHistory): Found {
  const s = sentenceAt(a.ctx.sentences, from - 1);
  const para = a.paragraphs[q.paragraph]!;
  if (!s || s.start < para.start || s.end > from) return undefined;
  const verbs = verbsIn(a, speech, s.start, s.end);
  const verb = verbs[verbs.length - 1];
  if (!verb || wordCount(a.masked.slice(verb.end, s.end)) > 3 || a.masked.slice(s.start, s.end).includes('_'))
    return undefined;
  return reportedSpeaker(a, speech, s.start, s.end, history);
}

/** Whether the quote is a statement rather than a title or a scare-quoted word or two. */
function isStatement(a: Analysis, speech: PhraseMatcher, q: Quote, from: number): boolean {
  const words = firstTokenFrom(a.rawTokens, q.end) - firstTokenFrom(a.rawTokens, q.start);
  if (words <= 5 && looksLikeTitle(q.text)) return false;
  if (words > 3) return true;
  // Short quotes count when they open their sentence ("'It is over,' he said") or a speech verb
  // governs them closely ("described it as 'warm'"); otherwise they are scare quotes.
  return !hasWord(a.masked.slice(from, q.open)) || verbsIn(a, speech, Math.max(from, q.open - 70), q.open).length > 0;
}

// Captions and credits ("Putin waves in Magadan (REUTERS)") interrupt a quote's continuation.
function isCaption(a: Analysis, p: number): boolean {
  const para = a.paragraphs[p]!;
  const t = a.text.slice(para.start, para.end).trim();
  return /\)\s*$/.test(t) || !/[.!?"”’'…]$/.test(t);
}

interface Span {
  from: number;
  to: number;
  /** Index of the sentence the quote opens in, and of the one it closes in. */
  sentence: number;
  lastSentence: number;
}

// The sentence(s) a quote sits in, clipped to its paragraph.
function spanOf(a: Analysis, q: Quote): Span {
  const para = a.paragraphs[q.paragraph]!;
  const first = sentenceAt(a.ctx.sentences, q.open);
  const last = sentenceAt(a.ctx.sentences, Math.max(q.open, q.close - 1));
  return {
    from: Math.max(para.start, first && first.start <= q.open ? first.start : para.start),
    to: Math.min(para.end, last && last.end >= q.close ? last.end : para.end),
    sentence: first?.index ?? -1,
    lastSentence: last?.index ?? first?.index ?? -1,
  };
}

function attributeOwn(a: Analysis, speech: PhraseMatcher, q: Quote, span: Span, history: SpeakerHistory): Found {
  const opensSentence = !hasWord(a.masked.slice(span.from, q.open));
  if (opensSentence) {
    const after = attributeAfter(a, speech, q, span.to, history);
    if (after) return after;
  }
  const before = reportedSpeaker(a, speech, span.from, q.open, history);
  if (before) return before;
  if (!opensSentence) {
    const after = attributeAfter(a, speech, q, span.to, history);
    if (after) return after;
  }
  return (
    attributeColon(a, q, span.from, history) ??
    (opensSentence ? attributePrevious(a, speech, q, span.from, history) : undefined)
  );
}

/** Attributes every statement quote of the article, in reading order, with the speech verbs of `speech`. */
export function attributeQuotes(a: Analysis, speech: PhraseMatcher): Attribution[] {
  const out: Attribution[] = [];
  const history: SpeakerHistory = new Map();
  const byParagraph: Quote[][] = a.paragraphs.map(() => []);
  for (const q of a.quotes) byParagraph[q.paragraph]!.push(q);
  // The speaker a quote-opening paragraph may continue, and where it was last seen; for a
  // paragraph of reported speech the speaker is only worked out if a quote follows.
  let carry: { speaker?: string; paragraph: number } | undefined;
  const carried = (): string | undefined => {
    if (!carry || carry.speaker !== undefined) return carry?.speaker;
    const para = a.paragraphs[carry.paragraph]!;
    const last = sentenceAt(a.ctx.sentences, para.end - 1);
    const found = last ? reportedSpeaker(a, speech, Math.max(last.start, para.start), para.end, history) : undefined;
    carry.speaker = found && 'speaker' in found ? found.speaker : '';
    return carry.speaker;
  };
  for (const para of a.paragraphs) {
    const p = para.index;
    const statements: { q: Quote; span: Span; found: Found }[] = [];
    for (const q of byParagraph[p]!) {
      const span = spanOf(a, q);
      if (!isStatement(a, speech, q, span.from)) continue;
      let found = attributeOwn(a, speech, q, span, history);
      if (found && 'speaker' in found && !ACTOR_LABELS.has(a.ctx.entities.get(found.speaker)?.label ?? 'Place')) {
        found = { blocked: true };
      }
      if (found && 'speaker' in found) history.set(span.sentence, found.speaker);
      statements.push({ q, span, found });
    }
    let lastHere: string | undefined;
    // Who said each statement of the paragraph so far: a run of quotes, one per sentence, is one speaker's.
    const saidBy: (string | undefined)[] = [];
    statements.forEach(({ q, span, found }, i) => {
      let speaker: string | undefined;
      let via: Attribution['via'] = 'own';
      if (found && 'speaker' in found) speaker = found.speaker;
      else if (!found) {
        // A neighbouring quote in the same or, for a quote opening its sentence, an adjacent sentence
        // shares the speaker: words quoted inside a sentence that reports someone else ("…host a call
        // for their so-called 'coalition of the willing'") are not the previous sentence's speaker's.
        const reach = hasWord(a.masked.slice(span.from, q.open)) ? 0 : 1;
        const near = (j: number): string | undefined => {
          const o = statements[j];
          const theirs = j < i ? saidBy[j] : o?.found && 'speaker' in o.found ? o.found.speaker : undefined;
          if (!o || !theirs) return undefined;
          const gap = j < i ? span.sentence - o.span.lastSentence : o.span.sentence - span.lastSentence;
          return gap <= reach ? theirs : undefined;
        };
        speaker = near(i - 1) ?? near(i + 1);
        via = 'paragraph';
        if (!speaker && i === 0 && carry && continues(a, q, p, carry.paragraph)) {
          speaker = carried() || undefined;
          via = 'continuation';
        }
        if (speaker) history.set(span.sentence, speaker);
      }
      saidBy.push(speaker);
      if (speaker) {
        out.push({ quote: q, speaker, via });
        lastHere = speaker;
      }
    });
    if (lastHere) carry = { speaker: lastHere, paragraph: p };
    else if (statements.length > 0) carry = undefined;
    // Reported speech ("X said the talks failed.") may be followed by a quote paragraph.
    else if (!isCaption(a, p)) carry = { paragraph: p };
  }
  return out;
}

// A paragraph continues the previous speaker when it opens with a quote and only
// captions lie between it and the paragraph where that speaker was last seen.
function continues(a: Analysis, q: Quote, p: number, lastParagraph: number): boolean {
  const para = a.paragraphs[p]!;
  if (hasWord(a.text.slice(para.start, q.open))) return false;
  for (let i = lastParagraph + 1; i < p; i++) if (!isCaption(a, i)) return false;
  return p - lastParagraph <= 3;
}

/**
 * The entity a statement is about, or the event it was said at: an Event named in
 * the frame of the sentence, else the first other entity inside the quote, else in
 * the sentence, else the latest Event before it, else the article's most
 * mentioned other entity.
 */
export function statementTarget(a: Analysis, q: Quote, speaker: string): string | undefined {
  const s = sentenceAt(a.ctx.sentences, q.open);
  const from = s ? Math.min(s.start, q.open) : q.open;
  const to = Math.max(s?.end ?? q.close, q.close);
  const frame = mentionsIn(a.frameMentions, from, to).filter((m) => m.entity !== speaker);
  const event = frame.find((m) => m.label === 'Event');
  if (event) return event.entity;
  const inside = mentionsIn(a.ctx.mentions, q.start, q.end).find((m) => m.entity !== speaker);
  if (inside) return inside.entity;
  const inFrame = frame.find((m) => m.label !== 'Place') ?? frame[0];
  if (inFrame) return inFrame.entity;
  for (let i = firstStartingFrom(a.ctx.mentions, q.open) - 1; i >= 0; i--) {
    const m = a.ctx.mentions[i]!;
    if (m.label === 'Event' && m.entity !== speaker) return m.entity;
  }
  return mostMentioned(a, speaker);
}

// The article's entities by mention count (most first, then by key), counted once per article.
function mostMentioned(a: Analysis, except: string): string | undefined {
  if (!a.memo.ranking) {
    const counts = new Map<string, number>();
    for (const m of a.ctx.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    a.memo.ranking = [...counts]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .map(([k]) => k);
  }
  return a.memo.ranking.find((k) => k !== except);
}

interface Memo {
  speech: PhraseMatcher;
  attributions: Attribution[];
}

/** The article's attributions with the speech verbs of `speech`, computed once (the stance rules reuse them). */
export function attributionsOf(a: Analysis, speech: PhraseMatcher): Attribution[] {
  const memo = a.memo.attributions as Memo | undefined;
  if (memo?.speech === speech) return memo.attributions;
  const attributions = attributeQuotes(a, speech);
  a.memo.attributions = { speech, attributions } satisfies Memo;
  return attributions;
}

/** Options of `createSaidExtractor`. */
export interface SaidOptions {
  /** The type it emits (SAID in the registry). */
  type: RelationType;
  /** Its lexicon: the speech verbs under `verbs`. */
  lexicon: Lexicon;
}

/** An extractor emitting one relation of `type` per attributed quotation, from its speaker to what it is about. */
export function createSaidExtractor({ type, lexicon }: SaidOptions): Extractor {
  const speech = phraseMatcher(lexicon, 'verbs');
  const run = (ctx: ExtractionContext): void => {
    const a = analyse(ctx);
    for (const att of attributionsOf(a, speech)) {
      const target = statementTarget(a, att.quote, att.speaker);
      if (!target) continue;
      const rel: ArticleRelation = {
        type,
        source: att.speaker,
        target,
        quote: att.quote.text,
        evidence: evidenceAt(ctx, att.quote.start),
      };
      pushRelation(ctx, rel);
    }
    // A transcript's turns are their speakers' words, quotation marks or not.
    for (const st of turnStatements(a)) {
      const evidence = evidenceAt(ctx, st.sentence.start);
      pushRelation(ctx, { type, source: st.speaker, target: st.target, quote: st.text, evidence });
    }
  };
  return { id: `relations/quotes:${type}`, version: '2', run };
}
