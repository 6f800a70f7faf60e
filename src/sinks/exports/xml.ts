/**
 * XML text for the GEXF and GraphML writers. Values come from news text, so every
 * string is escaped, characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD, and line breaks and tabs are written as
 * character references so parsers keep them (raw ones in attributes are normalised
 * to spaces, and a raw CR to LF everywhere).
 */

const ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"\n\r\t]/g;
// One cheap scan first: most names and sentences need nothing done.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const REFS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Escapes a value for an attribute value in double quotes or for element text. */
export function xmlEscape(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(ILLEGAL, '\uFFFD').replace(SPECIAL, (c) => REFS[c]!);
}

/** A number as XML text (finite numbers only; callers skip the rest). */
export function xmlNumber(value: number): string {
  return String(value);
}
