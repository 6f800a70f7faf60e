/**
 * Headlines: whether a line reads like one, the title of a text that has no metadata (its
 * first line, when that line is a headline), and keeping the title as the text's first
 * paragraph, since headlines carry facts and quotations too.
 */

/** Normalised form for comparing a title with a line of text. */
const key = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * True for a line shaped like a headline: one to 40 words, at most 300 characters, some
 * letters, one sentence at most, and no ending a body sentence has (a full stop, comma, colon
 * or semicolon, a full stop inside closing quotes) or a dateline has (a dash).
 */
export function looksLikeHeadline(line: string): boolean {
  const s = line.trim();
  if (s.length === 0 || s.length > 300 || !/\p{L}/u.test(s)) return false;
  if (/[.,;:]$/u.test(s) && !/\.\.\.$|…$/u.test(s)) return false;
  // A sentence ending inside its quotation ('… he said.”'), a dateline ("CNN —"), a list item.
  if ((/[.!?]["”’']$/u.test(s) && !/(?:\.\.\.|…)["”’']$/u.test(s)) || /[—–-]$/u.test(s) || /^[-–—•*]\s/u.test(s))
    return false;
  // Two sentences ("… on Friday. The talks …"); "U.S. President" and "Jr. " are abbreviations, not ends.
  if (/\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(s)) return false;
  const words = s.split(/\s+/).length;
  return words <= 40;
}

/** The first line of `text` when it looks like a headline and more text follows it. */
export function detectTitle(text: string): string | undefined {
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const first = text.slice(0, nl).trim();
  if (!looksLikeHeadline(first)) return undefined;
  return /\S/.test(text.slice(nl)) ? first : undefined;
}

/** How many leading paragraphs may hold the title before it is added in front. */
const TITLE_SEARCH_LINES = 8;

/**
 * `text` with `title` as its first paragraph: unchanged when one of its first lines already
 * is the title, otherwise the title and a blank line in front.
 */
export function withTitleFirst(text: string, title: string | undefined): string {
  if (!title) return text;
  const want = key(title);
  if (want.length === 0) return text;
  let seen = 0;
  for (const line of text.split('\n', 64)) {
    if (line.trim().length === 0) continue;
    if (key(line) === want) return text;
    if (++seen >= TITLE_SEARCH_LINES) break;
  }
  return text.length > 0 ? `${title}\n\n${text}` : title;
}
