/** Small knowledge graphs made in code for the Neo4j tests: two articles, then a third that adds to them. */
import { createGraph } from '../../src/graph/build.js';
import { seededRandom } from '../../src/graph/layout.js';
import type { EntityLabel, KnowledgeGraph, RelationAttrs } from '../../src/types.js';

function node(
  g: KnowledgeGraph,
  label: EntityLabel,
  name: string,
  articles: string[],
  aliases: string[] = [name],
): string {
  const key = `${label}:${name.toLowerCase()}`;
  g.addNode(key, {
    label,
    name,
    aliases,
    articles,
    mentions: articles.map((article, i) => ({ article, start: i * 10, end: i * 10 + name.length, text: name })),
  });
  return key;
}

function edge(g: KnowledgeGraph, source: string, target: string, attrs: RelationAttrs): void {
  g.addDirectedEdgeWithKey(`${attrs.type}:${source}->${target}`, source, target, attrs);
}

const ev = (article: string, sentence: string) => ({ article, sentence, start: 0, end: sentence.length });

/** Biden met Zelensky in Kyiv (a1); Zelensky said something and proposed a peace formula that Russia rejected (a2). With `more`, a third article adds Macron. */
export function sampleGraph(more = false): KnowledgeGraph {
  const g = createGraph();
  const articles = g.getAttribute('articles');
  articles['a1.txt'] = {
    id: 'a1.txt',
    path: 'a1.txt',
    title: 'Biden visits Kyiv',
    date: '2023-02-20',
    url: 'https://example.org/a1',
    source: 'example',
  };
  articles['a2.txt'] = { id: 'a2.txt', path: 'a2.txt', title: 'Peace formula', date: '2023-03-01', source: 'example' };
  const biden = node(g, 'Person', 'Joe Biden', ['a1.txt'], ['Biden', 'Joe Biden', 'President Biden']);
  const zelensky = node(
    g,
    'Person',
    'Volodymyr Zelensky',
    ['a1.txt', 'a2.txt'],
    ['Volodymyr Zelensky', 'Zelensky', 'Zelenskyy'],
  );
  const russia = node(g, 'Country', 'Russia', ['a2.txt']);
  const ukraine = node(g, 'Country', 'Ukraine', ['a1.txt', 'a2.txt']);
  const kyiv = node(g, 'Place', 'Kyiv', ['a1.txt']);
  const visit = node(g, 'Event', 'Kyiv visit', ['a1.txt']);
  g.setNodeAttribute(visit, 'date', '2023-02-20');
  g.setNodeAttribute(visit, 'place', 'Kyiv');
  const un = node(g, 'Organization', 'United Nations', ['a2.txt'], ['UN', 'United Nations']);
  edge(g, biden, zelensky, {
    type: 'MET_WITH',
    evidence: [ev('a1.txt', 'Biden met Zelensky in Kyiv on Monday.')],
    status: 'occurred',
    event: visit,
    date: '2023-02-20',
  });
  edge(g, biden, visit, { type: 'PARTICIPATED_IN', evidence: [ev('a1.txt', 'Biden met Zelensky in Kyiv on Monday.')] });
  edge(g, zelensky, visit, {
    type: 'PARTICIPATED_IN',
    evidence: [ev('a1.txt', 'Biden met Zelensky in Kyiv on Monday.')],
  });
  edge(g, zelensky, un, {
    type: 'SAID',
    evidence: [ev('a2.txt', '"Peace is possible," Zelensky told the UN.')],
    quote: 'Peace is possible',
    quotes: ['Peace is possible'],
    date: '2023-03-01',
  });
  edge(g, zelensky, ukraine, {
    type: 'PROPOSED',
    evidence: [ev('a2.txt', 'Zelensky proposed a ten-point peace formula.')],
    what: 'a ten-point peace formula',
    whats: ['a ten-point peace formula'],
  });
  edge(g, russia, zelensky, {
    type: 'REJECTED',
    evidence: [ev('a2.txt', 'Russia rejected the peace formula.')],
    what: 'the peace formula',
    whats: ['the peace formula'],
  });
  void kyiv;
  if (more) {
    articles['a3.txt'] = { id: 'a3.txt', path: 'a3.txt', title: 'Macron in Kyiv', date: '2023-05-01' };
    const macron = node(g, 'Person', 'Emmanuel Macron', ['a3.txt'], ['Emmanuel Macron', 'Macron']);
    g.setNodeAttribute(zelensky, 'articles', ['a1.txt', 'a2.txt', 'a3.txt']);
    g.getNodeAttributes(zelensky).mentions.push({ article: 'a3.txt', start: 0, end: 8, text: 'Zelensky' });
    edge(g, macron, zelensky, {
      type: 'MET_WITH',
      evidence: [ev('a3.txt', 'Macron met Zelensky.')],
      status: 'occurred',
      date: '2023-05-01',
    });
  }
  return g;
}

/** A synthetic graph of `nodes` people and `edges` MET_WITH/SAID facts over `articles` articles (seeded, deterministic). */
export function syntheticGraph(nodes: number, edges: number, articleCount = 100, seed = 1): KnowledgeGraph {
  const rand = seededRandom(seed);
  const g = createGraph();
  const articles = g.getAttribute('articles');
  for (let i = 0; i < articleCount; i++)
    articles[`doc-${i}.txt`] = { id: `doc-${i}.txt`, path: `doc-${i}.txt`, title: `Article ${i}`, date: '2024-01-01' };
  const keys: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const a = `doc-${Math.floor(rand() * articleCount)}.txt`;
    keys.push(node(g, i % 5 === 0 ? 'Country' : 'Person', `Actor ${i}`, [a]));
  }
  const types = ['MET_WITH', 'SAID', 'PROPOSED', 'REJECTED'] as const;
  let made = 0;
  while (made < edges) {
    const s = keys[Math.floor(rand() * keys.length)]!;
    const t = keys[Math.floor(rand() * keys.length)]!;
    const type = types[made % types.length]!;
    if (s === t || g.hasEdge(`${type}:${s}->${t}`)) continue;
    const art = `doc-${Math.floor(rand() * articleCount)}.txt`;
    edge(g, s, t, {
      type,
      evidence: [ev(art, `Sentence ${made} about ${s} and ${t}.`)],
      ...(type === 'SAID' ? { quote: `Quote ${made}`, quotes: [`Quote ${made}`] } : {}),
    });
    made++;
  }
  return g;
}
