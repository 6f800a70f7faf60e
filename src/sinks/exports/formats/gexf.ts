/**
 * `gexf`: GEXF 1.3 for Gephi, written as a stream (graphology-gexf's writer builds
 * the whole document in one string and has no time attributes; its parser reads
 * these files back in the tests). Follows graphology-gexf's conventions: node `label`
 * is the display name, list attributes use the 1.3 `["a", "b"]` syntax, positions,
 * sizes and colours go in the `viz` namespace. The graph is `mode="dynamic"` with
 * `timeformat="date"`: dated events and dated relationships get `start`/`end` (a
 * partial date spans its month or year), so Gephi's timeline filters by date;
 * undated elements exist at all times. Nested provenance (mentions, evidence) is kept
 * as JSON text. Edge `kind` is the relationship type (Gephi's multigraph edge kind).
 */
import type { EntityAttrs, RelationAttrs } from '../../../types.js';
import { dateInterval } from '../dates.js';
import { sizeForDegree } from '../../../graph/index.js';
import { LABEL_COLORS } from '../style.js';
import type { ExportFormat } from '../types.js';
import { xmlEscape, xmlNumber } from '../xml.js';

type GexfType = 'string' | 'liststring';

interface GexfAttribute<A> {
  id: string;
  type: GexfType;
  get(attrs: A): string | readonly string[] | undefined;
}

const json = (v: unknown) => JSON.stringify(v);

/** Node attributes written as attvalues (label, position, size and colour are GEXF's own). */
export const GEXF_NODE_ATTRIBUTES: readonly GexfAttribute<EntityAttrs>[] = [
  { id: 'type', type: 'string', get: (a) => a.label },
  { id: 'aliases', type: 'liststring', get: (a) => a.aliases },
  { id: 'articles', type: 'liststring', get: (a) => a.articles },
  { id: 'date', type: 'string', get: (a) => a.date },
  { id: 'place', type: 'string', get: (a) => a.place },
  { id: 'mentions', type: 'string', get: (a) => json(a.mentions) },
];

/** Edge attributes written as attvalues (the type is the edge's `kind` and `label`). */
export const GEXF_EDGE_ATTRIBUTES: readonly GexfAttribute<RelationAttrs>[] = [
  { id: 'status', type: 'string', get: (a) => a.status },
  { id: 'event', type: 'string', get: (a) => a.event },
  { id: 'date', type: 'string', get: (a) => a.date },
  { id: 'quote', type: 'string', get: (a) => a.quote },
  { id: 'quotes', type: 'liststring', get: (a) => a.quotes },
  { id: 'what', type: 'string', get: (a) => a.what },
  { id: 'whats', type: 'liststring', get: (a) => a.whats },
  { id: 'evidence', type: 'string', get: (a) => json(a.evidence) },
];

const LIST_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A GEXF 1.3 list value: `["a", "b"]`, each element double-quoted with backslash escapes. */
export function gexfList(values: readonly string[]): string {
  return `[${values.map((v) => `"${v.replace(/[\\"\n\r\t]/g, (c) => LIST_ESCAPES[c]!)}"`).join(', ')}]`;
}

function declarations<A>(cls: 'node' | 'edge', attrs: readonly GexfAttribute<A>[]): string {
  const lines = attrs.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>`);
  return `    <attributes class="${cls}" mode="static">\n${lines.join('\n')}\n    </attributes>\n`;
}

function attvalues<A>(attrs: readonly GexfAttribute<A>[], data: A): string {
  let out = '';
  for (const a of attrs) {
    const v = a.get(data);
    if (v === undefined) continue;
    const text = typeof v === 'string' ? v : gexfList(v);
    out += `        <attvalue for="${a.id}" value="${xmlEscape(text)}"/>\n`;
  }
  return out ? `      <attvalues>\n${out}      </attvalues>\n` : '';
}

function spell(date: string | undefined): string {
  const i = dateInterval(date);
  return i ? ` start="${i.start}" end="${i.end}"` : '';
}

export const gexfFormat: ExportFormat = {
  id: 'gexf',
  description: 'GEXF 1.3 for Gephi: positions, colours, sizes, and dates on its timeline',
  target: 'file',
  extensions: ['.gexf'],
  async write(graph, output) {
    const w = await output.file();
    const name = String(graph.getAttribute('name') ?? 'newsgraph');
    let p = w.write(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
        `  <meta>\n    <creator>newsgraph</creator>\n    <description>${xmlEscape(name)}</description>\n  </meta>\n` +
        '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">\n' +
        declarations('node', GEXF_NODE_ATTRIBUTES) +
        declarations('edge', GEXF_EDGE_ATTRIBUTES) +
        '    <nodes>\n',
    );
    if (p) await p;
    let nodes = 0;
    let edges = 0;
    for (const { node, attributes: a } of graph.nodeEntries()) {
      const c = LABEL_COLORS[a.label] ?? { r: 128, g: 128, b: 128 };
      const size = a.size ?? sizeForDegree(graph.degree(node));
      let viz = `      <viz:color r="${c.r}" g="${c.g}" b="${c.b}"/>\n      <viz:size value="${xmlNumber(size)}"/>\n`;
      if (Number.isFinite(a.x) && Number.isFinite(a.y)) {
        viz += `      <viz:position x="${xmlNumber(a.x!)}" y="${xmlNumber(a.y!)}"/>\n`;
      }
      p = w.write(
        `    <node id="${xmlEscape(node)}" label="${xmlEscape(a.name)}"${spell(a.date)}>\n` +
          attvalues(GEXF_NODE_ATTRIBUTES, a) +
          viz +
          '    </node>\n',
      );
      nodes++;
      if (p) await p;
    }
    p = w.write('    </nodes>\n    <edges>\n');
    if (p) await p;
    for (const { edge, attributes: a, source, target } of graph.edgeEntries()) {
      p = w.write(
        `    <edge id="${xmlEscape(edge)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}" ` +
          `kind="${xmlEscape(a.type)}" label="${xmlEscape(a.type)}" weight="${Math.max(1, a.evidence.length)}"${spell(a.date)}>\n` +
          attvalues(GEXF_EDGE_ATTRIBUTES, a) +
          '    </edge>\n',
      );
      edges++;
      if (p) await p;
    }
    p = w.write('    </edges>\n  </graph>\n</gexf>\n');
    if (p) await p;
    return { nodes, edges };
  },
};
