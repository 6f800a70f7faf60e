/**
 * `json`: graphology's own serialised form (`graph.export()`, what graph.json holds),
 * and `jsonl`: one JSON object a line — a `graph` header line, then one line per node
 * and per edge — for jq, DuckDB and line-oriented tools. Both are lossless and stream
 * one element at a time.
 */
import type { KnowledgeGraph } from '../../../types.js';
import type { ExportFormat } from '../types.js';

function options(graph: KnowledgeGraph) {
  return { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
}

export const jsonFormat: ExportFormat = {
  id: 'json',
  description: "graphology's serialised graph (the graph.json form), lossless",
  target: 'file',
  extensions: ['.json'],
  async write(graph, output) {
    const w = await output.file();
    let p = w.write(
      `{\n"attributes": ${JSON.stringify(graph.getAttributes())},\n"options": ${JSON.stringify(options(graph))},\n"nodes": [\n`,
    );
    if (p) await p;
    let nodes = 0;
    let edges = 0;
    for (const { node, attributes } of graph.nodeEntries()) {
      p = w.write(`${nodes > 0 ? ',\n' : ''}${JSON.stringify({ key: node, attributes })}`);
      nodes++;
      if (p) await p;
    }
    p = w.write('\n],\n"edges": [\n');
    if (p) await p;
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      p = w.write(`${edges > 0 ? ',\n' : ''}${JSON.stringify({ key: edge, source, target, attributes })}`);
      edges++;
      if (p) await p;
    }
    p = w.write('\n]\n}\n');
    if (p) await p;
    return { nodes, edges };
  },
};

export const jsonlFormat: ExportFormat = {
  id: 'jsonl',
  description: 'one JSON object a line: a graph header, then every node and every edge',
  target: 'file',
  extensions: ['.jsonl', '.ndjson'],
  async write(graph, output) {
    const w = await output.file();
    let p = w.write(
      `${JSON.stringify({ kind: 'graph', attributes: graph.getAttributes(), options: options(graph) })}\n`,
    );
    if (p) await p;
    let nodes = 0;
    let edges = 0;
    for (const { node, attributes } of graph.nodeEntries()) {
      p = w.write(`${JSON.stringify({ kind: 'node', key: node, attributes })}\n`);
      nodes++;
      if (p) await p;
    }
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      p = w.write(`${JSON.stringify({ kind: 'edge', key: edge, source, target, attributes })}\n`);
      edges++;
      if (p) await p;
    }
    return { nodes, edges };
  },
};
