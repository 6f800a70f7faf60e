/** Bytes → text: what is text, what is not, and the normalisation of pasted text. */
import { describe, expect, it } from 'vitest';
import { decodeBytes, invalidUtf8Offset, normalizeText } from '../../src/ingest/decode.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', bytes('Zelenskyy – “peace”'), 'Zelenskyy – “peace”'],
    ['UTF-8 with a BOM (BOM removed)', bytes([0xef, 0xbb, 0xbf], 'Kyiv'), 'Kyiv'],
    ['UTF-16LE with a BOM', bytes([0xff, 0xfe], [...Buffer.from('Kyiv', 'utf16le')]), 'Kyiv'],
    ['UTF-16BE with a BOM', bytes([0xfe, 0xff], [0, 0x4b, 0, 0x79, 0, 0x69, 0, 0x76]), 'Kyiv'],
  ])('decodes %s', (_name, input, text) => {
    expect(decodeBytes(input)).toEqual({ ok: true, text });
  });

  it.each([
    ['an empty file', bytes(), 'empty file'],
    ['a file with NUL bytes', bytes('PK', [3, 4, 0, 0, 20, 0]), 'binary file'],
    ['mostly control characters', bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17], 'ab'), 'binary file'],
    ['Latin-1 text', bytes('Caf', [0xe9], ' au lait'), 'not UTF-8 text (invalid byte sequence at offset 3)'],
    ['a truncated UTF-8 sequence', bytes('Kyiv ', [0xe2, 0x80]), 'not UTF-8 text (invalid byte sequence at offset 5)'],
    [
      'UTF-16 without a BOM',
      bytes([...Buffer.from('Kyiv is the capital', 'utf16le')]),
      'binary file (or UTF-16 text without a byte-order mark; save it as UTF-8)',
    ],
  ])('rejects %s', (_name, input, reason) => {
    expect(decodeBytes(input)).toEqual({ ok: false, reason });
  });

  it.each([
    [[0xc0, 0x80], 0], // overlong NUL
    [[0x41, 0xed, 0xa0, 0x80], 1], // UTF-16 surrogate encoded in UTF-8
    [[0x41, 0xf4, 0x90, 0x80, 0x80], 1], // above U+10FFFF
    [[0x41, 0x42], -1],
  ])('finds the first invalid UTF-8 byte in %j at %i', (input, offset) => {
    expect(invalidUtf8Offset(Uint8Array.from(input))).toBe(offset);
  });
});

describe('normalizeText', () => {
  it.each([
    ['CRLF and CR line ends', 'a\r\nb\rc', 'a\nb\nc'],
    ['no-break and thin spaces', 'Volodymyr\u00a0Zelenskyy\u2009said', 'Volodymyr Zelenskyy said'],
    ['zero-width spaces and soft hyphens', 'Zelen\u00adskyy\u200b', 'Zelenskyy'],
    ['trailing and leading blanks of lines', '  a  \n\tb ', 'a\nb'],
    ['runs of empty lines (one empty line kept)', 'a\n\n\n\nb', 'a\n\nb'],
    ['decomposed accents (to NFC)', 'Cha\u0301vez', 'Chávez'],
  ])('normalises %s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
