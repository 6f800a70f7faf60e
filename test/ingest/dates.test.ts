/** Dates → ISO YYYY-MM-DD: metadata values, datelines, file names. */
import { describe, expect, it } from 'vitest';
import { dateFromFileName, findDateline, normalizeDate, parseDateline } from '../../src/ingest/dates.js';

describe('normalizeDate', () => {
  it.each([
    ['2025-08-16', '2025-08-16'],
    ['2025-8-6', '2025-08-06'],
    ['2022-01-02 16:57:45-05:00', '2022-01-02'],
    ['2025-08-16T23:30:00-08:00', '2025-08-16'],
    ['2025/08/16', '2025-08-16'],
    ['20220125T090000Z', '2022-01-25'],
    ['16 August 2025', '2025-08-16'],
    ['16th Aug 2025', '2025-08-16'],
    ['Saturday, August 16th, 2025', '2025-08-16'],
    ['Aug. 16, 2025', '2025-08-16'],
    ['Sat, 16 Aug 2025 10:00:00 GMT', '2025-08-16'],
    [1687651200, '2023-06-25'],
    [1687651200000, '2023-06-25'],
    ['1687651200', '2023-06-25'],
  ])('reads %j as %s', (value, iso) => {
    expect(normalizeDate(value)).toBe(iso);
  });

  it.each([
    ['an impossible day', '2025-02-30'],
    ['a month only', 'August 2025'],
    ['an ambiguous numeric date', '08/09/2025'],
    ['a relative day', 'yesterday'],
    ['a non-date', 'Friday'],
    ['null', null],
  ])('gives nothing for %s', (_name, value) => {
    expect(normalizeDate(value)).toBeUndefined();
  });
});

describe('datelines', () => {
  it.each([
    ['Published 16 August 2025', '2025-08-16'],
    ['Updated: August 16, 2025 10:21 GMT', '2025-08-16'],
    ['August 2, 2023', '2023-08-02'],
    ['Published YESTERDAY', null],
    ['Updated 05:21', null],
    ['On 16 August 2025 the leaders met in Anchorage and talked for hours.', undefined],
    ['Trump and Putin meet in Alaska', undefined],
  ])('parses %j as %j', (line, expected) => {
    expect(parseDateline(line)).toBe(expected);
  });

  it('finds the dateline among the first lines but not a date inside the body', () => {
    expect(findDateline('Headline\n\nBy Jane Doe\nPublished 16 August 2025\n\nBody.')).toBe('2025-08-16');
    expect(findDateline('Headline\n\nOn 16 August 2025 the leaders met.')).toBeUndefined();
  });
});

describe('dates in file names', () => {
  it.each([
    ['2022-01-02-statement-by-press-secretary.txt', '2022-01-02'],
    ['20220125T090000Z_GB_en_7d015e6984.txt', '2022-01-25'],
    ['000_7113f9998be2699a.txt', undefined],
    ['2022-13-40-not-a-date.txt', undefined],
  ])('reads %s as %s', (name, expected) => {
    expect(dateFromFileName(name)).toBe(expected);
  });
});
