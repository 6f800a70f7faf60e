/**
 * Every file format, re-read by a real parser (graphology-gexf, graphology-graphml,
 * csv-parse, JSON), gives back the same nodes, edges and attributes, including names
 * with quotes, backslashes, line breaks and non-Latin scripts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportGraph, type ExportFormatId } from '../../src/sinks/exports/index.js';
import { LABEL_COLORS } from '../../src/sinks/exports/style.js';
import { PAYLOAD_GLOBAL } from '../../src/sinks/viewer/index.js';
import type {
  EntityAttrs,
  Evidence,
  KnowledgeGraph,
  RelationAttrs,
  SerializedKnowledgeGraph,
} from '../../src/types.js';
import { TRICKY_NAMES, trickyGraph } from './fixture.js';

const { MultiDirectedGraph } = graphology;

type Attrs = Record<string, unknown>;
interface ReadBack {
  nodes: Map<string, Attrs>;
  edges: Map<string, { source: string; target: string; attributes: Attrs }>;
}

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'newsgraph-export-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const definedOnly = (a: object): Attrs => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));

function fromGraphology(g: {
  forEachNode(cb: (k: string, a: Attrs) => void): void;
  forEachEdge(cb: (k: string, a: Attrs, source: string, target: string) => void): void;
}): ReadBack {
  const nodes = new Map<string, Attrs>();
  const edges: ReadBack['edges'] = new Map();
  g.forEachNode((k: string, a: Attrs) => nodes.set(k, a));
  g.forEachEdge((k: string, a: Attrs, source: string, target: string) =>
    edges.set(k, { source, target, attributes: a }),
  );
  return { nodes, edges };
}

function rgb(label: string): string {
  const c = LABEL_COLORS[label as EntityAttrs['label']];
  return `rgb(${c.r},${c.g},${c.b})`;
}

/** Reads a GEXF file back into newsgraph's attribute names. */
function readGexf(text: string): ReadBack {
  const back = fromGraphology(gexf.parse(MultiDirectedGraph, text));
  for (const [k, a] of back.nodes) {
    const { label, type, mentions, color, ...rest } = a;
    expect(color, `colour of ${k}`).toBe(rgb(type as string));
    back.nodes.set(k, { ...rest, label: type, name: label, mentions: JSON.parse(mentions as string) });
  }
  for (const [k, e] of back.edges) {
    const { label, kind, weight, evidence, ...rest } = e.attributes;
    expect(label).toBe(kind);
    const parsed = JSON.parse(evidence as string) as Evidence[];
    expect(weight).toBe(parsed.length);
    back.edges.set(k, { ...e, attributes: { ...rest, type: kind, evidence: parsed } });
  }
  return back;
}

/** Reads a GraphML file back into newsgraph's attribute names. */
function readGraphml(text: string): ReadBack {
  const back = fromGraphology(graphml.parse(MultiDirectedGraph, text));
  const LISTS = ['aliases', 'articles', 'mentions', 'quotes', 'whats', 'evidence'];
  const unjson = (a: Attrs) =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, LISTS.includes(k) ? JSON.parse(v as string) : v]));
  for (const [k, a] of back.nodes) {
    const { label, type, color, ...rest } = a;
    const c = LABEL_COLORS[type as EntityAttrs['label']];
    expect(color, `colour of ${k}`).toBe('#' + [c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, '0')).join(''));
    back.nodes.set(k, { ...unjson(rest), label: type, name: label });
  }
  for (const [k, e] of back.edges) {
    const { label, weight, ...rest } = e.attributes;
    const attributes = unjson(rest);
    expect(label).toBe(attributes.type);
    expect(weight).toBe((attributes.evidence as unknown[]).length);
    back.edges.set(k, { ...e, attributes });
  }
  return back;
}

function readJson(text: string): ReadBack {
  const g = new MultiDirectedGraph();
  g.import(JSON.parse(text));
  return fromGraphology(g);
}

function readJsonl(text: string): ReadBack {
  const back: ReadBack = { nodes: new Map(), edges: new Map() };
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  expect(JSON.parse(lines[0]!).kind).toBe('graph');
  for (const line of lines.slice(1)) {
    const item = JSON.parse(line);
    if (item.kind === 'node') back.nodes.set(item.key, item.attributes);
    else back.edges.set(item.key, { source: item.source, target: item.target, attributes: item.attributes });
  }
  return back;
}

type Reader = (path: string) => Promise<ReadBack>;

/**
 * How each registry format is read back into the graph, or where it is checked instead (a
 * Record: a new format does not type-check until it says which).
 */
const READ_BACK: Record<ExportFormatId, Reader | { checkedIn: string }> = {
  gexf: async (p) => readGexf(await readFile(p, 'utf8')),
  graphml: async (p) => readGraphml(await readFile(p, 'utf8')),
  json: async (p) => readJson(await readFile(p, 'utf8')),
  jsonl: async (p) => readJsonl(await readFile(p, 'utf8')),
  csv: { checkedIn: 'csv.test.ts (csv-parse) and test/neo4j/exports-csv, exports-admin-import' },
  cypher: { checkedIn: 'test/neo4j/exports-cypher (run against Neo4j)' },
  html: { checkedIn: 'the html export below, and test/viewer (in Chromium)' },
};

