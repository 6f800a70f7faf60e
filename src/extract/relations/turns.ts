/**
 * Statements of a transcript (extract/transcripts.ts): the words of a speaker's turn are the
 * speaker's own, so each sentence of the turn that names another actor or an event is a statement
 * by the speaker about it, its words the quote. A label names its speaker by surname ("MR. KIRBY"
 * → the article's one person named Kirby) or, when it is an office alone ("THE PRESIDENT"), the
 * one person the article gave that office before the label first appears; a label naming no one,
 * or more than one, gives its turns no speaker rather than a guess. Quotations inside a turn are
 * left to the quote attribution.
 */
import type { Sentence } from '../../types.js';
import { turnsOf, type SpeakerTurn } from '../transcripts.js';
import { TITLE_WORDS } from '../entities/lexicon.js';
import { normalizeName } from '../../util/text.js';
import { ACTOR_LABELS, mentionsIn, type Analysis } from './context.js';
import { resolveDescriptor } from './speaker.js';
import { firstStartingFrom } from '../../util/search.js';

/** One sentence of a turn, its speaker and what it is about. */
export interface TurnStatement {
  speaker: string;
  target: string;
  sentence: Sentence;
  /** The sentence's words without the speaker label. */
  text: string;
}

/** The Person entity of the article a label names, if exactly one. */
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

/** Every statement of the article's transcript turns, in reading order. */
export function turnStatements(a: Analysis): TurnStatement[] {
  const turns = turnsOf(a.ctx);
  if (turns.length === 0) return [];
  const speakerOf = new Map<string, string | undefined>();
  const sentences = a.ctx.sentences;
  const out: TurnStatement[] = [];
  for (const turn of turns) {
    if (turn.label === 'Q') continue;
    if (!speakerOf.has(turn.label)) speakerOf.set(turn.label, labelSpeaker(a, turn));
    const speaker = speakerOf.get(turn.label);
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
