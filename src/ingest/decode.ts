/**
 * Bytes → text. Decides whether a file is text at all (binary, wrong encoding) and
 * normalises what pasted text carries along: BOMs, CR/LF, no-break and zero-width
 * spaces, soft hyphens, trailing blanks, runs of empty lines.
 *
 * Text is UTF-8 (or UTF-16 with a BOM). Bytes that are not UTF-8 are read in another
 * encoding only when they say which, unambiguously: a charset the document declares in its
 * first 1024 bytes (HTML `<meta charset>` or `http-equiv` Content-Type, an XML prolog's
 * `encoding`), or Windows-1252 (Western European, the superset of Latin-1 that Windows
 * editors save) when its typographic punctuation shows (see {@link looksLikeWindows1252}).
 * Anything else is skipped with the `iconv` command that converts it.
 */

/**
 * Either the decoded text (with the encoding it was read in, when not UTF-8 or UTF-16) or a
 * one-line reason why the bytes are not text.
 */
export type DecodeResult = { ok: true; text: string; encoding?: string } | { ok: false; reason: string };

/** Where the bytes came from, for the conversion command a reason suggests. */
export interface DecodeSource {
  /** The file; the command names it. */
  path?: string;
  /** Piped input: the command is a filter to put in the pipe. */
  stdin?: boolean;
}

/** How many leading bytes the binary check looks at: enough to see a file's header. */
const SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629:
 * no overlongs, no surrogates, nothing above U+10FFFF), or -1 when all is valid.
 * Only called after TextDecoder rejected the bytes, to say where.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    if (i + need >= n) return i; // sequence truncated by the end of the input
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (WHATWG index-windows-1252; the five bytes it
 * leaves undefined stay C1 controls). Decoded here because Node's TextDecoder reads 'windows-1252'
 * (and 'latin1', 'iso-8859-1') as plain Latin-1 there: nodejs/node#56542.
 */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 (and so Latin-1) bytes → text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** How many leading bytes a charset declaration is looked for in (as the HTML prescan does). */
const DECLARATION_BYTES = 1024;

/** Bytes Windows-1252 leaves undefined: text in it never holds them. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Windows-1252's typographic punctuation in 0x80–0x9F (€ ‚ „ … † ‡ ˆ ‰ ‹ ‘ ’ “ ” • – — ˜ ™ ›):
 * C1 control characters in Latin-1 and every ISO 8859 part, so text that holds them was saved
 * by a Windows code page.
 */
const CP1252_PUNCTUATION = new Set([
  0x80, 0x82, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9b,
]);

/**
 * A sign (U+00A1–U+00BF, not a letter) between two letters. In Western text these signs stand
 * apart from words, except the middle dot (Catalan l·l), the acute accent typed as an apostrophe
 * and the soft hyphen; where Central European and Baltic code pages have letters (ą ł ż in
 * Windows-1250) Windows-1252 has these signs, so such text read as Windows-1252 shows them
 * inside words.
 */
const SIGN_INSIDE_WORD = /\p{L}[\u00a1-\u00a9\u00ab\u00ac\u00ae-\u00b3\u00b6\u00b8\u00b9\u00bb-\u00bf]\p{L}/u;

/** Above this share of non-ASCII letters, text is not Western European (Cyrillic, Greek, … in a single-byte code page). */
const MAX_NON_ASCII_LETTERS = 0.25;

/** A valid UTF-8 sequence of three or four bytes: Windows-1252 text next to never forms one, UTF-8 text often does. */
function hasLongUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xe0 || b > 0xf4) continue;
    const need = b >= 0xf0 ? 3 : 2;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      const second = bytes[i + 1]!;
      // No overlongs, no surrogates, nothing above U+10FFFF: the same checks as invalidUtf8Offset.
      if (b === 0xe0 && second < 0xa0) continue;
      if (b === 0xed && second >= 0xa0) continue;
      if (b === 0xf0 && second < 0x90) continue;
      if (b === 0xf4 && second >= 0x90) continue;
      return true;
    }
  }
  return false;
}

/** The bytes from `offset` to the end are the first bytes of one UTF-8 sequence: UTF-8 text cut short. */
function truncatedUtf8At(bytes: Uint8Array, offset: number): boolean {
  const b = bytes[offset]!;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0 || offset + need < bytes.length) return false;
  for (let i = offset + 1; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) return false;
  return true;
}

/**
 * True when bytes that are not UTF-8 are, unambiguously, Windows-1252 (and so Latin-1, which it
 * extends): no byte Windows-1252 leaves undefined; at least one of its punctuation marks in
 * 0x80–0x9F (curly quotes, dashes, ellipsis), which no ISO 8859 text holds; no valid three- or
 * four-byte UTF-8 sequence (that would be UTF-8 with stray bytes); and, read as Windows-1252,
 * Western text: at most a quarter of its letters non-ASCII (not Cyrillic, Greek, Hebrew or Arabic
 * in their own code pages) and no sign inside a word (not Central European or Baltic).
 */
export function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let punctuation = false;
  for (const b of bytes) {
    if (CP1252_UNDEFINED.has(b)) return false;
    if (CP1252_PUNCTUATION.has(b)) punctuation = true;
  }
  if (!punctuation || hasLongUtf8Sequence(bytes)) return false;
  const text = decodeWindows1252(bytes);
  let letters = 0;
  let nonAscii = 0;
  for (const m of text.matchAll(/\p{L}/gu)) {
    letters++;
    if (m[0].charCodeAt(0) > 0x7f) nonAscii++;
  }
  return nonAscii <= letters * MAX_NON_ASCII_LETTERS && !SIGN_INSIDE_WORD.test(text);
}

