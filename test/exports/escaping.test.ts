/** The quoting and escaping each text format relies on, case by case. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { csvField } from '../../src/sinks/exports/formats/csv.js';
import { cypherName, cypherString } from '../../src/sinks/exports/formats/cypher.js';
import { gexfList } from '../../src/sinks/exports/formats/gexf.js';
import { dateInterval } from '../../src/sinks/exports/dates.js';
import { xmlEscape } from '../../src/sinks/exports/xml.js';

describe('cypherString', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O\\'Brien'"],
    ['say "hi"', `'say "hi"'`],
    ['C:\\dir\\', "'C:\\\\dir\\\\'"],
    ['a\nb\r\tc', "'a\\nb\\r\\tc'"],
    ['x; DETACH DELETE', "'x\\u003b DETACH DELETE'"],
    ['bell\u0007', "'bell\\u0007'"],
    ['Зеленський 习近平 🙂', "'Зеленський 习近平 🙂'"],
    ['lone \ud800 surrogate', "'lone \\ud800 surrogate'"],
  ])('quotes %j as %s', (input, expected) => {
    expect(cypherString(input)).toBe(expected);
  });
});

describe('cypherName', () => {
  it('backtick-quotes labels and types from the schema', () => {
    expect(cypherName('Person', 'label')).toBe('`Person`');
    expect(cypherName('MET_WITH', 'type')).toBe('`MET_WITH`');
  });
  it.each([
    ['Person`) DETACH DELETE (n', 'label'],
    ['KNOWS', 'type'],
    ['Person', 'type'],
  ] as const)('refuses %j as a %s', (name, kind) => {
    expect(() => cypherName(name, kind)).toThrow(UsageError);
  });
});

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    [' padded ', '" padded "'],
    ['back\\slash', 'back\\slash'],
    ['', ''],
  ])('writes %j as %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('xmlEscape', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['"quoted"', '&quot;quoted&quot;'],
    ["it's", "it's"],
    ['line\nbreak\r\ttab', 'line&#10;break&#13;&#9;tab'],
    ['nul\u0000 and \u001b', 'nul\ufffd and \ufffd'],
    ['lone \udc00', 'lone \ufffd'],
    ['pair 🙂', 'pair 🙂'],
  ])('escapes %j as %j', (input, expected) => {
    expect(xmlEscape(input)).toBe(expected);
  });
});

describe('gexfList', () => {
  it.each([
    [[], '[]'],
    [['a', 'b'], '["a", "b"]'],
    [['say "hi", ok'], '["say \\"hi\\", ok"]'],
    [['back\\slash', 'two\nlines'], '["back\\\\slash", "two\\nlines"]'],
  ])('writes %j as %s', (input, expected) => {
    expect(gexfList(input)).toBe(expected);
  });
});

describe('dateInterval', () => {
  it.each([
    ['2025-08-15', { start: '2025-08-15', end: '2025-08-15' }],
    ['2025-08', { start: '2025-08-01', end: '2025-08-31' }],
    ['2024-02', { start: '2024-02-01', end: '2024-02-29' }],
    ['2025', { start: '2025-01-01', end: '2025-12-31' }],
    ['last week', undefined],
    [undefined, undefined],
  ])('%s spans %j', (input, expected) => {
    expect(dateInterval(input)).toEqual(expected);
  });
});
