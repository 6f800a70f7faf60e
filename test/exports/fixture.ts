/**
 * A small graph whose names and texts hold everything that breaks naive writers:
 * quotes of both kinds, backslashes (also before a quote), line breaks, tabs, commas,
 * semicolons, pipes, XML specials, leading spaces, non-Latin scripts and emoji; dated
 * and undated facts, full and partial dates. Shared by every export round trip.
 */
import { createGraph } from '../../src/graph/index.js';
import type { KnowledgeGraph } from '../../src/types.js';

export const TRICKY_NAMES = [
  `Sergei "The Fox" O'Brien`,
  'C:\\path\\to\\"name"\\',
  'Line one\nline two\r\nthree\tTabbed',
  'Володимир Зеленський',
  'محمد بن سلمان',
  '习近平',
  'Smith; Jones, & <Partners> | Co 🙂',
  '  leading and trailing  ',
  "MATCH (n) DETACH DELETE n; // '",
];

export function trickyGraph(): KnowledgeGraph {
  const g = createGraph();
  g.setAttribute('name', 'tricky "graph"\n');
  g.getAttribute('articles')['a/1.txt'] = {
    id: 'a/1.txt',
    path: '/tmp/a/1.txt',
    title: 'Ein "Titel"',
    date: '2025-08-15',
  };
  g.getAttribute('articles')['b/2.txt'] = { id: 'b/2.txt', path: '/tmp/b/2.txt' };
  TRICKY_NAMES.forEach((name, i) => {
    g.addNode(`Person:${name}`, {
      label: 'Person',
      name,
      aliases: [name, `${name} (alias; ${i})`, 'x|y'],
      mentions: [{ article: 'a/1.txt', start: i, end: i + name.length, text: name }],
      articles: ['a/1.txt'],
    });
  });
  g.addNode('Country:ukraine', {
    label: 'Country',
    name: 'Україна',
    aliases: ['Ukraine', 'Україна'],
    mentions: [],
    articles: ['b/2.txt'],
  });
  g.addNode('Organization:nato', { label: 'Organization', name: 'NATO', aliases: [], mentions: [], articles: [] });
  g.addNode('Event:summit', {
    label: 'Event',
    name: 'Alaska "summit"',
    aliases: ['Alaska summit'],
    mentions: [{ article: 'a/1.txt', start: 0, end: 6, text: 'summit' }],
    articles: ['a/1.txt'],
    date: '2025-08',
    place: 'Anchorage, Alaska',
  });
  g.addNode('Place:kyiv', {
    label: 'Place',
    name: 'Київ',
    aliases: [],
    mentions: [],
    articles: ['b/2.txt'],
    date: '2025',
    x: 1.5,
    y: -2,
    size: 3,
  });

  const people = TRICKY_NAMES.map((n) => `Person:${n}`);
  const ev = (sentence: string, start = 0) => ({ article: 'a/1.txt', sentence, start, end: start + sentence.length });
  people.forEach((p, i) => {
    const next = people[(i + 1) % people.length]!;
    g.addDirectedEdgeWithKey(`MET_WITH:${p}->${next}`, p, next, {
      type: 'MET_WITH',
      evidence: [ev(`${TRICKY_NAMES[i]} met ${TRICKY_NAMES[(i + 1) % people.length]}.`, i), ev('Again; "again".', 100)],
      status: i % 2 ? 'planned' : 'occurred',
      event: 'Event:summit',
      date: i % 3 === 0 ? '2025-08-15' : undefined,
    } as never);
    g.addDirectedEdgeWithKey(`PARTICIPATED_IN:${p}->Event:summit`, p, 'Event:summit', {
      type: 'PARTICIPATED_IN',
      evidence: [ev('They took part.')],
      date: '2025-08',
    });
  });
  g.addDirectedEdgeWithKey(`SAID:${people[0]}->Country:ukraine`, people[0]!, 'Country:ukraine', {
    type: 'SAID',
    evidence: [ev('He said: "No\\way".')],
    quote: 'No\\way, "never";\nnot ever',
    quotes: ['No\\way, "never";\nnot ever', 'Ніколи, 永不'],
    date: '2025-08-15',
  });
  g.addDirectedEdgeWithKey(`PROPOSED:${people[3]}->Organization:nato`, people[3]!, 'Organization:nato', {
    type: 'PROPOSED',
    evidence: [ev('A proposal.')],
    what: 'a ceasefire, then <talks> & "peace"',
    whats: ['a ceasefire, then <talks> & "peace"'],
  });
  g.addDirectedEdgeWithKey(`REJECTED:${people[4]}->Place:kyiv`, people[4]!, 'Place:kyiv', {
    type: 'REJECTED',
    evidence: [ev('Rejected.')],
    what: 'it',
    whats: ['it'],
  });
  // graphology keeps undefined attributes; drop them so comparisons see what was meant.
  g.forEachEdge((e, a) => {
    for (const k of Object.keys(a) as (keyof typeof a)[]) if (a[k] === undefined) g.removeEdgeAttribute(e, k);
  });
  return g;
}
