/**
 * graph.json: graphology's serialised form, written deterministically (nodes,
 * edges and mentions sorted) and read back with validation.
 *
 * The file has one node or edge per line, and both the writer and the reader go a line at a time:
 * neither ever holds the whole text as one string, which V8 limits to about 500 MB (about 1.2
 * million edges). A file laid out otherwise (re-indented by another tool) is still read, whole.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import graphology from 'graphology';
import { GraphFileError } from '../errors.js';
import { isRelationType } from '../relation-types.js';
import { ENTITY_LABELS, RELATION_TYPES } from '../types.js';
import type { KnowledgeGraph, SerializedKnowledgeGraph } from '../types.js';
import { openText } from '../util/files.js';
import { compareStrings } from '../util/text.js';

const { MultiDirectedGraph } = graphology;

/** The graph in graphology's export form with a canonical order, so equal graphs give equal bytes. */
export function toSerialized(graph: KnowledgeGraph): SerializedKnowledgeGraph {
  const exported = graph.export() as unknown as SerializedKnowledgeGraph;
  const articles = graph.getAttribute('articles');
  return {
    attributes: {
      name: graph.getAttribute('name'),
      articles: Object.fromEntries(
        Object.keys(articles)
          .sort(compareStrings)
          .map((k) => [k, articles[k]!]),
      ),
    },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: exported.nodes
      .map((n) => ({
        key: n.key,
        attributes: {
          ...n.attributes,
          mentions: [...n.attributes.mentions].sort(
            (a, b) => compareStrings(a.article, b.article) || a.start - b.start,
          ),
        },
      }))
      .sort((a, b) => compareStrings(a.key, b.key)),
    edges: exported.edges
      .map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: e.attributes }))
      .sort((a, b) => compareStrings(a.key, b.key)),
  };
}

/** The lines of graph.json, without their line breaks: one per node and edge, which keeps diffs and streaming readers happy. */
export function* graphFileLines(graph: KnowledgeGraph): Generator<string> {
  const s = toSerialized(graph);
  yield '{';
  yield `"attributes": ${JSON.stringify(s.attributes)},`;
  yield `"options": ${JSON.stringify(s.options)},`;
  for (const [name, items, last] of [
    ['nodes', s.nodes, '],'],
    ['edges', s.edges, ']'],
  ] as const) {
    yield `"${name}": [`;
    // An empty list keeps its (empty) line: the layout is fixed whatever the graph.
    if (items.length === 0) yield '';
    for (let i = 0; i < items.length; i++) yield JSON.stringify(items[i]) + (i < items.length - 1 ? ',' : '');
    yield last;
  }
  yield '}';
}

/** Serialises the graph as JSON text: the lines of graphFileLines. Large graphs go to a file with writeGraphFile instead. */
export function serializeGraph(graph: KnowledgeGraph): string {
  return [...graphFileLines(graph)].join('\n') + '\n';
}

