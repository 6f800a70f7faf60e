/** Small text helpers shared by every stage. */
import { readFileSync } from 'node:fs';

// Plain ASCII needs no Unicode normalisation; most names in English news are ASCII,
// and NFKD plus the Unicode-aware passes cost several times the ASCII ones.
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, accents and apostrophes removed, punctuation to spaces, spaces collapsed. */
export function normalizeName(text: string): string {
  if (!NON_ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/'/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A key-safe slug of a name: normalised, spaces to dashes. */
export function slugify(text: string): string {
  return normalizeName(text).replace(/ /g, '-') || 'unnamed';
}

/** Compares strings by code unit, for deterministic sorting independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted, de-duplicated copy. */
export function sortedUnique(values: Iterable<string>): string[] {
  const list = Array.isArray(values) ? (values as string[]) : [...values];
  // Callers mostly append one value to a list that is already sorted: checking that is
  // linear, where a Set and a sort on every call made growing lists quadratic-log.
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1]! < list[i]!;
  if (sorted) return list === values ? list.slice() : list;
  // The default sort compares strings by code unit, as compareStrings does, without a call per comparison.
  return [...new Set(list)].sort();
}

/** Generational suffixes after a surname ("Joseph R. Biden Jr."): no part of the surname. */
export const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** Surname particles, lower case: they belong to the surname ("von der Leyen") and never make a first name. */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(
  (
    JSON.parse(readFileSync(new URL('../../data/lexicons/name-affixes.json', import.meta.url), 'utf8')) as {
      surnameParticles: string[];
    }
  ).surnameParticles,
);

const LETTERS_ONLY = /[^a-z]/g;
const LETTERS_AND_DIGITS = /[^a-z0-9]/g;
const REPEATS = /(.)\1+/g;
const Y_OR_J = /[yj]/g;
// Names recur within and across articles; bounded, so a long run cannot grow them without limit.
const SKELETON_CACHE_MAX = 50_000;
/** Letters a name needs before its spelling variants collapse (see `skeleton`). */
const TRANSLITERATION_MIN_LENGTH = 6;
const skeletons = new Map<string, string>();
const skeletonsWithDigits = new Map<string, string>();

/**
 * Spelling-tolerant key of a name or name part: transliteration variants of names of six letters or
 * more collapse ("Zelenskyy" = "Zelensky" = "Zelenskiy"); shorter ones keep their spelling, accents
 * aside ("Orbán" = "Orban", "Bydén" ≠ "Biden"). In-article coreference keeps letters only;
 * cross-article keys (`digits`) keep digits too.
 */
export function skeleton(word: string, digits = false): string {
  const cache = digits ? skeletonsWithDigits : skeletons;
  let s = cache.get(word);
  if (s === undefined) {
    const plain = normalizeName(word).replace(digits ? LETTERS_AND_DIGITS : LETTERS_ONLY, '');
    // Transliteration tolerance needs length: one letter of a short name is another name
    // ("Bydén" is not "Biden"), while long ones vary in spelling ("Zelenskyy", "Zelensky").
    s =
      plain.length < TRANSLITERATION_MIN_LENGTH
        ? plain
        : plain.replace(REPEATS, '$1').replace(Y_OR_J, 'i').replace(REPEATS, '$1');
    if (cache.size >= SKELETON_CACHE_MAX) cache.clear();
    cache.set(word, s);
  }
  return s;
}
