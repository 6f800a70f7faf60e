/**
 * Dates → ISO `YYYY-MM-DD`. Reads what metadata and datelines carry (ISO stamps, RFC 2822,
 * "16 August 2025", "Aug. 16, 2025", epoch numbers) and the date a file name starts with.
 * The date is kept as written (a stamp's local day), never shifted across time zones.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const ORD = '(?:st|nd|rd|th)?';

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?=$|[T_\-. ])/;
const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'i');

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Normalises a date value to `YYYY-MM-DD`, or undefined when it is not a full calendar date.
 * Accepts ISO 8601 (with or without time), `YYYY/MM/DD`, `YYYYMMDD`, "16 August 2025",
 * "Saturday, August 16th, 2025", RFC 2822 and epoch seconds or milliseconds.
 * Purely numeric day/month orders (`08/09/2025`) are ambiguous and not guessed.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const ms = value < 1e11 ? value * 1000 : value;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  let m = ISO.exec(s) ?? COMPACT.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return iso(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return iso(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  if (/^\d{10}(\d{3})?$/.test(s)) return normalizeDate(Number(s));
  return undefined;
}

/** "Published", "Updated 05:21", "Posted on" …: labels that start a dateline. */
const DATELINE_LABEL =
  /^(?:(?:first\s+)?published|(?:last\s+)?updated|posted|modified|date|dated)\b(?:\s+(?:on|at))?:?\s*/i;
/** What may follow the date on a dateline: a time, a zone, a separator. */
const DATELINE_REST =
  /^[\s,|–—-]*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?)?[\s,|–—-]*(?:(?:last\s+)?updated\b.*)?$/i;

/**
 * A line that is only a dateline ("Published 16 August 2025", "August 16, 2025 10:21 GMT",
 * "Updated 05:21", "Published YESTERDAY"). Returns the date when the line holds a full date,
 * `null` when it is a dateline without one, undefined when it is not a dateline.
 */
export function parseDateline(line: string): string | null | undefined {
  const s = line.trim();
  if (s.length === 0 || s.length > 80) return undefined;
  const label = DATELINE_LABEL.exec(s);
  const rest = label ? s.slice(label[0].length) : s;
  const date = normalizeDateAtStart(rest);
  if (date) return DATELINE_REST.test(date.rest) ? date.date : undefined;
  // A labelled line with a time or a relative day only: "Updated 05:21", "Published YESTERDAY".
  if (label && /^(?:today|yesterday|\d+\s+(?:minutes?|hours?|days?)\s+ago|\d{1,2}[:.]\d{2}\b.*)$/i.test(rest))
    return null;
  return undefined;
}

/** Parses a date at the start of `s` and returns what follows it. */
function normalizeDateAtStart(s: string): { date: string; rest: string } | undefined {
  for (const re of [ISO, DAY_MONTH_YEAR, MONTH_DAY_YEAR]) {
    const m = re.exec(s);
    if (m) {
      const date = normalizeDate(m[0]);
      if (date) {
        // ISO stamps may carry a time: "2025-08-16T10:00:00Z", "2022-01-02 16:57:45-05:00".
        const rest = s.slice(m[0].length).replace(/^T?\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/, '');
        return { date, rest };
      }
    }
  }
  return undefined;
}

/** The date a file name starts with (`2022-01-02-statement.txt`, `20220125T090000Z_GB.txt`), if any. */
export function dateFromFileName(name: string): string | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?=$|[T_\-. ])/.exec(name);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** How many leading lines may hold the dateline. */
const DATELINE_SEARCH_LINES = 15;

/** The date of the first dateline among the first lines of `text` (see {@link parseDateline}). */
export function findDateline(text: string): string | undefined {
  let seen = 0;
  let start = 0;
  while (start < text.length && seen < DATELINE_SEARCH_LINES) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim().length === 0) continue;
    seen++;
    const date = parseDateline(line);
    if (date) return date;
  }
  return undefined;
}
