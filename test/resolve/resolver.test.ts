/**
 * Cross-article resolution: which article entities become one graph node.
 */
import { describe, expect, it } from 'vitest';
import { createResolver } from '../../src/resolve/index.js';
import type { ArticleEntity, EntityLabel } from '../../src/types.js';

function entity(
  article: string,
  label: EntityLabel,
  name: string,
  aliases: string[] = [],
  date?: string,
): ArticleEntity {
  return {
    key: `${label}:${name.toLowerCase()}`,
    label,
    name,
    aliases,
    mentions: [{ article, start: 0, end: name.length, text: name }],
    ...(date ? { date } : {}),
  };
}

describe('createResolver', () => {
  it.each([
    ["merges 'Zelenskyy' and 'Volodymyr Zelensky' into one person", ['Volodymyr Zelensky'], ['Zelenskyy']],
    [
      "merges 'Volodymyr Zelenskyy' and 'Volodymyr Zelensky' (spelling variants)",
      ['Volodymyr Zelenskyy'],
      ['Volodymyr Zelensky'],
    ],
    ['merges a surname seen first with the full name seen later', ['Zelenskyy'], ['Volodymyr Zelensky']],
    [
      "merges 'Mr Zelenskyy' through its name-like alias",
      ['Volodymyr Zelenskyy', 'Mr Zelenskyy'],
      ['Zelenskyy', 'Mr Zelenskyy'],
    ],
  ])('%s', (_name, a, b) => {
    const r = createResolver();
    const k1 = r.resolve(entity('a1', 'Person', a[0]!, a.slice(1)));
    const k2 = r.resolve(entity('a2', 'Person', b[0]!, b.slice(1)));
    expect(k2).toBe(k1);
  });

  it('does not merge a surname shared by two known people', () => {
    const r = createResolver();
    const a = r.resolve(entity('a1', 'Person', 'Boris Johnson'));
    const b = r.resolve(entity('a2', 'Person', 'Mike Johnson'));
    const c = r.resolve(entity('a3', 'Person', 'Johnson'));
    expect(b).not.toBe(a);
    expect([a, b]).not.toContain(c);
  });

  it('does not merge two people of one surname with different first names', () => {
    const r = createResolver();
    expect(r.resolve(entity('a1', 'Person', 'Boris Johnson'))).not.toBe(
      r.resolve(entity('a2', 'Person', 'Mike Johnson')),
    );
  });

  it('never merges two entities of the same article', () => {
    const r = createResolver();
    const a = r.resolve(entity('a1', 'Event', 'Alaska summit', ['meeting']));
    const b = r.resolve(entity('a1', 'Event', 'Oval Office meeting', ['meeting']));
    expect(b).not.toBe(a);
  });

  it.each([
    ['merges events with the same specific name', ['Alaska summit'], ['the Alaska summit'], true],
    ['does not merge events on a generic name only', ['meeting', 'the meeting'], ['the meeting'], false],
    [
      'does not merge events whose dates disagree',
      ['Alaska summit', '2025-08-15'],
      ['Alaska summit', '2024-01-01'],
      false,
    ],
  ])('%s', (_name, a, b, same) => {
    const r = createResolver();
    const date = (x: string[]): string | undefined => x.find((v) => /^\d{4}-/.test(v));
    const names = (x: string[]): string[] => x.filter((v) => !/^\d{4}-/.test(v));
    const k1 = r.resolve(entity('a1', 'Event', names(a)[0]!, names(a).slice(1), date(a)));
    const k2 = r.resolve(entity('a2', 'Event', names(b)[0]!, names(b).slice(1), date(b)));
    expect(k1 === k2).toBe(same);
  });

  it('merges countries on any alias ("the Kremlin" and "Russia")', () => {
    const r = createResolver();
    const a = r.resolve(entity('a1', 'Country', 'Russia', ['Kremlin']));
    const b = r.resolve(entity('a2', 'Country', 'Russia', ['Moscow']));
    expect(b).toBe(a);
  });

  it('gives distinct nodes distinct keys even when their names slug alike', () => {
    const r = createResolver();
    const a = r.resolve(entity('a1', 'Event', 'the call'));
    const b = r.resolve(entity('a2', 'Event', 'the call'));
    expect(b).not.toBe(a);
  });

  it('names a person node by the fullest name seen', () => {
    const r = createResolver();
    const key = r.resolve(entity('a1', 'Person', 'Zelenskyy'));
    r.resolve(entity('a2', 'Person', 'Volodymyr Zelenskyy'));
    r.resolve(entity('a3', 'Person', 'Zelenskyy'));
    expect(r.nameOf?.(key)).toBe('Volodymyr Zelenskyy');
  });

  it('names an event node by its most used specific name', () => {
    const r = createResolver();
    const key = r.resolve(entity('a1', 'Event', 'Alaska summit'));
    r.resolve(entity('a2', 'Event', 'high-stakes summit in Alaska with Putin on Friday afternoon', ['Alaska summit']));
    r.resolve(entity('a3', 'Event', 'Alaska summit'));
    expect(r.nameOf?.(key)).toBe('Alaska summit');
  });

  it('keys do not depend on the order of aliases', () => {
    const r1 = createResolver();
    const r2 = createResolver();
    expect(r1.resolve(entity('a1', 'Country', 'Russia', ['Kremlin', 'Moscow']))).toBe(
      r2.resolve(entity('a1', 'Country', 'Russia', ['Moscow', 'Kremlin'])),
    );
  });
});
