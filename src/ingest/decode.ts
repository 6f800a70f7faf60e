/**
 * Bytes → text. Decides whether a file is text at all (binary, wrong encoding) and
 * normalises what pasted text carries along: BOMs, CR/LF, no-break and zero-width
 * spaces, soft hyphens, trailing blanks, runs of empty lines.
 */

/** Either the decoded text or a one-line reason why the bytes are not text. */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

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
 * Decodes a whole file: UTF-8 (a BOM is fine), or UTF-16 when it starts with a UTF-16 BOM.
 * Reasons: "empty file", "binary file", "not UTF-8 text (invalid byte sequence at offset N)".
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
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
    return { ok: false, reason: `not UTF-8 text (invalid byte sequence at offset ${invalidUtf8Offset(bytes)})` };
  }
}

/** Decodes one line of a streamed file (JSONL); same rules as {@link decodeBytes}, no BOM handling beyond UTF-8's. */
export function decodeLine(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary data' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: `not UTF-8 text (invalid byte sequence at offset ${invalidUtf8Offset(bytes)})` };
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
