import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphFileError } from '../../src/errors.js';
import { GraphBuilder, countByKind, fromSerialized, readGraphFile, serializeGraph } from '../../src/graph/index.js';
import type { ArticleEntity, ArticleRelation, Extraction } from '../../src/types.js';

const person = (key: string, name: string, article: string, aliases: string[] = []): ArticleEntity => ({
  key,
  label: 'Person',
  name,
  aliases,
  mentions: [{ article, start: 0, end: name.length, text: name }],
});

const said = (source: string, target: string, quote: string, article: string): ArticleRelation => ({
  type: 'SAID',
  source,
  target,
  quote,
  evidence: { article, sentence: `"${quote}," she said.`, start: 0, end: quote.length + 12 },
});

function extraction(id: string, entities: ArticleEntity[], relations: ArticleRelation[]): Extraction {
  return { article: { id, path: id, title: id }, entities, relations };
}

const a1 = extraction(
  'a1',
  [person('p1', 'Kaja Kallas', 'a1', ['Ms Kallas']), person('p2', 'Antony Blinken', 'a1')],
  [said('p1', 'p2', 'We stand together', 'a1')],
);
const a2 = extraction(
  'a2',
  [person('x', 'Kallas', 'a2'), person('y', 'Antony Blinken', 'a2')],
  [said('x', 'y', 'Support will continue', 'a2')],
);

describe('GraphBuilder', () => {
  it('merges one entity seen in two articles into one node that keeps every surface form and article', () => {
    const b = new GraphBuilder();
    b.add(a1);
    b.add(a2);
    const g = b.graph;
    expect(g.order).toBe(2);
    const kallas = g.findNode((_k, a) => a.aliases.includes('Kallas'))!;
    expect(g.getNodeAttributes(kallas)).toMatchObject({
      name: 'Kaja Kallas',
      aliases: ['Kaja Kallas', 'Kallas', 'Ms Kallas'],
      articles: ['a1', 'a2'],
    });
  });

  it('keeps one edge per type, source and target, collecting quotes and evidence from every article', () => {
    const b = new GraphBuilder();
    b.add(a1);
    b.add(a2);
    expect(b.graph.size).toBe(1);
    const edge = b.graph.getEdgeAttributes(b.graph.edges()[0]!);
    expect(edge.quotes).toEqual(['We stand together', 'Support will continue']);
    expect(edge.evidence.map((e) => e.article)).toEqual(['a1', 'a2']);
    expect(countByKind(b.graph)).toEqual({ nodes: { Person: 2 }, edges: { SAID: 1 } });
  });

  it('keeps one MET_WITH edge per pair whichever article names whom first', () => {
    const met = (source: string, target: string, article: string): ArticleRelation => ({
      type: 'MET_WITH',
      source,
      target,
      status: 'occurred',
      evidence: { article, sentence: 'They met.', start: 0, end: 9 },
    });
    const b = new GraphBuilder();
    b.add(
      extraction('m1', [person('a', 'Kaja Kallas', 'm1'), person('b', 'Antony Blinken', 'm1')], [met('a', 'b', 'm1')]),
    );
    b.add(
      extraction('m2', [person('a', 'Kaja Kallas', 'm2'), person('b', 'Antony Blinken', 'm2')], [met('b', 'a', 'm2')]),
    );
    expect(b.graph.size).toBe(1);
    expect(b.graph.getEdgeAttributes(b.graph.edges()[0]!).evidence).toHaveLength(2);
  });

  it('drops relations whose ends are not entities of the article', () => {
    const b = new GraphBuilder();
    b.add(extraction('a3', [person('p', 'Jens Stoltenberg', 'a3')], [said('p', 'ghost', 'x', 'a3')]));
    expect(b.graph.size).toBe(0);
  });
});

describe('graph.json', () => {
  it('serialises the same graph to the same bytes whatever the insertion order', () => {
    const one = new GraphBuilder();
    one.add(a1);
    one.add(a2);
    const two = new GraphBuilder();
    two.add(a1);
    two.add(a2);
    two.graph.forEachNode((k, a) => two.graph.replaceNodeAttributes(k, { ...a, mentions: [...a.mentions].reverse() }));
    expect(serializeGraph(two.graph)).toBe(serializeGraph(one.graph));
  });

  it('reads back what it wrote', () => {
    const b = new GraphBuilder();
    b.add(a1);
    const back = fromSerialized(JSON.parse(serializeGraph(b.graph)));
    expect(back.order).toBe(2);
    expect(back.getAttribute('articles')).toHaveProperty('a1');
  });

  it.each([
    ['not JSON', '{"nodes": ['],
    ['not an object', '42'],
    ['no nodes', '{"edges": []}'],
    ['an unknown label', '{"nodes":[{"key":"a","attributes":{"label":"Alien","name":"x"}}],"edges":[]}'],
    ['an edge to a missing node', '{"nodes":[],"edges":[{"source":"a","target":"b","attributes":{"type":"SAID"}}]}'],
  ])('rejects a graph file with %s, naming the file', async (_what, text) => {
    const path = join(mkdtempSync(join(tmpdir(), 'ng-')), 'bad-graph.json');
    writeFileSync(path, text);
    const err = await readGraphFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphFileError);
    expect((err as Error).message).toContain('bad-graph.json');
  });

  it('names a missing graph file', async () => {
    const err = await readGraphFile('/nonexistent/graph.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphFileError);
  });
});