/** Lines joined into chunks of about 1 MB, so the stream is not called once per line. */
function* chunks(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Writes `graph` to `path`, streamed, through a temporary file and a rename, so a reader never sees
 * half a file. The bytes are serializeGraph's.
 */
export async function writeGraphFile(path: string, graph: KnowledgeGraph): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    // Written chunk by chunk with plain writes: a stream's machinery cost a tenth of a second on a
    // 30 MB graph, and nothing else runs meanwhile.
    fd = openSync(tmp, 'w');
    for (const chunk of chunks(graphFileLines(graph))) writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    await rename(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/** Builds a KnowledgeGraph from parsed JSON, checking that it is a newsgraph graph. */
export function fromSerialized(data: unknown, path = '<graph>'): KnowledgeGraph {
  const fail = (what: string): never => {
    throw new GraphFileError(
      path,
      `graph: ${path} is not a newsgraph graph: ${what}. Expected the graph.json written by 'newsgraph build'.`,
    );
  };
  if (!data || typeof data !== 'object') fail('not a JSON object');
  const d = data as Partial<SerializedKnowledgeGraph>;
  if (!Array.isArray(d.nodes)) fail('no "nodes" array');
  if (!Array.isArray(d.edges)) fail('no "edges" array');
  const labels = new Set<string>(ENTITY_LABELS);
  d.nodes!.forEach((n, i) => {
    if (!n || typeof n.key !== 'string') fail(`node ${i} has no string "key"`);
    const a = n.attributes;
    if (!a || !labels.has(a.label)) fail(`node "${n.key}" has no known "label" (one of ${ENTITY_LABELS.join(', ')})`);
    if (typeof a.name !== 'string') fail(`node "${n.key}" has no "name"`);
    a.aliases ??= [];
    a.mentions ??= [];
    a.articles ??= [];
  });
  d.edges!.forEach((e, i) => {
    if (!e || typeof e.source !== 'string' || typeof e.target !== 'string') fail(`edge ${i} has no "source"/"target"`);
    // The types of the relation registry (src/relation-types.ts), nothing else.
    if (!e.attributes || typeof e.attributes.type !== 'string' || !isRelationType(e.attributes.type))
      fail(`edge ${i} has no known "type" (one of ${RELATION_TYPES.join(', ')})`);
    e.attributes.evidence ??= [];
  });
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  try {
    graph.import({
      attributes: { name: d.attributes?.name ?? 'newsgraph', articles: d.attributes?.articles ?? {} },
      nodes: d.nodes!,
      edges: d.edges!,
    } as never);
  } catch (err) {
    fail((err as Error).message);
  }
  return graph;
}

/** Why a graph.json could not be opened, in a few words. */
function unreadable(path: string, err: unknown): GraphFileError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
  return new GraphFileError(path, `graph: cannot read ${path}: ${reason}.`, { cause: err });
}

/**
 * The parsed content of a graph.json laid out as graphFileLines writes it, read a line at a time; or
 * 'other layout' at the first line that does not follow it. Throws GraphFileError for a line of the
 * layout that is not valid JSON, and for a file that ends early.
 */
async function readLines(path: string): Promise<unknown> {
  let input;
  try {
    input = await openText(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  const data: { attributes?: unknown; options?: unknown; nodes: unknown[]; edges: unknown[] } = {
    nodes: [],
    edges: [],
  };
  let state: 'start' | 'attributes' | 'options' | 'nodes-open' | 'nodes' | 'edges-open' | 'edges' | 'end' | 'done' =
    'start';
  let lineNumber = 0;
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new GraphFileError(
        path,
        `graph: ${path} is not valid JSON at line ${lineNumber}: ${(err as Error).message}.`,
        {
          cause: err,
        },
      );
    }
  };
  const item = (line: string, list: unknown[], close: string): boolean => {
    if (line === close) return true;
    if (line !== '') list.push(parse(line.endsWith(',') ? line.slice(0, -1) : line));
    return false;
  };
  try {
    for await (const line of lines) {
      lineNumber++;
      switch (state) {
        case 'start':
          if (line !== '{') return 'other layout';
          state = 'attributes';
          break;
        case 'attributes':
        case 'options': {
          const prefix = `"${state}": `;
          if (!line.startsWith(prefix) || !line.endsWith(',')) return 'other layout';
          data[state] = parse(line.slice(prefix.length, -1));
          state = state === 'attributes' ? 'options' : 'nodes-open';
          break;
        }
        case 'nodes-open':
        case 'edges-open':
          if (line !== (state === 'nodes-open' ? '"nodes": [' : '"edges": [')) return 'other layout';
          state = state === 'nodes-open' ? 'nodes' : 'edges';
          break;
        case 'nodes':
          if (item(line, data.nodes, '],')) state = 'edges-open';
          break;
        case 'edges':
          if (item(line, data.edges, ']')) state = 'end';
          break;
        case 'end':
          if (line !== '}') return 'other layout';
          state = 'done';
          break;
        case 'done':
          if (line.trim() !== '') return 'other layout';
      }
    }
  } catch (err) {
    if (err instanceof GraphFileError) throw err;
    throw unreadable(path, err);
  } finally {
    lines.close();
    input.destroy();
  }
  if (state === 'start') return 'other layout';
  if (state !== 'done')
    throw new GraphFileError(path, `graph: ${path} ends early, at line ${lineNumber} (was it cut short?).`);
  return data;
}

/** Reads and validates a graph.json file, a line at a time when it is laid out as writeGraphFile writes it. */
export async function readGraphFile(path: string): Promise<KnowledgeGraph> {
  const streamed = await readLines(path);
  if (streamed !== 'other layout') return fromSerialized(streamed, path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw unreadable(path, err);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GraphFileError(path, `graph: ${path} is not valid JSON: ${(err as Error).message}.`, { cause: err });
  }
  return fromSerialized(data, path);
}
