import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relationExtractors } from '../../src/extract/relations/index.js';
import { RELATION_TYPES } from '../../src/types.js';
import { keyOf, makeContext, PEOPLE, type EntitySpec } from '../fixtures/relations/context.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/relations/whitehouse/${name}`, import.meta.url), 'utf8');

const WH_ENTITIES: EntitySpec[] = [
  { label: 'Person', names: ['Joseph R. Biden, Jr.', 'President Biden', 'Biden'] },
  { label: 'Person', names: ['Volodymyr Zelenskyy', 'President Zelenskyy', 'Zelenskyy'] },
  { label: 'Person', names: ['Kishida Fumio', 'Prime Minister Kishida', 'Kishida'] },
  { label: 'Country', names: ['United States', 'U.S.'] },
  { label: 'Country', names: ['Ukraine'] },
  { label: 'Country', names: ['Russia'] },
  { label: 'Country', names: ['Japan'] },
];
const BIDEN = keyOf('Person', 'Joseph R. Biden, Jr.');

const SAMPLES: [string, string, EntitySpec[]][] = [
  ['a White House call readout', fixture('biden-zelenskyy-call.txt'), WH_ENTITIES],
  ['a White House meeting readout', fixture('biden-kishida-meeting.txt'), WH_ENTITIES],
  [
    'a news-style paragraph set',
    'Kovacs met Lind at the summit.\n"We talked about the truce," Kovacs said. "Nothing is agreed."\nLind rejected a ceasefire.',
    PEOPLE,
  ],
];

function run(text: string, entities: EntitySpec[]) {
  const ctx = makeContext(text, entities, '2022-01-27');
  for (const x of relationExtractors) x.run(ctx);
  return ctx;
}

describe.each(relationExtractors.map((x) => [x.id, x] as const))('extractor %s', (_id, extractor) => {
  it.each(SAMPLES)('emits well-formed relations on %s', (_name, text, entities) => {
    const ctx = makeContext(text, entities, '2022-01-27');
    for (const x of relationExtractors) {
      x.run(ctx);
      if (x === extractor) break;
    }
    for (const r of ctx.relations) {
      expect(RELATION_TYPES).toContain(r.type);
      expect(ctx.entities.has(r.source)).toBe(true);
      expect(ctx.entities.has(r.target)).toBe(true);
      expect(r.source).not.toBe(r.target);
      expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.sentence);
      expect(r.date).toBe('2022-01-27');
    }
  });
});

describe('relation extraction as a whole', () => {
  it.each(SAMPLES)('is deterministic on %s', (_name, text, entities) => {
    expect(JSON.stringify(run(text, entities).relations)).toBe(JSON.stringify(run(text, entities).relations));
  });

  it.each([
    ['biden-zelenskyy-call.txt', keyOf('Person', 'Volodymyr Zelenskyy')],
    ['biden-kishida-meeting.txt', keyOf('Person', 'Kishida Fumio')],
  ])('finds the meeting a readout reports (%s)', (file, other) => {
    const met = run(fixture(file), WH_ENTITIES).relations.filter((r) => r.type === 'MET_WITH');
    expect(met.map((r) => [r.source, r.target].sort())).toContainEqual([BIDEN, other].sort());
    expect(met.every((r) => r.status === 'occurred')).toBe(true);
  });

  it('does not read a quoted principle in a readout as a statement', () => {
    const said = run(fixture('biden-zelenskyy-call.txt'), WH_ENTITIES).relations.filter((r) => r.type === 'SAID');
    expect(said).toEqual([]);
  });
});
