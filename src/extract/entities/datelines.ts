/**
 * Datelines: news agencies open a story with the place it was filed from, then the date or the
 * agency ("VAIL, Colorado 1996-12-07", "TIGNES, France 1996-12-07", "KRAMATORSK, 5 March (AP) -").
 * The place is often a town no lexicon lists, written in capitals the rules do not trust; its
 * position makes it a place all the same.
 */
import { COMMON_WORDS, FUNCTION_WORDS, MONTHS, PHRASES } from './lexicon.js';
import type { Candidate } from './recognise.js';
import { tokenContaining, type Token } from '../tokens.js';

// Only the opening paragraphs hold a dateline: the headline, a byline, the dateline.
const DATELINE_LINES = 4;

const MONTH = `(?:${MONTHS.map((m) => m.replace(/\./g, '\\.')).join('|')})`;
// The town (one to four capitalised words), a region or country after a comma, then the date or the agency.
const DATELINE = new RegExp(
  `^(\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,3})(?:\\s*,\\s*\\p{Lu}[\\p{L}.]*(?: \\p{Lu}[\\p{L}.]*){0,2})?\\s*,?\\s+` +
    `(?:\\d{4}-\\d{2}-\\d{2}\\b|\\d{1,2}\\s+${MONTH}\\b|${MONTH}\\s+\\d{1,2}\\b|\\((?:\\p{Lu}[\\p{L}&-]*)(?: \\p{Lu}[\\p{L}&-]*){0,2}\\)\\s*[-–—])`,
  'u',
);

const titleCase = (word: string): string =>
  word === word.toUpperCase() ? word.charAt(0) + word.slice(1).toLowerCase() : word;

// A town's words are names: not "On Friday, 5 March", "For Immediate Release" or "Joint Statement".
const townWord = (word: string): boolean => {
  const lower = word.toLowerCase();
  return !FUNCTION_WORDS.has(lower) && !COMMON_WORDS.has(lower) && PHRASES.get(titleCase(word))?.kind !== 'day';
};

/**
 * Marks the town of a dateline as a place: an unknown name there is relabelled, one the rules
 * dropped is added; a name the lexicons know ("LONDON") keeps their reading.
 */
export function addDatelinePlaces(text: string, tokens: readonly Token[], candidates: Candidate[]): void {
  let lineStart = 0;
  for (let line = 0; line < DATELINE_LINES && lineStart < text.length; line++) {
    const m = DATELINE.exec(text.slice(lineStart, lineStart + 120));
    if (m && m[1]!.split(' ').every(townWord)) {
      const from = tokenContaining(tokens, lineStart);
      const to = tokenContaining(tokens, lineStart + m[1]!.length - 1) + 1;
      const covering = candidates.filter((c) => c.from < to && c.to > from);
      if (covering.every((c) => c.label === null || (c.label === 'Organization' && c.acronym))) {
        for (const c of covering) candidates.splice(candidates.indexOf(c), 1);
        const name = m[1]!.split(' ').map(titleCase).join(' ');
        candidates.push({ label: 'Place', from, to, name, aliases: [m[1]!], locative: false });
      }
      return;
    }
    const next = text.indexOf('\n', lineStart);
    if (next < 0) return;
    lineStart = next + 1;
    while (text.charCodeAt(lineStart) === 0x0a) lineStart++;
  }
}
