/**
 * Role descriptors: "the Ukrainian president", "Ukraine's foreign minister", "his
 * Russian counterpart" are mentions of the person who holds that role in the
 * article; "the Russian side" is the country. A descriptor joins the person the
 * article gave that role and that country ("Russian President Vladimir Putin",
 * "Zelensky, the Ukrainian president"); when the article gave it to nobody, the
 * descriptor names nobody: a guess here makes confident false facts downstream.
 */
import {
  COUNTRY_NOUNS,
  DEFINITE_DETERMINERS,
  DESCRIPTOR_ROLES,
  GENERIC_LEADER_ROLES,
  LEADER_ROLES,
  PHRASES,
} from './lexicon.js';
import type { PersonGroup } from './persons.js';
import type { Token } from '../tokens.js';

export interface Descriptor {
  start: number;
  end: number;
  /** The person it names, or undefined for a country descriptor. */
  person?: PersonGroup;
  /** The country it names ("the Russian side"). */
  country?: string;
}

// Heads of state and government: "leader" and "counterpart" mean any of them.

const ROLE_STARTS = new Set([...DESCRIPTOR_ROLES, ...COUNTRY_NOUNS].map((r) => r.split(' ')[0]!));

const lower = (t: Token): string => t.lower;
// "leader" and "counterpart" stand for any leader's office; "president" is not "prime minister".
const sameRole = (a: string, b: string): boolean =>
  a === b ||
  (LEADER_ROLES.has(a) && LEADER_ROLES.has(b) && (GENERIC_LEADER_ROLES.has(a) || GENERIC_LEADER_ROLES.has(b)));

/** The country named by tokens ending at `end` (inclusive), and where that name starts. */
function countryBefore(
  tokens: readonly Token[],
  end: number,
): { country: string; from: number; possessive: boolean } | undefined {
  for (let len = Math.min(3, end + 1); len >= 1; len--) {
    const from = end - len + 1;
    const key = tokens
      .slice(from, end + 1)
      .map((t) => t.text)
      .join(' ');
    const info = PHRASES.get(key);
    if (info && (info.kind === 'demonym' || info.kind === 'country'))
      return { country: info.ref, from, possessive: tokens[end]!.possessive };
  }
  return undefined;
}

/** The role noun (one to three words, lower case) starting at token `i`. */
function roleAt(tokens: readonly Token[], i: number): { role: string; to: number } | undefined {
  for (let len = 3; len >= 1; len--) {
    if (i + len > tokens.length) continue;
    const words = tokens.slice(i, i + len);
    if (words.some((t, k) => k > 0 && t.sentence !== words[0]!.sentence)) continue;
    const role = words.map(lower).join(' ');
    if (DESCRIPTOR_ROLES.has(role) || COUNTRY_NOUNS.has(role)) return { role, to: i + len };
  }
  return undefined;
}

/**
 * Finds the descriptors of an article. `personStartingAt(offset)` and `personEndingAt(offset)`
 * give the person whose mention starts or ends at a character offset.
 */
export function findDescriptors(
  text: string,
  tokens: readonly Token[],
  groups: readonly PersonGroup[],
  personStartingAt: (offset: number) => PersonGroup | undefined,
  personEndingAt: (offset: number) => PersonGroup | undefined,
): Descriptor[] {
  const out: Descriptor[] = [];
  const roles = new Map<PersonGroup, { country: string; role: string }[]>();
  const assert = (g: PersonGroup, country: string, role: string): void => {
    const list = roles.get(g) ?? [];
    list.push({ country, role });
    roles.set(g, list);
  };
  // Roles the article states with titles: "Russian President Vladimir Putin".
  for (const g of groups) for (const c of g.countries) for (const t of g.titles) assert(g, c, t.toLowerCase());

  const found: { start: number; end: number; country: string; role: string; possessive: boolean }[] = [];
  for (let i = 1; i < tokens.length; i++) {
    // Cheap tests first: a lower-case word that can start a role, after a capitalised word.
    if (tokens[i]!.cap || !tokens[i - 1]!.cap || !ROLE_STARTS.has(tokens[i]!.lower)) continue;
    const r = roleAt(tokens, i);
    if (!r) continue;
    const c = countryBefore(tokens, i - 1);
    if (!c || tokens[c.from]!.sentence !== tokens[i]!.sentence) continue;
    const det = tokens[c.from - 1];
    const hasDet = det !== undefined && DEFINITE_DETERMINERS.has(lower(det)) && det.sentence === tokens[i]!.sentence;
    if (!hasDet && !c.possessive) continue;
    const start = hasDet ? det.start : tokens[c.from]!.start;
    const end = tokens[r.to - 1]!.end;
    if (COUNTRY_NOUNS.has(r.role)) {
      if (hasDet && !c.possessive) out.push({ start, end, country: c.country });
      continue;
    }
    // "Ukraine's foreign minister Andrii Sybiha": a title before the name, not a mention of its own.
    const next = tokens[r.to];
    const named = next && next.cap ? personStartingAt(next.start) : undefined;
    // "Zelensky, the Ukrainian president": an apposition.
    const before = /^\s*,\s*$/.test(text.slice(tokens[c.from - (hasDet ? 2 : 1)]?.end ?? 0, start))
      ? personEndingAt(tokens[c.from - (hasDet ? 2 : 1)]!.end)
      : undefined;
    const holder = named ?? before;
    if (holder) assert(holder, c.country, r.role);
    if (named) continue;
    found.push({ start, end, country: c.country, role: r.role, possessive: c.possessive });
  }

  for (const d of found) {
    const holders = [...roles].filter(([, list]) =>
      list.some((x) => x.country === d.country && sameRole(x.role, d.role)),
    );
    // Two people of one country given the role (a president and a former one): the descriptor is ambiguous.
    if (holders.length === 1) out.push({ start: d.start, end: d.end, person: holders[0]![0] });
  }
  return out;
}
