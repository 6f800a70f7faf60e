/**
 * Verb forms that trigger only in some constructions ("declined to comment", "sought to …")
 * are data: each lexicon's `conditions`, with a reason and a source. The conditions name
 * verbs of their own lexicon, and each keeps the construction it is about while letting
 * the others through.
 */
import { describe, expect, it } from 'vitest';
import { readLexicon, relationExtractors, type Lexicon } from '../../src/extract/relations/index.js';
import { readConditions } from '../../src/extract/relations/verbs.js';
import { RELATIONS } from '../../src/relation-types.js';
import type { RelationType } from '../../src/types.js';
import { keyOf, makeContext, PEOPLE } from '../fixtures/relations/context.js';

const KOVACS = keyOf('Person', 'Anna Kovacs');
const LIND = keyOf('Person', 'Peter Lind');
const CEASEFIRE = keyOf('Event', 'ceasefire');
const SUMMIT = keyOf('Event', 'summit');

function found(text: string, type: RelationType): string[][] {
  const ctx = makeContext(text, PEOPLE, '2025-08-16');
  for (const x of relationExtractors) x.run(ctx);
  return ctx.relations.filter((r) => r.type === type).map((r) => [r.source, r.target]);
}

const withConditions = RELATIONS.filter((d) => readLexicon(d.lexicon).data.conditions !== undefined);

describe('lexicon conditions', () => {
  it('are in the proposal and rejection lexicons', () => {
    expect(withConditions.map((d) => d.type)).toEqual(['PROPOSED', 'REJECTED']);
  });

  it.each(withConditions.map((d) => [d.lexicon] as const))('in %s each give a reason and a source', (file) => {
    const conditions = readLexicon(file).data.conditions as { why: string; source: string }[];
    for (const c of conditions) {
      expect(c.why.length).toBeGreaterThan(20);
      expect(c.source.length).toBeGreaterThan(20);
    }
    expect(readConditions(readLexicon(file)).size).toBeGreaterThan(0);
  });

  it.each([
    ['a form that is not one of its verbs', { forms: ['acused'], not_followed_by: ['of'] }],
    ['no reason or source', { forms: ['accused'], not_followed_by: ['of'], why: undefined }],
    ['an empty list of words', { forms: ['accused'], not_followed_by: [] }],
    ['a misspelt field', { forms: ['accused'], not_folowed_by: ['of'] }],
    ['an object that is no entity label', { forms: ['accused'], object: 'Thing' }],
    ['an addressee that is not true', { forms: ['accused'], addressee: 'yes' }],
    ['verbs to follow that are no list of phrases', { forms: ['accused'], followed_by_verbs: 'work' }],
  ])('refuse %s', (_name, entry) => {
    const lexicon: Lexicon = {
      file: 'test.json',
      data: { verbs: { accuse: ['accused'] }, conditions: [{ why: 'a reason', source: 'a source', ...entry }] },
    };
    expect(() => readConditions(lexicon)).toThrow(TypeError);
  });

  it.each([
    ['"declined to comment"', 'Lind declined to comment on the ceasefire.', 'REJECTED', []],
    ['"declined to take questions"', 'Lind declined to take questions after the summit.', 'REJECTED', []],
    ['"declined to take part"', 'Lind declined to take part in the summit.', 'REJECTED', [[LIND, SUMMIT]]],
    ['"declined to" with something refused', 'Lind declined to accept the ceasefire.', 'REJECTED', [[LIND, CEASEFIRE]]],
    ['"is accused of"', 'Lind is accused of delaying the ceasefire.', 'REJECTED', []],
    [
      '"accused" with the accused named',
      'Kovacs accused Lind of breaking the ceasefire.',
      'REJECTED',
      [[KOVACS, CEASEFIRE]],
    ],
    ['"sought to"', 'Kovacs sought to reassure Lind.', 'PROPOSED', []],
    ['"seeking" without an event sought', 'Kovacs is seeking a lever against Lind.', 'PROPOSED', []],
    ['"seeking" an event', 'Kovacs is seeking a ceasefire.', 'PROPOSED', [[KOVACS, CEASEFIRE]]],
    ['"suggested" reporting a view', 'Kovacs suggested his position remained unchanged.', 'PROPOSED', []],
    [
      '"suggested" with a modal',
      'Kovacs suggested that the ceasefire should start on Monday.',
      'PROPOSED',
      [[KOVACS, CEASEFIRE]],
    ],
    ['"suggested" with a gerund', 'Kovacs suggested extending the ceasefire.', 'PROPOSED', [[KOVACS, CEASEFIRE]]],
  ] as const)('decide %s', (_name, text, type, expected) => {
    expect(found(text, type)).toEqual(expected);
  });
});
