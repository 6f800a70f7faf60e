/**
 * Dates in the graph are ISO dates or partial ones (`2025-08-15`, `2025-08`, `2025`).
 * Timeline formats need a day range; a partial date covers its whole month or year.
 */

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a (possibly partial) ISO date covers, or undefined if it is not one. */
export function dateInterval(date: string | undefined): { start: string; end: string } | undefined {
  if (!date) return undefined;
  const m = DATE.exec(date.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}` };
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}
