/**
 * The csv export re-read by an RFC 4180 parser (csv-parse): neo4j-admin headers, and
 * the same nodes, labels, relationships and properties `newsgraph push` writes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/sinks/exports/index.js';
import type { KnowledgeGraph } from '../../src/types.js';
import { TRICKY_NAMES, trickyGraph } from './fixture.js';

type Row = Record<string, unknown>;

/** Decodes one CSV record by its neo4j-admin header: `name:type` → typed value; empty fields are absent. */
function decode(
  record: Record<string, string>,
  delimiter: string,
): { id?: string; labels?: string[]; start?: string; end?: string; type?: string; props: Row } {
  const out: ReturnType<typeof decode> = { props: {} };
  for (const [header, value] of Object.entries(record)) {
    if (value === '') continue;
    const [name, type = 'string'] = header.split(':') as [string, string | undefined];
    if (type === 'ID') {
      out.id = value;
      out.props[name] = value;
    } else if (type === 'LABEL') out.labels = value.split(delimiter);
    else if (type === 'START_ID') out.start = value;
    else if (type === 'END_ID') out.end = value;
    else if (type === 'TYPE') out.type = value;
    else if (type === 'string[]') out.props[name] = value.split(delimiter);
    else if (type === 'int[]') out.props[name] = value.split(delimiter).map(Number);
    else if (type === 'int') out.props[name] = Number(value);
    else out.props[name] = value;
  }
  return out;
}

const compact = (o: Row): Row =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

describe.each([
  ['the default delimiter U+001F', undefined, '\u001f'],
  ['a chosen delimiter', '¦', '¦'],
])('a csv export with %s', (_name, arrayDelimiter, delimiter) => {
  let dir: string;
  let graph: KnowledgeGraph;
  let nodes: ReturnType<typeof decode>[];
  let rels: ReturnType<typeof decode>[];
  let nodeHeader: string;
  let relHeader: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsgraph-csv-'));
    graph = trickyGraph();
    const result = await exportGraph(graph, { format: 'csv', out: join(dir, 'csv'), arrayDelimiter });
    expect(result.files.map((f) => f.slice(result.path.length + 1))).toEqual(['nodes.csv', 'relationships.csv']);
    const read = async (name: string) => {
      const text = await readFile(join(result.path, name), 'utf8');
      return {
        header: text.slice(0, text.indexOf('\n')),
        rows: parseCsv<Record<string, string>>(text, { columns: true }).map((r) => decode(r, delimiter)),
      };
    };
    ({ header: nodeHeader, rows: nodes } = await read('nodes.csv'));
    ({ header: relHeader, rows: rels } = await read('relationships.csv'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('has neo4j-admin import headers', () => {
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodeHeader).toBe(
      'id:ID,:LABEL,name,aliases:string[],articles:string[],mentionCount:int,date,place,title,url,source',
    );
    expect(relHeader).toBe(
      ':START_ID,:END_ID,:TYPE,key,articles:string[],sentences:string[],starts:int[],ends:int[],evidenceCount:int,status,event,eventName,quote,quotes:string[],what,whats:string[],date,count:int,texts:string[]',
    );
  });

  it('has one Entity node per graph node, labelled Entity and its kind, with its properties', () => {
    const entities = nodes.filter((n) => n.labels?.includes('Entity'));
    expect(entities.map((n) => n.id).sort()).toEqual(graph.nodes().sort());
    for (const n of entities) {
      const a = graph.getNodeAttributes(n.id!);
      expect(n.labels).toEqual(['Entity', a.label]);
      expect(n.props).toEqual(
        compact({
          id: n.id,
          name: a.name,
          aliases: a.aliases,
          articles: a.articles,
          mentionCount: a.mentions.length,
          date: a.date,
          place: a.place,
        }),
      );
    }
    expect(entities.map((n) => n.props.name)).toEqual(expect.arrayContaining(TRICKY_NAMES));
  });

  it('has one Article node per article, with its metadata', () => {
    const articles = nodes.filter((n) => n.labels?.includes('Article'));
    expect(articles.map((n) => n.props)).toEqual([
      { id: 'a/1.txt', title: 'Ein "Titel"', date: '2025-08-15' },
      { id: 'b/2.txt' },
    ]);
  });

  it('has one relationship per fact, evidence zipping back into the evidence records', () => {
    const facts = rels.filter((r) => r.type !== 'MENTIONED_IN');
    expect(facts).toHaveLength(graph.size);
    for (const r of facts) {
      const key = r.props.key as string;
      const a = graph.getEdgeAttributes(key);
      expect([r.start, r.end, r.type]).toEqual([graph.source(key), graph.target(key), a.type]);
      const {
        articles,
        sentences,
        starts,
        ends,
        evidenceCount,
        eventName,
        key: _k,
        ...rest
      } = r.props as Record<string, never[]>;
      expect(
        articles!.map((article, i) => ({ article, sentence: sentences![i], start: starts![i], end: ends![i] })),
      ).toEqual(a.evidence);
      expect(evidenceCount).toBe(a.evidence.length);
      expect(eventName).toBe(a.event ? graph.getNodeAttribute(a.event, 'name') : undefined);
      const { type: _t, evidence: _e, ...expected } = a;
      expect(rest).toEqual(compact(expected));
    }
  });

  it('has a MENTIONED_IN relationship from each entity to each article it is mentioned in', () => {
    const mentions = rels.filter((r) => r.type === 'MENTIONED_IN');
    const expected: Row[] = [];
    graph.forEachNode((k, a) => {
      for (const article of new Set([...a.mentions.map((m) => m.article), ...a.articles])) {
        const ms = a.mentions.filter((m) => m.article === article);
        expected.push({ start: k, end: article, count: ms.length, texts: [...new Set(ms.map((m) => m.text))].sort() });
      }
    });
    const got = mentions.map((r) =>
      compact({ start: r.start, end: r.end, count: r.props.count, texts: r.props.texts }),
    );
    expect(got).toEqual(expected.map(compact));
  });
});

describe('the array delimiter inside a value', () => {
  it('becomes a space in array elements, and stays in plain strings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsgraph-csv-'));
    try {
      const graph = trickyGraph();
      const result = await exportGraph(graph, { format: 'csv', out: join(dir, 'csv'), arrayDelimiter: '|' });
      const rows = parseCsv<Record<string, string>>(await readFile(join(result.path, 'nodes.csv'), 'utf8'), {
        columns: true,
      });
      const smith = rows.find((r) => r['id:ID']!.startsWith('Person:Smith'))!;
      expect(smith.name).toBe('Smith; Jones, & <Partners> | Co 🙂');
      expect(smith['aliases:string[]']!.split('|')).toEqual([
        'Smith; Jones, & <Partners>   Co 🙂',
        'Smith; Jones, & <Partners>   Co 🙂 (alias; 6)',
        'x y',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
