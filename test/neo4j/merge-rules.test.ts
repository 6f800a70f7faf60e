/** The rules a push merges by (merge.ts), without a server: the pushed graph speaks for its own articles only. */
import { describe, expect, it } from 'vitest';
import { mergeEntity, mergeFact, pruneFact, type EntityValues, type FactValues } from '../../src/sinks/neo4j/merge.js';

const ev = (article: string, start: number) => ({ article, sentence: `s${start}`, start, end: start + 5 });
const fact = (over: Partial<FactValues>): FactValues => ({
  evidence: [],
  status: undefined,
  event: undefined,
  eventName: undefined,
  quote: undefined,
  quotes: [],
  what: undefined,
  whats: [],
  date: undefined,
  ...over,
});
const entity = (over: Partial<EntityValues>): EntityValues => ({
  name: 'X',
  aliases: [],
  date: undefined,
  place: undefined,
  counts: new Map(),
  ...over,
});

describe('mergeFact', () => {
  const stored = fact({
    evidence: [ev('b', 10), ev('a', 3)],
    status: 'occurred',
    event: 'Event:e1',
    eventName: 'talks',
    quote: 'first',
    quotes: ['first'],
    date: '2024-05-01',
  });

  it("replaces the pushed articles' evidence, keeps the others', and sorts it", () => {
    const pushed = fact({
      evidence: [ev('b', 20), ev('c', 1)],
      status: 'planned',
      quote: 'second',
      quotes: ['second'],
    });
    const merged = mergeFact(stored, pushed, new Set(['b', 'c']));
    expect(merged.evidence).toEqual([ev('a', 3), ev('b', 20), ev('c', 1)]);
    expect(merged).toMatchObject({ status: 'occurred', event: 'Event:e1', eventName: 'talks', quote: 'first' });
    expect(merged.quotes).toEqual(['first', 'second']);
  });

  it('keeps the earliest date of the two', () => {
    expect(mergeFact(stored, fact({ evidence: [ev('c', 1)], date: '2023-01-01' }), new Set(['c'])).date).toBe(
      '2023-01-01',
    );
    expect(mergeFact(stored, fact({ evidence: [ev('c', 1)] }), new Set(['c'])).date).toBe('2024-05-01');
  });

  it('is the pushed fact whole when every stored evidence is from the pushed articles', () => {
    const pushed = fact({ evidence: [ev('a', 4)], status: 'planned', quotes: ['new'], quote: 'new' });
    expect(mergeFact(stored, pushed, new Set(['a', 'b']))).toEqual(pushed);
  });

  it('drops repeated evidence', () => {
    const merged = mergeFact(stored, fact({ evidence: [ev('a', 3), ev('c', 1)] }), new Set(['c']));
    expect(merged.evidence).toEqual([ev('a', 3), ev('b', 10), ev('c', 1)]);
  });
});

describe('pruneFact', () => {
  it("removes the pushed articles' evidence, and the fact when none is left", () => {
    const stored = fact({ evidence: [ev('a', 1), ev('b', 2)] });
    expect(pruneFact(stored, new Set(['a']))?.evidence).toEqual([ev('b', 2)]);
    expect(pruneFact(stored, new Set(['a', 'b']))).toBeUndefined();
  });
});

describe('mergeEntity', () => {
  const stored = entity({
    name: 'Joe Biden',
    aliases: ['Biden', 'Joe Biden'],
    date: undefined,
    counts: new Map([
      ['a', 2],
      ['b', 3],
    ]),
  });

  it('recounts links over stored and pushed articles, the pushed counts winning', () => {
    const pushed = entity({
      name: 'Biden',
      aliases: ['President Biden'],
      counts: new Map([
        ['b', 1],
        ['c', 4],
      ]),
    });
    const merged = mergeEntity(stored, pushed, new Set(['b', 'c']));
    expect(merged).toMatchObject({ articles: ['a', 'b', 'c'], mentionCount: 7, name: 'Joe Biden' });
    expect(merged.aliases).toEqual(['Biden', 'Joe Biden', 'President Biden']);
  });

  it('takes the pushed name and aliases when the database links it to no other article', () => {
    const pushed = entity({ name: 'Joseph R. Biden', aliases: ['Joseph R. Biden'], counts: new Map([['a', 1]]) });
    const merged = mergeEntity(stored, pushed, new Set(['a', 'b']));
    expect(merged).toMatchObject({ name: 'Joseph R. Biden', aliases: ['Joseph R. Biden'], articles: ['a', 'b'] });
    expect(merged.mentionCount).toBe(4);
  });
});
