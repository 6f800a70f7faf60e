/**
 * How a push combines what the database already holds with the graph being pushed. The rule: the
 * pushed graph speaks for its own articles, and what other articles said is kept.
 *
 * - An entity's links to the pushed articles are the pushed graph's, its other links stay, and
 *   `articles` and `mentionCount` are recounted over all of them. When the database links it to no
 *   article outside the pushed graph, the pushed name, aliases, date and place replace the stored
 *   ones; otherwise it keeps its name, date and place, and its aliases are the union.
 * - A fact's evidence from the pushed articles is replaced by the pushed graph's, and its evidence
 *   from other articles is kept: pushing B after A gives the evidence of pushing A and B at once.
 *   When no evidence of another article remains, the pushed fact replaces the stored one whole;
 *   otherwise quotes and proposals are unions, `status` is `occurred` if either says so, `date` the
 *   earliest, and the event and first quote stay as stored.
 *
 * Every list comes out in one canonical order (evidence by article, then offsets), so the order of
 * pushes does not show. Pure functions: push.ts reads and writes.
 */
import type { Evidence, MeetingStatus } from '../../types.js';
import { compareStrings, sortedUnique } from '../../util/text.js';

/** Evidence in the order every sink writes it: article, start, end, then the sentence. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    compareStrings(a.article, b.article) || a.start - b.start || a.end - b.end || compareStrings(a.sentence, b.sentence)
  );
}

/** The evidence sorted and without repeats. */
export function canonicalEvidence(evidence: readonly Evidence[]): Evidence[] {
  const sorted = [...evidence].sort(compareEvidence);
  return sorted.filter((e, i) => i === 0 || compareEvidence(e, sorted[i - 1]!) !== 0);
}

/** An entity as a push writes it. `counts` are its mentions per article. */
export interface EntityValues {
  name: string;
  aliases: readonly string[];
  date: string | undefined;
  place: string | undefined;
  counts: ReadonlyMap<string, number>;
}

/**
 * The stored entity merged with the pushed one, whose graph holds `pushedArticles`; `articles` and
 * `mentionCount` follow from `counts`.
 */
export function mergeEntity(
  stored: EntityValues,
  pushed: EntityValues,
  pushedArticles: ReadonlySet<string>,
): EntityValues & { articles: string[]; mentionCount: number } {
  const counts = new Map(stored.counts);
  for (const [article, count] of pushed.counts) counts.set(article, count);
  let mentionCount = 0;
  for (const count of counts.values()) mentionCount += count;
  const totals = { counts, articles: sortedUnique(counts.keys()), mentionCount };
  const elsewhere = [...stored.counts.keys()].some((article) => !pushedArticles.has(article));
  if (!elsewhere) return { ...pushed, ...totals };
  return {
    name: stored.name || pushed.name,
    aliases: sortedUnique([...stored.aliases, ...pushed.aliases]),
    date: stored.date ?? pushed.date,
    place: stored.place ?? pushed.place,
    ...totals,
  };
}

/** A fact as a push writes it. `eventName` travels with `event`. */
export interface FactValues {
  evidence: readonly Evidence[];
  status: MeetingStatus | undefined;
  event: string | undefined;
  eventName: string | undefined;
  quote: string | undefined;
  quotes: readonly string[];
  what: string | undefined;
  whats: readonly string[];
  date: string | undefined;
}

/** The stored fact merged with the pushed one, whose graph holds `pushedArticles` (see the module comment). */
export function mergeFact(stored: FactValues, pushed: FactValues, pushedArticles: ReadonlySet<string>): FactValues {
  const kept = stored.evidence.filter((e) => !pushedArticles.has(e.article));
  if (kept.length === 0) return { ...pushed, evidence: canonicalEvidence(pushed.evidence) };
  const dates = [stored.date, pushed.date].filter((d): d is string => d !== undefined).sort(compareStrings);
  const storedEvent = stored.event !== undefined;
  return {
    evidence: canonicalEvidence([...kept, ...pushed.evidence]),
    status:
      stored.status === 'occurred' || pushed.status === 'occurred' ? 'occurred' : (stored.status ?? pushed.status),
    event: storedEvent ? stored.event : pushed.event,
    eventName: storedEvent ? stored.eventName : pushed.eventName,
    quote: stored.quote ?? pushed.quote,
    quotes: sortedUnique([...stored.quotes, ...pushed.quotes]),
    what: stored.what ?? pushed.what,
    whats: sortedUnique([...stored.whats, ...pushed.whats]),
    date: dates[0],
  };
}

/**
 * A stored fact that the pushed graph does not hold, after `--prune` removed its evidence from the
 * pushed articles; undefined when no evidence is left (the fact goes).
 */
export function pruneFact(stored: FactValues, pushedArticles: ReadonlySet<string>): FactValues | undefined {
  const evidence = stored.evidence.filter((e) => !pushedArticles.has(e.article));
  if (evidence.length === 0) return undefined;
  return { ...stored, evidence };
}
