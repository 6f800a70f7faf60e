/**
 * Transcripts (press briefings, remarks, interviews) print each turn after a speaker label in
 * capitals: "MR. KIRBY:", "THE PRESIDENT:", "PRIME MINISTER KISHIDA:"; a reporter's turn opens
 * with "Q". A turn runs to the next label. Headlines and kickers look alike ("FACT SHEET:",
 * "WATCH:", "PUTIN WARNS WEST:"), so a text is read as a transcript only when two paragraphs or
 * more open with a label (a reporter's "Q" included), or its one label carries an honorific or
 * an office ("THE PRESIDENT:", "MR. SULLIVAN:"); whether a label names someone of the article is
 * the relation stage's to say.
 */
import { DEFINITE_DETERMINERS, HONORIFIC_WORDS, TITLE_WORDS } from './entities/lexicon.js';
import type { ExtractionContext } from './types.js';

/** One speaker's turn. */
export interface SpeakerTurn {
  /** The label as printed, without its colon ("MR. KIRBY"); `Q` for a reporter. */
  label: string;
  /** The label's words in lower case, without honorifics and "the": ["kirby"], ["prime", "minister", "kishida"]. */
  words: string[];
  /** Where the label starts and where it ends (after its colon). */
  labelStart: number;
  labelEnd: number;
  /** The turn's own words: from after the label to the start of the next turn (or the end of the text). */
  start: number;
  end: number;
}

// Up to six words in capitals (dots, hyphens and apostrophes inside), then a colon.
const LABEL = /^((?:\p{Lu}[\p{Lu}.'’-]*\s+){0,5}\p{Lu}[\p{Lu}.'’-]*\p{Lu}\.?):\s+(?=\S)/u;
const REPORTER = /^Q(?::\s*|\s+)(?=\S)/u;

/** The speaker turns of `text`, in order; none when it is not a transcript. */
export function speakerTurns(text: string): SpeakerTurn[] {
  const found: Omit<SpeakerTurn, 'end'>[] = [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  for (const at of lineStarts) {
    // Most lines open with a capital and a lower-case letter: no label, no regex.
    if (/\p{Ll}/u.test(text[at + 1] ?? '')) continue;
    const head = text.slice(at, at + 120);
    const reporter = REPORTER.exec(head);
    const m = reporter ? undefined : LABEL.exec(head);
    if (!reporter && !m) continue;
    const label = reporter ? 'Q' : m![1]!;
    const length = (reporter ?? m)![0].length;
    const words = reporter
      ? []
      : label
          .toLowerCase()
          .split(/\s+/)
          .map((w) => w.replace(/\.$/, ''))
          .filter((w) => !HONORIFIC_WORDS.has(w) && !DEFINITE_DETERMINERS.has(w));
    found.push({ label, words, labelStart: at, labelEnd: at + label.length + 1, start: at + length });
  }
  const speakers = found.filter((t) => t.label !== 'Q');
  const titled = (t: Omit<SpeakerTurn, 'end'>): boolean =>
    t.words.length < t.label.split(/\s+/).length || t.words.some((w) => TITLE_WORDS.has(w));
  if (speakers.length === 0 || (found.length < 2 && !titled(speakers[0]!))) return [];
  return found.map((t, i) => ({ ...t, end: i + 1 < found.length ? found[i + 1]!.labelStart : text.length }));
}

const TURNS = Symbol('speaker turns');

/** The speaker turns of the context's article, found once: the entity and relation stages both read them. */
export function turnsOf(ctx: ExtractionContext): SpeakerTurn[] {
  let turns = ctx.derived.get(TURNS) as SpeakerTurn[] | undefined;
  if (!turns) ctx.derived.set(TURNS, (turns = speakerTurns(ctx.article.text)));
  return turns;
}