/** The charset a document declares near its start: an XML prolog's `encoding`, or an HTML `<meta>` charset. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 keeps every byte as one character, so ASCII markup is found whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : undefined;
}

/** A path as one shell word. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/** The `iconv` command converting the source from `from` to UTF-8 (a filter for piped input). */
export function convertCommand(from: string, source: DecodeSource = {}): string {
  if (source.stdin || source.path === undefined) return `pipe it through iconv -f ${from} -t utf-8`;
  const dot = source.path.lastIndexOf('.');
  const slash = Math.max(source.path.lastIndexOf('/'), source.path.lastIndexOf('\\'));
  const out = dot > slash + 1 ? `${source.path.slice(0, dot)}.utf8${source.path.slice(dot)}` : `${source.path}.utf8`;
  return `iconv -f ${from} -t utf-8 ${shellWord(source.path)} > ${shellWord(out)}`;
}

/** Why bytes that are not UTF-8 were not read, with the command that converts them when that is the likely fix. */
function notUtf8Reason(bytes: Uint8Array, source: DecodeSource): string {
  const offset = invalidUtf8Offset(bytes);
  const where = `not UTF-8 text (invalid byte sequence at offset ${offset})`;
  // UTF-8 cut short inside its last character: converting from another encoding would be wrong.
  if (truncatedUtf8At(bytes, offset)) return where;
  return `${where}. If it is Latin-1 or Windows-1252, convert it: ${convertCommand('windows-1252', source)}`;
}

/** Decodes bytes in the charset they declare; undefined when the declaration is UTF-8 or UTF-16 (no help here). */
function decodeDeclared(bytes: Uint8Array, label: string, source: DecodeSource): DecodeResult | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return {
      ok: false,
      reason: `declares the charset '${label}', which is not an encoding this reader knows. Convert it to UTF-8: ${convertCommand(label, source)}`,
    };
  }
  // A page cannot declare UTF-16 in 8-bit markup; a UTF-8 declaration on bytes that are not UTF-8 is wrong.
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return undefined;
  if (decoder.encoding === 'windows-1252')
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  try {
    return { ok: true, text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    return {
      ok: false,
      reason: `not ${decoder.encoding} text, though it declares that charset (invalid byte sequence). Convert it to UTF-8 from its real encoding: ${convertCommand('<encoding>', source)}`,
    };
  }
}

/** True when the bytes look like a binary file rather than text in some encoding. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // C0 controls other than tab, LF, VT, FF, CR and ESC do not occur in text.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return end > 0 && control / end > 0.1;
}

/** UTF-16 without a BOM shows as every other byte being NUL; worth a precise message. */
function looksUtf16WithoutBom(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (end < 16) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = end / 2;
  return (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) || (oddNul > pairs * 0.4 && evenNul < pairs * 0.05);
}

/**
 * Decodes a whole file: UTF-8 (a BOM is fine), or UTF-16 when it starts with a UTF-16 BOM; bytes
 * that are not UTF-8 in the charset they declare, or as Windows-1252 when they unambiguously are
 * (see the file header). Reasons: "empty file", "binary file", "not UTF-8 text (invalid byte
 * sequence at offset N). If it is Latin-1 or Windows-1252, convert it: iconv …".
 */
export function decodeBytes(bytes: Uint8Array, source: DecodeSource = {}): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes) };
    } catch {
      return {
        ok: false,
        reason: `not UTF-16 text (invalid ${le ? 'UTF-16LE' : 'UTF-16BE'} after its byte-order mark)`,
      };
    }
  }
  if (looksBinary(bytes)) {
    return {
      ok: false,
      reason: looksUtf16WithoutBom(bytes)
        ? 'binary file (or UTF-16 text without a byte-order mark; save it as UTF-8)'
        : 'binary file',
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // Not UTF-8: read it only when the bytes say unambiguously what they are.
  }
  const declared = declaredCharset(bytes);
  const read = declared === undefined ? undefined : decodeDeclared(bytes, declared, source);
  if (read) return read;
  // UTF-8 cut short inside its last character is UTF-8, whatever its last bytes would mean in Windows-1252.
  if (!truncatedUtf8At(bytes, invalidUtf8Offset(bytes)) && looksLikeWindows1252(bytes)) {
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  return { ok: false, reason: notUtf8Reason(bytes, source) };
}

/**
 * Decodes one line of a streamed file (JSONL): UTF-8 only, as JSON text exchanged between
 * systems must be (RFC 8259); a line that is not says how to convert the file.
 */
export function decodeLine(bytes: Uint8Array, source: DecodeSource = {}): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary data' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: notUtf8Reason(bytes, source) };
  }
}

/** True when the first bytes of a stream are binary (used before streaming a JSONL file line by line). */
export function isBinaryPrefix(bytes: Uint8Array): boolean {
  return looksBinary(bytes);
}

/**
 * Normalises pasted text: NFC, CR/LF and CR to LF, no-break and other odd spaces to a plain
 * space, zero-width characters and soft hyphens removed, trailing blanks trimmed, at most one
 * empty line in a row, no leading or trailing empty lines. Paragraph structure is kept.
 */
export function normalizeText(text: string): string {
  let t = text.normalize('NFC');
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  t = t
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g, ' ')
    .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
    .replace(/[ ]+$/gm, '')
    .replace(/^[ ]+/gm, '')
    .replace(/ {2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n');
  return t.replace(/^\n+/, '').replace(/\n+$/, '');
}
