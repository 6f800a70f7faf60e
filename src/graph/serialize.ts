/**
 * graph.json: graphology's serialised form, written deterministically (nodes,
 * edges and mentions sorted) and read back with validation.
 */
import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import graphology from 'graphology';
import { GraphFileError } from '../errors.js';
import { isRelationType } from '../relation-types.js';
import { ENTITY_LABELS, RELATION_TYPES } from '../types.js';
import type { KnowledgeGraph, SerializedKnowledgeGraph } from '../types.js';
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

/** Serialises the graph as JSON text (one line per node and edge keeps diffs and streaming readers happy). */
export function serializeGraph(graph: KnowledgeGraph): string {
  const s = toSerialized(graph);
  const lines = [
    '{',
    `"attributes": ${JSON.stringify(s.attributes)},`,
    `"options": ${JSON.stringify(s.options)},`,
    '"nodes": [',
    s.nodes.map((n) => JSON.stringify(n)).join(',\n'),
    '],',
    '"edges": [',
    s.edges.map((e) => JSON.stringify(e)).join(',\n'),
    ']',
    '}',
  ];
  return lines.join('\n') + '\n';
}

/** Writes `graph` to `path` through a temporary file and a rename, so a reader never sees half a file. */
export async function writeGraphFile(path: string, graph: KnowledgeGraph): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, serializeGraph(graph));
    await rename(tmp, path);
  } catch (err) {
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

/** Reads and validates a graph.json file. */
export async function readGraphFile(path: string): Promise<KnowledgeGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new GraphFileError(path, `graph: cannot read ${path}: ${reason}.`, { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GraphFileError(path, `graph: ${path} is not valid JSON: ${(err as Error).message}.`, { cause: err });
  }
  return fromSerialized(data, path);
}
