/**
 * Dates of events: weekdays ("on Friday", "Friday's summit") and relative years ("last
 * year's summit") resolve against the article's date; months and years written in the text
 * give YYYY-MM or YYYY.
 */
import { DAYS, MONTHS } from './lexicon.js';

const DAY_INDEX = new Map(DAYS.map((d, i) => [d, (i + 1) % 7])); // Monday=1 … Sunday=0, as Date.getUTCDay.
const MONTH_INDEX = new Map(MONTHS.map((m, i) => [m, (i % 12) + 1]));
const YEAR = /^(?:1[89]|20)\d\d$/;

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The ISO date (or YYYY-MM, YYYY) that the time words of one event give, or undefined.
 * `articleDate` is the article's ISO date when known.
 */
export function resolveWhen(words: readonly string[], articleDate: string | undefined): string | undefined {
  const base =
    articleDate && /^\d{4}-\d{2}-\d{2}$/.test(articleDate) ? new Date(`${articleDate}T00:00:00Z`) : undefined;
  const year = words.find((w) => YEAR.test(w));
  const month = words.map((w) => MONTH_INDEX.get(w)).find((m) => m !== undefined);
  const day = words.find((w) => /^(?:[1-9]|[12]\d|3[01])$/.test(w));
  if (month !== undefined) {
    if (year) return day ? `${year}-${pad(month)}-${pad(Number(day))}` : `${year}-${pad(month)}`;
    if (!base) return undefined;
    // A month without a year is the latest such month not after the article.
    const y = month > base.getUTCMonth() + 1 ? base.getUTCFullYear() - 1 : base.getUTCFullYear();
    return day ? `${y}-${pad(month)}-${pad(Number(day))}` : `${y}-${pad(month)}`;
  }
  if (year) return year;
  if (!base) return undefined;
  // "year-1" from "last year's summit", "year+1" from "next year's".
  const relative = words.map((w) => /^year([+-]\d+)$/.exec(w)?.[1]).find((x) => x !== undefined);
  if (relative !== undefined) return String(base.getUTCFullYear() + Number(relative));
  for (const w of words) {
    const lower = w.toLowerCase();
    if (lower === 'today' || lower === 'tonight') return iso(base);
    if (lower === 'yesterday') return iso(new Date(base.getTime() - 86_400_000));
    if (lower === 'tomorrow') return iso(new Date(base.getTime() + 86_400_000));
    const day = DAY_INDEX.get(w);
    if (day === undefined) continue;
    // News reports mostly look back: the latest such weekday on or before the article's date.
    const back = (base.getUTCDay() - day + 7) % 7;
    return iso(new Date(base.getTime() - back * 86_400_000));
  }
  return undefined;
}
