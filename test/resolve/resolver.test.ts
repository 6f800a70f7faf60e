/**
 * Cross-article resolution: which article entities become one graph node.
 */
import { describe, expect, it } from 'vitest';
import { createResolver, type Resolver } from '../../src/resolve/index.js';
import type { ArticleEntity, EntityLabel, Extraction } from '../../src/types.js';

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

/** Resolves `entities` as one corpus (one extraction per article id, in order) and returns their keys. */
function resolveAll(...entities: ArticleEntity[]): { keys: string[]; resolver: Resolver } {
  const byArticle = new Map<string, Extraction>();
  for (const e of entities) {
    const id = e.mentions[0]!.article;
    const x = byArticle.get(id) ?? { article: { id, path: id }, entities: [], relations: [] };
    x.entities.push(e);
    byArticle.set(id, x);
  }
  const resolver = createResolver([...byArticle.values()]);
  return { keys: entities.map((e) => resolver.resolve(e)), resolver };
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
      "merges 'Mr Zelenskyy' with the one person of that surname",
      ['Volodymyr Zelenskyy', 'Mr Zelenskyy'],
      ['Zelenskyy', 'Mr Zelenskyy'],
    ],
    ['merges a nickname with its given name', ['Joseph R. Lind Jr.'], ['Joe Lind']],
    ['merges an initial and middle names with the full given name', ['Donald J. Varga'], ['D. Varga']],
    ['merges transliterations of a given name', ['Aleksandr Orlov'], ['Alexander Orlov']],
    ['merges a surname misspelt by one letter under the same given name', ['Volodar Zelenko'], ['Volodar Zelnko']],
  ])('%s', (_name, a, b) => {
    const { keys } = resolveAll(entity('a1', 'Person', a[0]!, a.slice(1)), entity('a2', 'Person', b[0]!, b.slice(1)));
    expect(keys[1]).toBe(keys[0]);
  });

  it.each([
    ['Anna Kovacs', 'Peter Kovacs'],
    ['Boris Johnson', 'Mike Johnson'],
    ['Mira Lena Vale', 'Arno Vale'],
    ['Micael Bryden', 'Joe Bryden'],
    ['Anna Kim', 'Anna Lim'],
  ])('never merges two people with different given names: %s / %s', (a, b) => {
    const { keys } = resolveAll(entity('a1', 'Person', a), entity('a2', 'Person', b));
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("keeps a short surname spelt otherwise apart ('Sydén' is not 'Mara Siden'), while long ones vary", () => {
    const short = resolveAll(entity('a1', 'Person', 'Mara Siden'), entity('a2', 'Person', 'Sydén'));
    expect(short.keys[1]).not.toBe(short.keys[0]);
    const long = resolveAll(entity('a1', 'Person', 'Mara Kovalenkyy'), entity('a2', 'Person', 'Kovalenky'));
    expect(long.keys[1]).toBe(long.keys[0]);
    const accents = resolveAll(entity('a1', 'Person', 'Mara Sidén'), entity('a2', 'Person', 'Siden'));
    expect(accents.keys[1]).toBe(accents.keys[0]);
  });

  it('leaves a surname shared by two known people to neither of them', () => {
    const { keys } = resolveAll(
      entity('a1', 'Person', 'Boris Johnson'),
      entity('a2', 'Person', 'Mike Johnson'),
      entity('a3', 'Person', 'Johnson'),
    );
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys.slice(0, 2)).not.toContain(keys[2]);
  });

  it('gives a titled surname to the one namesake who holds that title far more often', () => {
    const holder = [1, 2, 3].map((n) => entity(`h${n}`, 'Person', 'Arno Vale', ['President Arno Vale']));
    const { keys } = resolveAll(
      ...holder,
      entity('s1', 'Person', 'Tomas Vale'),
      entity('s2', 'Person', 'Vale', ['President Vale']),
      entity('s3', 'Person', 'Vale'),
    );
    expect(keys[4]).toBe(keys[0]);
    // Without a title the surname stays apart: the corpus has two people of that name.
    expect([keys[0], keys[3]]).not.toContain(keys[5]);
  });

  it('does not let a surname join a namesake the same article kept apart from it', () => {
    const { keys } = resolveAll(
      entity('a1', 'Person', 'Arno Vale', ['President Arno Vale']),
      entity('a2', 'Person', 'Tomas Vale'),
      entity('a2', 'Person', 'Vale', ['President Vale']),
    );
    expect(keys[2]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('names a person node by its most frequent full form, not its longest', () => {
    const { keys, resolver } = resolveAll(
      entity('a1', 'Person', 'Anna Kovacs'),
      entity('a2', 'Person', 'Anna Maria Kovacs'),
      entity('a3', 'Person', 'Anna Kovacs'),
      entity('a4', 'Person', 'Kovacs'),
    );
    expect(new Set(keys).size).toBe(1);
    expect(resolver.nameOf?.(keys[0]!)).toBe('Anna Kovacs');
  });

  it('does not depend on the order of the articles', () => {
    const corpus = [
      entity('a1', 'Person', 'Vale'),
      entity('a2', 'Person', 'Arno Vale'),
      entity('a3', 'Person', 'A. Vale'),
      entity('a4', 'Person', 'Tomas Vale'),
      entity('a5', 'Person', 'Arnold Vale'),
    ];
    const partition = (list: ArticleEntity[]): string[][] => {
      const { keys } = resolveAll(...list);
      const groups = new Map<string, string[]>();
      list.forEach((e, i) => groups.set(keys[i]!, [...(groups.get(keys[i]!) ?? []), e.mentions[0]!.article].sort()));
      return [...groups.values()].sort();
    };
    expect(partition([...corpus].reverse())).toEqual(partition(corpus));
  });

  it('never merges two entities of the same article', () => {
    const { keys } = resolveAll(
      entity('a1', 'Event', 'Alaska summit', ['meeting']),
      entity('a1', 'Event', 'Oval Office meeting', ['meeting']),
    );
    expect(keys[1]).not.toBe(keys[0]);
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
    [
      'does not merge editions of different years',
      ['Brevia Summit', '2022-06'],
      ['Brevia Summit', '2023-07-11'],
      false,
    ],
    [
      'merges an edition dated to the day with its month',
      ['Brevia Summit', '2023-07'],
      ['Brevia Summit', '2023-07-11'],
      true,
    ],
  ])('%s', (_name, a, b, same) => {
    const date = (x: string[]): string | undefined => x.find((v) => /^\d{4}-/.test(v));
    const names = (x: string[]): string[] => x.filter((v) => !/^\d{4}-/.test(v));
    const { keys } = resolveAll(
      entity('a1', 'Event', names(a)[0]!, names(a).slice(1), date(a)),
      entity('a2', 'Event', names(b)[0]!, names(b).slice(1), date(b)),
    );
    expect(keys[0] === keys[1]).toBe(same);
  });

  it("keeps an undated recurring event in its article's year", () => {
    const summit = (article: string): ArticleEntity => entity(article, 'Event', 'Brevia Summit');
    const corpus: Extraction[] = [
      { article: { id: 'a1', path: 'a1', date: '2022-06-30' }, entities: [summit('a1')], relations: [] },
      { article: { id: 'a2', path: 'a2', date: '2023-07-12' }, entities: [summit('a2')], relations: [] },
      { article: { id: 'a3', path: 'a3', date: '2023-07-20' }, entities: [summit('a3')], relations: [] },
    ];
    const r = createResolver(corpus);
    const [k1, k2, k3] = corpus.map((x) => r.resolve(x.entities[0]!));
    expect(k2).not.toBe(k1);
    expect(k3).toBe(k2);
  });

  it('keeps an undated one-off event one node across the years that mention it', () => {
    const accords = (article: string): ArticleEntity => entity(article, 'Event', 'Brevia Accords');
    const corpus: Extraction[] = [
      { article: { id: 'a1', path: 'a1', date: '2022-06-30' }, entities: [accords('a1')], relations: [] },
      { article: { id: 'a2', path: 'a2', date: '2024-07-12' }, entities: [accords('a2')], relations: [] },
    ];
    const r = createResolver(corpus);
    expect(r.resolve(corpus[1]!.entities[0]!)).toBe(r.resolve(corpus[0]!.entities[0]!));
  });

  it.each([
    ['undated', undefined, undefined, false],
    ['dated alike', '2023-07', '2023-07-11', true],
  ])('joins events described only by a person ("meeting with Orlov") when %s: %s', (_c, d1, d2, same) => {
    const article = (id: string, date?: string): ArticleEntity[] => [
      entity(id, 'Person', 'Ivan Orlov', ['Orlov']),
      entity(id, 'Event', 'meeting with Orlov', [], date),
    ];
    const a = article('a1', d1);
    const b = article('a2', d2);
    const { keys } = resolveAll(...a, ...b);
    expect(keys[3] === keys[1]).toBe(same);
  });

  it('does not merge events whose places disagree', () => {
    const at = (article: string, place: string): ArticleEntity => ({
      ...entity(article, 'Event', 'Brevia Summit', [], '2023-07'),
      place,
    });
    const { keys } = resolveAll(at('a1', 'Vilnia'), at('a2', 'Madria'), at('a3', 'Vilnia'));
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
  });

  it('merges countries on any alias ("the Kremlin" and "Russia")', () => {
    const { keys } = resolveAll(
      entity('a1', 'Country', 'Russia', ['Kremlin']),
      entity('a2', 'Country', 'Russia', ['Moscow']),
    );
    expect(keys[1]).toBe(keys[0]);
  });

  it('gives distinct nodes distinct keys even when their names slug alike', () => {
    const { keys } = resolveAll(entity('a1', 'Event', 'the call'), entity('a2', 'Event', 'the call'));
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('names an event node by its most used specific name', () => {
    const { keys, resolver } = resolveAll(
      entity('a1', 'Event', 'Alaska summit'),
      entity('a2', 'Event', 'high-stakes summit in Alaska with Putin on Friday afternoon', ['Alaska summit']),
      entity('a3', 'Event', 'Alaska summit'),
    );
    expect(resolver.nameOf?.(keys[0]!)).toBe('Alaska summit');
  });

  it('keys do not depend on the order of aliases', () => {
    expect(resolveAll(entity('a1', 'Country', 'Russia', ['Kremlin', 'Moscow'])).keys).toEqual(
      resolveAll(entity('a1', 'Country', 'Russia', ['Moscow', 'Kremlin'])).keys,
    );
  });

  it('refuses an entity that is not in its corpus, which would be a bug', () => {
    const { resolver } = resolveAll(entity('a1', 'Person', 'Anna Kovacs'));
    expect(() => resolver.resolve(entity('a2', 'Person', 'Peter Lind'))).toThrow(/not in the corpus/);
  });
});
