/**
 * Statements of a transcript (extract/transcripts.ts): the words of a speaker's turn are the
 * speaker's own, so each sentence of the turn that names another actor or an event is a statement
 * by the speaker about it, its words the quote; who a label names is speaker.ts's `turnSpeaker`.
 * Quotations inside a turn are left to the quote attribution.
 */
import type { Sentence } from '../../types.js';
import { turnsOf } from '../transcripts.js';
import { ACTOR_LABELS, mentionsIn, type Analysis } from './context.js';
import { turnSpeaker } from './speaker.js';
import { firstStartingFrom } from '../../util/search.js';

/** One sentence of a turn, its speaker and what it is about. */
export interface TurnStatement {
  speaker: string;
  target: string;
  sentence: Sentence;
  /** The sentence's words without the speaker label. */
  text: string;
}

/** Every statement of the article's transcript turns, in reading order. */
export function turnStatements(a: Analysis): TurnStatement[] {
  const turns = turnsOf(a.ctx);
  if (turns.length === 0) return [];
  const sentences = a.ctx.sentences;
  const out: TurnStatement[] = [];
  for (const turn of turns) {
    const speaker = turnSpeaker(a, turn);
    if (!speaker) continue;
    for (let i = firstStartingFrom(sentences, turn.labelStart); i < sentences.length; i++) {
      const s = sentences[i]!;
      if (s.start >= turn.end) break;
      const from = Math.max(s.start, turn.start);
      const to = Math.min(s.end, turn.end);
      if (a.quotes.some((q) => q.open < to && q.close > from)) continue;
      const target = mentionsIn(a.ctx.mentions, from, to).find(
        (m) => m.entity !== speaker && ACTOR_LABELS.has(m.label),
      )?.entity;
      if (!target) continue;
      out.push({ speaker, target, sentence: s, text: a.text.slice(from, to).trim() });
    }
  }
  return out;
}
