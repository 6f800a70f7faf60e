/**
 * Binary searches over lists sorted by `start` offset (tokens, sentences, mentions): every
 * "what is at this offset" question of the extract stage goes through these two.
 */

/** Index of the first item whose `start` is ≥ `offset` (the list's length when there is none). */
export function firstStartingFrom(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the last item whose `start` is ≤ `offset`: the item containing `offset`, or the nearest
 * before it when `offset` falls between items; 0 when `offset` precedes them all.
 */
export function lastStartingAtOrBefore(list: readonly { start: number }[], offset: number): number {
  return Math.max(0, firstStartingFrom(list, offset + 1) - 1);
}
