/**
 * `graphml`: GraphML for yEd, Gephi and NetworkX, written as a stream
 * (graphology-graphml only parses; the tests read these files back with it). Keys use
 * the names those tools look for: `label` (the display name), `x`, `y`, `size` and
 * `r`, `g`, `b` (Gephi's GraphML importer reads them as position, size and colour),
 * `weight` on edges. GraphML has no list type, so arrays and nested provenance are
 * JSON text (`json.loads` in NetworkX gives them back).
 */
import type { EntityAttrs, RelationAttrs } from '../../../types.js';
import { sizeForDegree } from '../../../graph/index.js';
import { LABEL_COLORS } from '../style.js';
import type { ExportFormat } from '../types.js';
import { xmlEscape, xmlNumber } from '../xml.js';

type GraphmlType = 'string' | 'double' | 'int';

interface GraphmlKey<A> {
  name: string;
  type: GraphmlType;
  get(key: string, attrs: A, degree: number): string | number | undefined;
}

const json = (v: unknown) => JSON.stringify(v);
const finite = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const color = (a: EntityAttrs) => LABEL_COLORS[a.label] ?? { r: 128, g: 128, b: 128 };

/** Node data keys, in the order they are written. */
export const GRAPHML_NODE_KEYS: readonly GraphmlKey<EntityAttrs>[] = [
  { name: 'label', type: 'string', get: (_k, a) => a.name },
  { name: 'type', type: 'string', get: (_k, a) => a.label },
  { name: 'aliases', type: 'string', get: (_k, a) => json(a.aliases) },
  { name: 'articles', type: 'string', get: (_k, a) => json(a.articles) },
  { name: 'date', type: 'string', get: (_k, a) => a.date },
  { name: 'place', type: 'string', get: (_k, a) => a.place },
  { name: 'mentions', type: 'string', get: (_k, a) => json(a.mentions) },
  { name: 'x', type: 'double', get: (_k, a) => finite(a.x) },
  { name: 'y', type: 'double', get: (_k, a) => finite(a.y) },
  { name: 'size', type: 'double', get: (_k, a, degree) => finite(a.size) ?? sizeForDegree(degree) },
  { name: 'r', type: 'int', get: (_k, a) => color(a).r },
  { name: 'g', type: 'int', get: (_k, a) => color(a).g },
  { name: 'b', type: 'int', get: (_k, a) => color(a).b },
];

/** Edge data keys, in the order they are written. */
export const GRAPHML_EDGE_KEYS: readonly GraphmlKey<RelationAttrs>[] = [
  { name: 'label', type: 'string', get: (_k, a) => a.type },
  { name: 'type', type: 'string', get: (_k, a) => a.type },
  { name: 'weight', type: 'double', get: (_k, a) => Math.max(1, a.evidence.length) },
  { name: 'status', type: 'string', get: (_k, a) => a.status },
  { name: 'event', type: 'string', get: (_k, a) => a.event },
  { name: 'date', type: 'string', get: (_k, a) => a.date },
  { name: 'quote', type: 'string', get: (_k, a) => a.quote },
  { name: 'quotes', type: 'string', get: (_k, a) => (a.quotes ? json(a.quotes) : undefined) },
  { name: 'what', type: 'string', get: (_k, a) => a.what },
  { name: 'whats', type: 'string', get: (_k, a) => (a.whats ? json(a.whats) : undefined) },
  { name: 'evidence', type: 'string', get: (_k, a) => json(a.evidence) },
];

function keyDeclarations<A>(domain: 'node' | 'edge', keys: readonly GraphmlKey<A>[]): string {
  return keys
    .map((k) => `  <key id="${domain[0]}_${k.name}" for="${domain}" attr.name="${k.name}" attr.type="${k.type}"/>\n`)
    .join('');
}

function data<A>(
  domain: 'node' | 'edge',
  keys: readonly GraphmlKey<A>[],
  key: string,
  attrs: A,
  degree: number,
): string {
  let out = '';
  for (const k of keys) {
    const v = k.get(key, attrs, degree);
    if (v === undefined) continue;
    out += `      <data key="${domain[0]}_${k.name}">${typeof v === 'number' ? xmlNumber(v) : xmlEscape(v)}</data>\n`;
  }
  return out;
}

export const graphmlFormat: ExportFormat = {
  id: 'graphml',
  description: 'GraphML for yEd, Gephi and NetworkX (lists as JSON text)',
  target: 'file',
  extensions: ['.graphml'],
  async write(graph, output) {
    const w = await output.file();
    const name = String(graph.getAttribute('name') ?? 'newsgraph');
    let p = w.write(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
        '  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>\n' +
        keyDeclarations('node', GRAPHML_NODE_KEYS) +
        keyDeclarations('edge', GRAPHML_EDGE_KEYS) +
        '  <graph id="G" edgedefault="directed">\n' +
        `    <data key="g_name">${xmlEscape(name)}</data>\n`,
    );
    if (p) await p;
    let nodes = 0;
    let edges = 0;
    for (const { node, attributes } of graph.nodeEntries()) {
      p = w.write(
        `    <node id="${xmlEscape(node)}">\n${data('node', GRAPHML_NODE_KEYS, node, attributes, graph.degree(node))}    </node>\n`,
      );
      nodes++;
      if (p) await p;
    }
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      p = w.write(
        `    <edge id="${xmlEscape(edge)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">\n` +
          `${data('edge', GRAPHML_EDGE_KEYS, edge, attributes, 0)}    </edge>\n`,
      );
      edges++;
      if (p) await p;
    }
    p = w.write('  </graph>\n</graphml>\n');
    if (p) await p;
    return { nodes, edges };
  },
};
