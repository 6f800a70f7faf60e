/**
 * Teams in sports results. A results table writes clubs by their names or their cities' ("Plymouth
 * 4 Exeter 1", "Real Madrid 15 10 5 0 31 12 35", "BUFFALO 13 12 1"), and a squad list puts each
 * player's club in brackets ("Luis Figo ( Barcelona )"). Case and lexicons say little there: a
 * team's name is a city's, a table is often in capitals, and no title or suffix marks a club.
 * The layout does: a name followed by a score on a line of names and numbers.
 */
import type { Token } from '../tokens.js';
import type { Candidate } from './recognise.js';

// A row of a results table holds at least MIN_NUMBERS numbers; more lower-case words than
// MAX_LOWER_WORDS make a line prose ("They invoked Article 5 in 2001 and 2014").
const MIN_NUMBERS = 2;
const MAX_LOWER_WORDS = 2;

function lineAround(text: string, at: number): { start: number; line: string } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return { start, line: text.slice(start, end < 0 ? text.length : end) };
}

/**
 * Whether the name at characters [start, end) heads a row of a results table: a whole score follows
 * it (after the team's country in brackets, if given: "Split ( Croatia ) 9 4 5 13"), then another
 * number, a name or the line's end; and its line holds numbers and names but hardly any lower-case
 * word. A name inside brackets is a scorer ("Rangers 4 ( Ferguson 34 )"), and a name after a rank
 * ("8. Nikkola 101") an athlete: neither is a team.
 */
export function headsResultsRow(text: string, start: number, end: number): boolean {
  // Most names are followed by no number at all: that is decided before the line is read.
  if (!/^(?:\s*\([^)\n]{0,40}\))?\s+\d/u.test(text.slice(end, end + 48))) return false;
  const { start: lineStart, line } = lineAround(text, start);
  const before = line.slice(0, start - lineStart);
  const after = line.slice(end - lineStart);
  if (count(before, /\(/gu) > count(before, /\)/gu) || /\d\.\s*$/u.test(before)) return false;
  if (!/^(?:\s*\(\s*\p{Lu}[\p{L}. ]*\))?\s+\d+(?:\s+[\d\p{Lu}(]|\s*$)/u.test(after)) return false;
  return (
    count(line, /(?<![\p{L}\d])\d+(?:[.:-]\d+)?(?![\p{L}\d])/gu) >= MIN_NUMBERS &&
    count(line, /(?<!\p{L})\p{Ll}{2,}/gu) <= MAX_LOWER_WORDS
  );
}

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

/** Whether a city's name stands for a club: heading a results row, or alone in brackets after a player. */
export function clubContext(text: string, tokens: readonly Token[], c: Candidate): boolean {
  const start = tokens[c.from]!.start;
  const end = tokens[c.to - 1]!.end;
  if (headsResultsRow(text, start, end)) return true;
  return /\(\s*$/u.test(text.slice(Math.max(0, start - 3), start)) && /^\s*\)/u.test(text.slice(end, end + 3));
}

/**
 * Gives the unknown names and places heading a results row the label of a team (an organisation);
 * names with a person's cue stay people ("Ernie Els 67").
 */
export function markClubs(text: string, tokens: readonly Token[], candidates: Candidate[]): void {
  for (const c of candidates) {
    if ((c.label !== null && c.label !== 'Place') || c.cue || c.start !== undefined) continue;
    if (headsResultsRow(text, tokens[c.from]!.start, tokens[c.to - 1]!.end)) c.label = 'Organization';
  }
}