const FORMATS = EXPORT_FORMATS.flatMap((f) => {
  const read = READ_BACK[f.id];
  return typeof read === 'function' ? [{ format: f.id, out: `graph${f.extensions[0]}`, read }] : [];
});

describe.each(FORMATS)('a $format export re-read by its parser', ({ format, out, read }) => {
  let graph: KnowledgeGraph;
  let back: ReadBack;
  beforeAll(async () => {
    graph = trickyGraph();
    const result = await exportGraph(graph, { format, out: join(dir, out) });
    expect(result.files).toEqual([result.path]);
    back = await read(result.path);
  });

  it('has the same node keys and the same edge keys, sources and targets', () => {
    expect([...back.nodes.keys()].sort()).toEqual(graph.nodes().sort());
    expect([...back.edges.keys()].sort()).toEqual(graph.edges().sort());
    graph.forEachEdge((e, _a, s, t) => expect([back.edges.get(e)?.source, back.edges.get(e)?.target]).toEqual([s, t]));
  });

  it('gives every node its attributes back, tricky names included', () => {
    graph.forEachNode((k, a) => expect(back.nodes.get(k), k).toEqual(definedOnly(a)));
    const names = [...back.nodes.values()].map((a) => a.name);
    for (const name of TRICKY_NAMES) expect(names).toContain(name);
  });

  it('gives every edge its attributes back: type, status, dates, quotes, proposals and evidence', () => {
    graph.forEachEdge((k, a: RelationAttrs) => expect(back.edges.get(k)?.attributes, k).toEqual(definedOnly(a)));
  });
});

describe('layout in the drawing formats', () => {
  it.each(['gexf', 'graphml'] as const)(
    '%s: a graph without positions is laid out before it is written',
    async (format) => {
      const graph = trickyGraph();
      await exportGraph(graph, { format, out: join(dir, `laid-out.${format}`) });
      graph.forEachNode((_k, a) => {
        expect(Number.isFinite(a.x) && Number.isFinite(a.y) && Number.isFinite(a.size)).toBe(true);
      });
    },
  );

  it('layout: false leaves positions out (and the graph untouched)', async () => {
    const graph = trickyGraph();
    const path = join(dir, 'no-layout.gexf');
    await exportGraph(graph, { format: 'gexf', out: path, layout: false });
    expect(graph.getNodeAttribute('Country:ukraine', 'x')).toBeUndefined();
    const text = await readFile(path, 'utf8');
    // Only the one node that had a position carries viz:position.
    expect(text.match(/<viz:position /g)).toHaveLength(1);
  });
});

describe('GEXF time attributes for Gephi’s timeline', () => {
  let text: string;
  beforeAll(async () => {
    const path = join(dir, 'timeline.gexf');
    await exportGraph(trickyGraph(), { format: 'gexf', out: path, layout: false });
    text = await readFile(path, 'utf8');
  });

  it('declares a dynamic graph with dates as its time format', () => {
    expect(text).toMatch(
      /<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">/,
    );
  });

  it.each([
    ['an event dated to a month spans the month', /<node id="Event:summit" [^>]*start="2025-08-01" end="2025-08-31">/],
    ['a place dated to a year spans the year', /<node id="Place:kyiv" [^>]*start="2025-01-01" end="2025-12-31">/],
    ['a relationship dated to a day lasts the day', /<edge id="SAID:[^"]*" [^>]*start="2025-08-15" end="2025-08-15">/],
    ['an undated node has no time bounds (it always exists)', /<node id="Country:ukraine" label="Україна">/],
  ])('%s', (_name, pattern) => {
    expect(text).toMatch(pattern);
  });
});

describe('the html export', () => {
  it('writes the explorer folder whose data script holds every node and edge, names intact', async () => {
    const graph = trickyGraph();
    const result = await exportGraph(graph, { format: 'html', out: join(dir, 'explorer') });
    expect(result.files.map((f) => f.slice(result.path.length + 1))).toEqual([
      'graph-data.js',
      'index.html',
      'viewer.css',
      'viewer.js',
    ]);
    const data = await readFile(join(result.path, 'graph-data.js'), 'utf8');
    const window: Record<string, { graph: SerializedKnowledgeGraph }> = {};
    runInNewContext(data, { window, JSON });
    const payload = window[PAYLOAD_GLOBAL]!;
    expect(payload.graph.nodes.map((n: { key: string }) => n.key).sort()).toEqual(graph.nodes().sort());
    expect(payload.graph.edges).toHaveLength(graph.size);
    expect(payload.graph.nodes.map((n: { attributes: { name: string } }) => n.attributes.name)).toEqual(
      expect.arrayContaining(TRICKY_NAMES),
    );
  });
});
