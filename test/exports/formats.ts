/**
 * What the export tests know about each format, keyed by format id so that a format added
 * to the registry (EXPORT_FORMATS) does not type-check here until it has an entry: how to
 * count, with a parser of its own, the nodes and edges its output holds, and how its main
 * file starts. `exportCases()` turns the registry into test cases, one per shape a format
 * writes (html: a file and a folder).
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse as parseCsv } from 'csv-parse/sync';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { EXPORT_FORMATS, exportTarget, type ExportFormat } from '../../src/sinks/exports/index.js';
import type { ExportFormatId, ExportResult } from '../../src/sinks/exports/index.js';
import { PAYLOAD_GLOBAL } from '../../src/sinks/viewer/index.js';
import type { KnowledgeGraph, SerializedKnowledgeGraph } from '../../src/types.js';
import { trickyGraph } from './fixture.js';

const { MultiDirectedGraph } = graphology;

export interface Counts {
  nodes: number;
  edges: number;
}

/** How one shape of a format's output looks: the file to look at, how it starts, a line it holds. */
export interface Signature {
  /** The main file, relative to a folder output ('' for a file output). */
  main: string;
  first: string;
  contains: string;
}

export interface FormatSpec {
  /** Counts the nodes and edges in the output, read back by a parser that is not the writer. */
  count(result: ExportResult): Promise<Counts>;
  /** The signature of each shape the format writes. */
  file?: Signature;
  folder?: Signature;
}

const text = (path: string) => readFile(path, 'utf8');
const mainFile = (result: ExportResult, name: string) => (name ? join(result.path, name) : result.path);

/** The viewer's data script, run as the page would run it. */
function payloadOf(script: string): SerializedKnowledgeGraph {
  const window: Record<string, { graph: SerializedKnowledgeGraph }> = {};
  runInNewContext(script, { window, JSON });
  return window[PAYLOAD_GLOBAL]!.graph;
}

/** A Cypher string literal as the cypher export spells it: single quotes, backslash escapes. */
const CYPHER_STRING = String.raw`'(?:[^'\\]|\\.)*'`;

/**
 * Counts what a Cypher script creates, from its statements: a row of an `UNWIND … MERGE (n:…)`
 * statement is a node, a row of a statement that MERGEs `-[…]->` a relationship, and an article
 * a mention row points to that no Article row creates is a node its `MERGE (a:Article …)` makes.
 */
function countCypher(script: string): Counts {
  let nodes = 0;
  let edges = 0;
  const articleIds = new Set<string>();
  const mentioned = new Set<string>();
  for (const statement of script.split(';\n')) {
    const m = /UNWIND \[\n([\s\S]*)\n\] AS row\n([\s\S]*)$/.exec(statement);
    if (!m) continue;
    const rows = m[1]!.split(',\n');
    const tail = m[2]!;
    if (/\]->\(/.test(tail)) edges += rows.length;
    else nodes += rows.length;
    for (const row of rows) {
      if (tail.startsWith('MERGE (n:`Article`'))
        articleIds.add(new RegExp(`^\\{id: (${CYPHER_STRING})`).exec(row)![1]!);
      const article = new RegExp(`, article: (${CYPHER_STRING}),`).exec(row);
      if (tail.includes('MENTIONED_IN') && article) mentioned.add(article[1]!);
    }
  }
  for (const id of mentioned) if (!articleIds.has(id)) nodes++;
  return { nodes, edges };
}

