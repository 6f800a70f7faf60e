/** Bytes → text: what is text, what is not, and the normalisation of pasted text. */
import { describe, expect, it } from 'vitest';
import {
  convertCommand,
  declaredCharset,
  decodeBytes,
  decodeLine,
  invalidUtf8Offset,
  looksLikeWindows1252,
  normalizeText,
} from '../../src/ingest/decode.js';

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
    ['a truncated UTF-8 sequence', bytes('Kyiv ', [0xe2, 0x80]), 'not UTF-8 text (invalid byte sequence at offset 5)'],
    [
      'UTF-16 without a BOM',
      bytes([...Buffer.from('Kyiv is the capital', 'utf16le')]),
      'binary file (or UTF-16 text without a byte-order mark; save it as UTF-8)',
    ],
  ])('rejects %s', (_name, input, reason) => {
    expect(decodeBytes(input)).toEqual({ ok: false, reason });
  });

  const hint = 'If it is Latin-1 or Windows-1252, convert it: iconv -f windows-1252 -t utf-8';
  it.each([
    [
      'Latin-1 text (é alone does not say which single-byte encoding)',
      bytes('Caf', [0xe9], ' au lait'),
      `not UTF-8 text (invalid byte sequence at offset 3). ${hint} news/cafe.txt > news/cafe.utf8.txt`,
    ],
    [
      'Cyrillic in Windows-1251 without a declaration (its letters are not Western text)',
      bytes([0xcf, 0xf0, 0xe5, 0xe7, 0xe8, 0xe4, 0xe5, 0xed, 0xf2], ' ', [0x96], ' ', [0x93, 0xec, 0xe8, 0xf0, 0x94]),
      `not UTF-8 text (invalid byte sequence at offset 0). ${hint} news/cafe.txt > news/cafe.utf8.txt`,
    ],
    [
      'Polish in Windows-1250 without a declaration (ł and ą would be signs inside words)',
      bytes([0x84], 'Wsp', [0xf3, 0xb3], 'praca ', [0xb9], 'dzi', [0x94], ' ', [0x96], ' powiedzia', [0xb3], '.'),
      `not UTF-8 text (invalid byte sequence at offset 0). ${hint} news/cafe.txt > news/cafe.utf8.txt`,
    ],
    [
      'UTF-8 with stray Windows-1252 quotes (mixed: reading either way garbles the rest)',
      bytes('Zelenskyy – ', [0x93], 'peace', [0x94]),
      `not UTF-8 text (invalid byte sequence at offset 14). ${hint} news/cafe.txt > news/cafe.utf8.txt`,
    ],
  ])('does not guess the encoding of %s, and says how to convert it', (_name, input, reason) => {
    expect(decodeBytes(input, { path: 'news/cafe.txt' })).toEqual({ ok: false, reason });
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

describe('bytes that say which encoding they are in', () => {
  it.each([
    [
      'Windows-1252: curly quotes, a dash and an ellipsis (C1 controls in every ISO 8859 part)',
      bytes([0x93], 'Caf', [0xe9], [0x94], ' ', [0x96], ' na', [0xef], 've', [0x85], ' c', [0x9c], 'ur'),
      '“Café” – naïve… cœur',
      'windows-1252',
    ],
    [
      'Windows-1252 with a closing quote right after ß (a valid two-byte UTF-8 sequence)',
      bytes('Der Gru', [0xdf, 0x93], ' kam ', [0x84], 'sp', [0xe4], 't', [0x93], '.'),
      'Der Gruß“ kam „spät“.',
      'windows-1252',
    ],
    [
      'HTML declaring <meta charset="iso-8859-1"> (read as Windows-1252, as browsers do)',
      bytes('<html><head><meta charset="iso-8859-1"></head><body>Caf', [0xe9], ' Lyon', [0x92], 's</body></html>'),
      '<html><head><meta charset="iso-8859-1"></head><body>Café Lyon’s</body></html>',
      'windows-1252',
    ],
    [
      'HTML declaring Windows-1251 in http-equiv Content-Type',
      bytes(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>',
        [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2],
      ),
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Привет',
      'windows-1251',
    ],
    [
      'XHTML whose XML prolog declares ISO-8859-15',
      bytes(`<?xml version="1.0" encoding='ISO-8859-15'?>\n<p>`, [0xa4], '5</p>'),
      `<?xml version="1.0" encoding='ISO-8859-15'?>\n<p>€5</p>`,
      'iso-8859-15',
    ],
  ])('reads %s', (_name, input, text, encoding) => {
    expect(decodeBytes(input)).toEqual({ ok: true, text, encoding });
  });

  it.each([
    [
      'a charset no decoder knows',
      bytes('<meta charset="x-klingon">', [0xe9]),
      "declares the charset 'x-klingon', which is not an encoding this reader knows. Convert it to UTF-8: iconv -f x-klingon -t utf-8 'my page.html' > 'my page.utf8.html'",
    ],
    [
      'bytes that are not the charset declared',
      bytes('<meta charset="shift_jis">', [0x82, 0xff]),
      "not shift_jis text, though it declares that charset (invalid byte sequence). Convert it to UTF-8 from its real encoding: iconv -f <encoding> -t utf-8 'my page.html' > 'my page.utf8.html'",
    ],
  ])('skips a page declaring %s, saying how to convert it', (_name, input, reason) => {
    expect(decodeBytes(input, { path: 'my page.html' })).toEqual({ ok: false, reason });
  });

  it('keeps valid UTF-8 as UTF-8 whatever the page declares', () => {
    expect(decodeBytes(bytes('<meta charset="windows-1252">Café'))).toEqual({
      ok: true,
      text: '<meta charset="windows-1252">Café',
    });
  });

  it.each([
    ['<meta charset=UTF-8>', 'utf-8'],
    ['<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=Windows-1252">', 'windows-1252'],
    ['<?xml version="1.0" encoding="iso-8859-1"?><html>', 'iso-8859-1'],
    ['<html><body>no declaration</body></html>', undefined],
  ])('finds the declared charset of %s', (head, charset) => {
    expect(declaredCharset(bytes(head))).toBe(charset);
  });

  it('looks for a declaration only in the first 1024 bytes, as browsers do', () => {
    expect(declaredCharset(bytes(' '.repeat(1024), '<meta charset="windows-1251">'))).toBeUndefined();
  });

  it('reads Windows-1252 only with its punctuation present: é alone could be any Latin code page', () => {
    expect(looksLikeWindows1252(bytes('Caf', [0xe9]))).toBe(false);
    expect(looksLikeWindows1252(bytes('Caf', [0xe9, 0x85]))).toBe(true);
  });

  it('does not read a byte Windows-1252 leaves undefined as Windows-1252', () => {
    expect(looksLikeWindows1252(bytes([0x93], 'quoted', [0x94, 0x81]))).toBe(false);
  });
});

describe('decodeLine (JSON Lines are UTF-8 only)', () => {
  it('says how to convert the file when a line is not UTF-8', () => {
    expect(decodeLine(bytes('{"text": "', [0x93], 'hi', [0x94], '"}'), { path: 'a.jsonl' })).toEqual({
      ok: false,
      reason:
        'not UTF-8 text (invalid byte sequence at offset 10). If it is Latin-1 or Windows-1252, convert it: iconv -f windows-1252 -t utf-8 a.jsonl > a.utf8.jsonl',
    });
  });
});

describe('convertCommand', () => {
  it.each([
    [{ path: 'news/a.txt' }, 'iconv -f windows-1252 -t utf-8 news/a.txt > news/a.utf8.txt'],
    [{ path: 'news/README' }, 'iconv -f windows-1252 -t utf-8 news/README > news/README.utf8'],
    [{ path: 'v1.2/notes' }, 'iconv -f windows-1252 -t utf-8 v1.2/notes > v1.2/notes.utf8'],
    [{ path: "it's here.txt" }, `iconv -f windows-1252 -t utf-8 'it'\\''s here.txt' > 'it'\\''s here.utf8.txt'`],
    [{ stdin: true }, 'pipe it through iconv -f windows-1252 -t utf-8'],
  ])('for %j: %s', (source, command) => {
    expect(convertCommand('windows-1252', source)).toBe(command);
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
