/**
 * Organisations the capitalised-run recogniser cannot see alone: acronyms that
 * abbreviate a name given earlier ("Popular Front Party of Azerbaijan (PFPA)"),
 * stray all-caps codes to drop, and names written in lower case ("the coalition of
 * the willing").
 */
import { FUNCTION_WORDS, LOWERCASE_ORGS, ORG_SUFFIXES } from './lexicon.js';
import { ACRONYM, type Candidate } from './recognise.js';
import { tokenContaining, type Token } from '../tokens.js';

/**
 * Gives a body's generic word or last word alone the name of the one organisation of the article it
 * belongs to, named before it: after "the Australian League of Rights", "the League"; after "the
 * European Commission", "the Commission"; after "the Boston Bruins", "the Bruins". With two such
 * organisations ("Arab League", "Premier League") it stays unknown.
 */
export function linkShortForms(tokens: readonly Token[], candidates: Candidate[]): void {
  const named = new Map<string, { name: string; from: number }[]>();
  for (const c of candidates) {
    if (c.label !== 'Organization' || c.to - c.from < 2 || c.start !== undefined) continue;
    for (let i = c.from; i < c.to; i++) {
      const word = tokens[i]!.text;
      if (!ORG_SUFFIXES.has(word) && i < c.to - 1) continue;
      const list = named.get(word) ?? [];
      list.push({ name: c.name, from: c.from });
      named.set(word, list);
    }
  }
  linkPlaceForms(tokens, candidates);
  for (const c of candidates) {
    if (c.label !== null || c.to - c.from !== 1 || c.cue || c.start !== undefined) continue;
    const before = named.get(tokens[c.from]!.text)?.filter((o) => o.from < c.from);
    if (!before?.length || new Set(before.map((o) => o.name)).size !== 1) continue;
    c.label = 'Organization';
    c.aliases = [c.name];
    c.name = before[0]!.name;
  }
}

/** How often the article writes each unknown acronym: one written once needs support to stand. */
export function acronymCounts(candidates: readonly Candidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.acronym) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  return counts;
}

/** Gives acronyms the name of the organisation they abbreviate ("Popular Front Party of Azerbaijan (PFPA)"). */
export function linkAcronyms(text: string, tokens: readonly Token[], candidates: Candidate[]): void {
  const expansions = new Map<string, string>();
  let prevOrg: Candidate | undefined;
  for (const c of candidates) {
    if (c.label !== 'Organization') continue;
    const word = tokens[c.from]!.text;
    if (c.to - c.from === 1 && ACRONYM.test(word)) {
      if (prevOrg && /^\s*\($/.test(text.slice(tokens[prevOrg.to - 1]!.end, tokens[c.from]!.start)))
        expansions.set(word, prevOrg.name);
    } else if (c.to - c.from >= 2) {
      const initials = tokens
        .slice(c.from, c.to)
        .filter((t) => t.cap)
        .map((t) => t.text[0])
        .join('');
      if (initials.length >= 2 && !expansions.has(initials)) expansions.set(initials, c.name);
    }
    prevOrg = c;
  }
  const counts = acronymCounts(candidates);
  const nouns = new Set<string>();
  for (const c of candidates) if (c.acronym && commonNounUse(tokens, c.from)) nouns.add(c.name);
  // "NGOs", "ICBMs": a plural in "s" makes the word a countable common noun.
  if (counts.size > 0)
    for (const t of tokens) if (t.text.endsWith('s') && counts.has(t.text.slice(0, -1))) nouns.add(t.text.slice(0, -1));
  for (const c of candidates) {
    if (c.label !== 'Organization' || c.to - c.from !== 1) continue;
    const full = expansions.get(tokens[c.from]!.text);
    if (full && full !== c.name) {
      c.aliases.push(c.name);
      c.name = full;
    } else if (c.acronym && nouns.has(c.name)) {
      // "a 2.26 ERA", "won by a first-round KO", "NGOs": the article uses it as a common noun.
      c.label = null;
      c.name = '';
    } else if (c.acronym && !c.taggedOrg && counts.get(c.name)! < 2 && tokens[c.from - 1]?.text !== 'the') {
      // A lone unknown all-caps word is as often a code, a credit or a shout as an organisation.
      c.label = null;
      c.name = '';
    }
  }
}

/**
 * Whether the all-caps word at `i` heads a noun phrase opened by "a" or "an" ("a 2.26 ERA which",
 * "a first-round KO."): an organisation takes "the", and "an FBI agent", where the word only
 * modifies a noun, says nothing.
 */
function commonNounUse(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next && !next.cap && /\p{L}/u.test(next.text) && !FUNCTION_WORDS.has(next.lower)) return false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k]!;
    if (t.lower === 'a' || t.lower === 'an') return true;
    if (t.cap || FUNCTION_WORDS.has(t.lower)) return false;
  }
  return false;
}

const LOWERCASE_ORG_RE = new RegExp(
  `\\b(?:${LOWERCASE_ORGS.map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`,
  'gi',
);
const LOWERCASE_ORG_NAME = new Map(LOWERCASE_ORGS.map(([n, ref]) => [n.toLowerCase(), ref]));

/** Organisations whose names are written in lower case ("the coalition of the willing"). */
export function recogniseLowercaseOrgs(text: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  if (LOWERCASE_ORGS.length === 0) return out;
  LOWERCASE_ORG_RE.lastIndex = 0;
  for (let m = LOWERCASE_ORG_RE.exec(text); m; m = LOWERCASE_ORG_RE.exec(text)) {
    const from = tokenContaining(tokens, m.index);
    const to = tokenContaining(tokens, m.index + m[0].length - 1) + 1;
    if (tokens[from]!.start !== m.index) continue;
    out.push({
      label: 'Organization',
      from,
      to,
      name: LOWERCASE_ORG_NAME.get(m[0].toLowerCase()) ?? m[0],
      aliases: [],
      locative: false,
    });
  }
  return out;
}

/**
 * "the U.S. Treasury" after "the Department of the Treasury": a place and one word name the one
 * organisation of the article whose name ends in "of (the)" that word.
 */
function linkPlaceForms(tokens: readonly Token[], candidates: Candidate[]): void {
  for (const c of candidates) {
    const parts = c.parts;
    if (c.label !== 'Organization' || parts?.length !== 2 || parts[1]!.to - parts[1]!.from !== 1) continue;
    const word = tokens[parts[1]!.from]!.text;
    const names = new Set<string>();
    for (const o of candidates) {
      if (o.label !== 'Organization' || o.to - o.from < 3 || tokens[o.to - 1]!.text !== word) continue;
      const before = tokens[o.to - 2]!.text === 'the' ? o.to - 3 : o.to - 2;
      if (tokens[before]?.text === 'of' && before > o.from) names.add(o.name);
    }
    if (names.size !== 1) continue;
    c.aliases.push(c.name);
    c.name = [...names][0]!;
  }
}