export const FORMAT_SPECS: Record<ExportFormatId, FormatSpec> = {
  gexf: {
    async count(r) {
      const g = gexf.parse(MultiDirectedGraph, await text(r.path));
      return { nodes: g.order, edges: g.size };
    },
    file: { main: '', first: '<?xml', contains: '<gexf ' },
  },
  graphml: {
    async count(r) {
      const g = graphml.parse(MultiDirectedGraph, await text(r.path));
      return { nodes: g.order, edges: g.size };
    },
    file: { main: '', first: '<?xml', contains: '<graphml ' },
  },
  csv: {
    async count(r) {
      const rows = async (name: string) => parseCsv(await text(join(r.path, name))).length - 1;
      return { nodes: await rows('nodes.csv'), edges: await rows('relationships.csv') };
    },
    folder: { main: 'nodes.csv', first: 'id:ID,:LABEL,', contains: ',Article,' },
  },
  cypher: {
    count: async (r) => countCypher(await text(r.path)),
    file: { main: '', first: '// newsgraph', contains: 'UNWIND [' },
  },
  json: {
    async count(r) {
      const data = JSON.parse(await text(r.path));
      return { nodes: data.nodes.length, edges: data.edges.length };
    },
    file: { main: '', first: '{\n"attributes"', contains: '"edges": [' },
  },
  jsonl: {
    async count(r) {
      const kinds = (await text(r.path))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).kind);
      return { nodes: kinds.filter((k) => k === 'node').length, edges: kinds.filter((k) => k === 'edge').length };
    },
    file: { main: '', first: '{"kind":"graph"', contains: '{"kind":"edge"' },
  },
  html: {
    async count(r) {
      let script: string;
      if (r.files.length === 1) {
        // The one-file page: its data is the inline script that assigns the payload.
        const page = await text(r.path);
        script = /<script>\n(window\.[\s\S]*?)<\/script>/.exec(page)![1]!;
      } else script = await text(join(r.path, 'graph-data.js'));
      const graph = payloadOf(script);
      return { nodes: graph.nodes.length, edges: graph.edges.length };
    },
    file: { main: '', first: '<!doctype html>', contains: `window.${PAYLOAD_GLOBAL} = JSON.parse(` },
    folder: { main: 'index.html', first: '<!doctype html>', contains: '<script src="viewer.js"></script>' },
  },
};

/** One export a test makes: a format, the --out name it is given, and the shape that gives. */
export interface ExportCase {
  format: ExportFormat;
  id: ExportFormatId;
  /** The --out name, relative to the test's folder. */
  out: string;
  shape: 'file' | 'folder';
  spec: FormatSpec;
  signature: Signature | undefined;
  /** The file to read for the signature. */
  main(result: ExportResult): string;
  label: string;
}

/** Every registry format, once per shape it writes: a file named with its first extension, and/or a folder. */
export function exportCases(): ExportCase[] {
  return EXPORT_FORMATS.flatMap((format) => {
    // A file named with its first extension when that gives a file; a plain folder name when that gives a folder.
    const shapes = new Map<'file' | 'folder', string>();
    const file = `graph${format.extensions[0] ?? ''}`;
    if (exportTarget(format, file) === 'file') shapes.set('file', file);
    const folder = `${format.id}-export`;
    if (exportTarget(format, folder) === 'folder') shapes.set('folder', folder);
    return [...shapes].map(([shape, out]): ExportCase => {
      const spec = FORMAT_SPECS[format.id];
      const signature = spec[shape];
      return {
        format,
        id: format.id,
        out,
        shape,
        spec,
        signature,
        main: (result) => mainFile(result, signature?.main ?? ''),
        label: `${format.id} (${shape}, --out ${basename(out)})`,
      };
    });
  });
}

/**
 * The tricky graph, plus an entity mentioned in an article the graph's article list lacks: csv
 * and cypher write an Article node for it too, so their counts differ from the graph's.
 */
export function contractGraph(): KnowledgeGraph {
  const g = trickyGraph();
  g.addNode('Person:unlisted', {
    label: 'Person',
    name: 'Ann Unlisted',
    aliases: [],
    mentions: [{ article: 'c/unlisted.txt', start: 0, end: 12, text: 'Ann Unlisted' }],
    articles: ['c/unlisted.txt'],
  });
  return g;
}
