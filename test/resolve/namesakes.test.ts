/**
 * The namesakes case end to end (extract → resolve → graph), with invented names: a president
 * in one article, his mother and son in another, where the son and the mother must not absorb
 * the president's mentions and quotes.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { buildGraphFromExtractions } from '../../src/graph/index.js';

const articles = [
  {
    id: 'a.txt',
    text: 'Vale meets Kovacs\n\nPresident Arno Vale met Chancellor Anna Kovacs in Brevia on Friday. "We are united," Vale said.\n',
  },
  {
    id: 'b.txt',
    text: 'Vale remembers his mother\n\nPresident Vale spoke about his mother, Mira Lena Vale, and his son Tomas Vale. "She taught me everything," Vale said.\n',
  },
];

describe('namesakes across articles', () => {
  const graph = buildGraphFromExtractions(articles.map((a) => extractArticle({ ...a, path: a.id })));
  const persons = graph.filterNodes((_k, a) => a.label === 'Person').map((k) => graph.getNodeAttributes(k));
  const byName = (name: string) => persons.find((p) => p.name === name);

  it('keeps the mother and the son apart from the president and from each other', () => {
    expect(persons.map((p) => p.name).sort()).toEqual(['Anna Kovacs', 'Arno Vale', 'Mira Lena Vale', 'Tomas Vale']);
    expect(byName('Mira Lena Vale')!.aliases).toEqual(['Mira Lena Vale']);
    expect(byName('Tomas Vale')!.aliases).toEqual(['Tomas Vale']);
  });

  it('gives "President Vale" of the second article to the president of the first', () => {
    const president = byName('Arno Vale')!;
    expect(president.articles).toEqual(['a.txt', 'b.txt']);
    expect(president.aliases).toContain('President Vale');
  });

  it('credits both quotes to the president', () => {
    const said = graph
      .filterEdges((_k, a) => a.type === 'SAID')
      .map((k) => [graph.getNodeAttributes(graph.source(k)).name, graph.getEdgeAttributes(k).quote]);
    expect(said.sort()).toEqual([
      ['Arno Vale', 'She taught me everything'],
      ['Arno Vale', 'We are united'],
    ]);
  });
});

describe('names written family name first', () => {
  const graph = buildGraphFromExtractions(
    [
      {
        id: 'a.txt',
        text: 'Talks in Brevia\n\nPresident Lim Sung Ho met Chancellor Anna Kovacs on Friday. President Lim said the talks went well.\n',
      },
      { id: 'b.txt', text: 'A visit\n\nPresident Lim Sung Ho arrived in Vienna on Monday.\n' },
      {
        id: 'c.txt',
        text: 'A call\n\nPresident Lim spoke with Chancellor Anna Kovacs on Sunday. "We agree," Lim said.\n',
      },
    ].map((a) => extractArticle({ ...a, path: a.id })),
  );
  const persons = graph.filterNodes((_k, a) => a.label === 'Person').map((k) => graph.getNodeAttributes(k));

  it('read "President Lim" beside "Lim Sung Ho" as his family name, in every article', () => {
    const lim = persons.filter((p) => /Lim/.test(p.name));
    expect(lim.map((p) => [p.name, p.articles])).toEqual([['Lim Sung Ho', ['a.txt', 'b.txt', 'c.txt']]]);
  });
});

describe('an office before the full name', () => {
  const graph = buildGraphFromExtractions(
    [
      { id: 'a.txt', text: 'Talks\n\nPresident Peter Vale met Chancellor Anna Kovacs on Friday.\n' },
      { id: 'b.txt', text: 'A visit\n\nPresident Peter Vale arrived in Vienna on Monday.\n' },
      {
        id: 'c.txt',
        text: 'Remarks\n\nPresident Vale opened the summit on Monday. Later, Peter Vale met Chancellor Anna Kovacs.\n',
      },
    ].map((a) => extractArticle({ ...a, path: a.id })),
  );

  it('gives "President Vale", written before the article\'s "Peter Vale", to the president the corpus knows', () => {
    const vale = graph
      .filterNodes((_k, a) => a.label === 'Person' && /Vale/.test(a.name))
      .map((k) => graph.getNodeAttributes(k));
    expect(vale.map((p) => [p.name, p.articles])).toEqual([['Peter Vale', ['a.txt', 'b.txt', 'c.txt']]]);
  });
});
