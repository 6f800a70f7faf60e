/** Small text helpers shared by every stage. */

/** Lower case, accents and apostrophes removed, punctuation to spaces, spaces collapsed. */
export function normalizeName(text: string): string {
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
  return [...new Set(values)].sort(compareStrings);
}
