import { describe, expect, it } from 'vitest';
import { buildGraphFromExtractions, GraphBuilder } from '../../src/graph/index.js';
import { parseJudgements, planJudgements } from '../../src/resolve/judgements.js';
import type { ArticleEntity, Extraction } from '../../src/types.js';

const person = (article: string, name: string): ArticleEntity => ({
  key: `Person:${name.toLowerCase()}`,
  label: 'Person',
  name,
  aliases: [],
  mentions: [{ article, start: 0, end: name.length, text: name }],
});
const extraction = (id: string, ...entities: ArticleEntity[]): Extraction => ({
  article: { id, path: id },
  entities,
  relations: [],
});

describe('parseJudgements', () => {
  it('reads every kind and reports each bad line by number', () => {
    const { judgements, problems } = parseJudgements(
      [
        '{"judgement":"same","ids":["person:a","person:b"],"note":"one person"}',
        '',
        '{"judgement":"split","id":"person:a","names":["Tomas Vale"]}',
        '{"judgement":"relabel","id":"person:a","label":"Nation"}',
        '{"judgement":"same","ids":["person:a"]}',
        '[1,2]',
        '{oops',
      ].join('\n'),
    );
    expect(judgements.map((j) => [j.line, j.judgement.judgement])).toEqual([
      [1, 'same'],
      [3, 'split'],
    ]);
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 7]);
    expect(problems[0]!.message).toMatch(/label/);
  });
});

describe('planJudgements', () => {
  it('follows chains of "same" to the first id', () => {
    const { judgements } = parseJudgements(
      '{"judgement":"same","ids":["person:b","person:c"]}\n{"judgement":"same","ids":["person:a","person:b"]}',
    );
    const plan = planJudgements(judgements);
    expect(plan.apply('person:c', { label: 'Person', name: 'C' }).key).toBe('person:a');
  });
});

describe('judgements in the graph builder', () => {
  it('splits the entities of a node known by a name into a node of their own', () => {
    // Automatic resolution merges "Arno Vale" and "A. Vale"; the user knows A. Vale is someone else.
    const corpus = [extraction('a1', person('a1', 'Arno Vale')), extraction('a2', person('a2', 'A. Vale'))];
    const before = buildGraphFromExtractions(corpus);
    expect(before.nodes()).toEqual(['person:arno-vale']);
    const { judgements } = parseJudgements('{"judgement":"split","id":"person:arno-vale","names":["A. Vale"]}');
    const builder = new GraphBuilder(undefined, judgements);
    for (const x of corpus) builder.add(x);
    expect(builder.graph.nodes().sort()).toEqual(['person:a-vale', 'person:arno-vale']);
    expect(builder.judgementProblems).toEqual([]);
  });

  it('leaves out a judgement naming an unknown node and reports its line', () => {
    const { judgements } = parseJudgements(
      '{"judgement":"not-entity","id":"person:arno-vale"}\n{"judgement":"not-entity","id":"person:nobody"}',
    );
    const builder = new GraphBuilder(undefined, judgements);
    builder.add(extraction('a1', person('a1', 'Arno Vale'), person('a1', 'Anna Kovacs')));
    expect(builder.graph.nodes()).toEqual(['person:anna-kovacs']);
    expect(builder.judgementProblems.map((p) => p.line)).toEqual([2]);
  });
});
