/**
 * `csv`: `nodes.csv` and `relationships.csv` with the header syntax of
 * `neo4j-admin database import` (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`,
 * typed properties such as `aliases:string[]`), quoted per RFC 4180, UTF-8, holding
 * the same nodes, relationships and properties as `newsgraph push` (see
 * src/sinks/neo4j/model.ts), so a large graph loads in bulk into an empty database:
 *
 *   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
 *     --array-delimiter=U+001F --multiline-fields=true <database>
 *
 * (The project's local Neo4j, scripts/neo4j.mjs, is jars without bin/neo4j-admin: the README's
 * Export section gives the `java … org.neo4j.cli.AdminTool` form that runs the same tool.)
 *
 * The same files load with `LOAD CSV WITH HEADERS` (split arrays on the delimiter; set
 * `dbms.import.csv.legacy_quote_escaping=false` so a backslash before a quote stays
 * a backslash). Array elements and multiple labels are separated by U+001F (the ASCII
 * unit separator) by default, a character news text never holds, so names and quotes
 * containing `;` or `|` survive; should it appear inside an array element it becomes a
 * space. Empty arrays are written as empty fields, which Neo4j reads as absent.
 */
import type { ArticleMeta, EntityAttrs } from '../../../types.js';
import {
  ARTICLE_LABEL,
  ARTICLE_PROPERTIES,
  ENTITY_LABEL,
  ENTITY_PROPERTIES,
  FACT_PROPERTIES,
  MENTIONED_IN,
  mentionRows,
  type Property,
  type PropertyValue,
} from '../../neo4j/model.js';
import type { ExportFormat } from '../types.js';

/** The default array delimiter: U+001F, spelt `U+001F` for neo4j-admin's `--array-delimiter`. */
export const DEFAULT_ARRAY_DELIMITER = '\u001f';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field per RFC 4180: quoted (with doubled quotes) when it holds a quote, comma, line break or edge spaces. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function header(p: { name: string; type: string }): string {
  return p.type === 'string' ? p.name : `${p.name}:${p.type}`;
}

function cell(value: PropertyValue | undefined, delimiter: string): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return csvField(value);
  const clean = (s: string) => (s.includes(delimiter) ? s.split(delimiter).join(' ') : s);
  return csvField(value.map((v) => (typeof v === 'number' ? String(v) : clean(v))).join(delimiter));
}

/** The union of several property lists by name, first appearance first (one CSV header for several kinds of rows). */
function unionColumns(...lists: readonly (readonly Property<never>[])[]): { name: string; type: string }[] {
  const seen = new Map<string, { name: string; type: string }>();
  for (const list of lists)
    for (const p of list) if (!seen.has(p.name)) seen.set(p.name, { name: p.name, type: p.type });
  return [...seen.values()];
}

export const csvFormat: ExportFormat = {
  id: 'csv',
  description: 'nodes.csv and relationships.csv with neo4j-admin import headers, for bulk loading',
  target: 'folder',
  extensions: ['.csv'],
  async write(graph, output, settings) {
    const d = settings.arrayDelimiter;
    // Which property fills each column, worked out once per kind of row.
    const plan = <A>(props: readonly Property<A>[], columns: { name: string }[]) =>
      columns.map((c) => props.find((q) => q.name === c.name));
    const rowOf = <A>(cols: (Property<A> | undefined)[], key: string, attrs: A): string[] =>
      cols.map((q) => (q ? cell(q.get(key, attrs, graph), d) : ''));

    // nodes.csv: entities, then articles (also those only mentions point to, as push creates them).
    const nodeColumns = unionColumns(ENTITY_PROPERTIES, ARTICLE_PROPERTIES).filter((c) => c.name !== 'id');
    const entityPlan = plan(ENTITY_PROPERTIES, nodeColumns);
    const articlePlan = plan(ARTICLE_PROPERTIES, nodeColumns);
    const nodes = await output.file('nodes.csv');
    let p = nodes.write(['id:ID', ':LABEL', ...nodeColumns.map(header)].join(',') + '\n');
    if (p) await p;
    // Rows written, for the summary: it must count what the files hold.
    let nodeRows = 0;
    let relRows = 0;
    const articles = graph.getAttribute('articles') ?? {};
    const referenced = new Set<string>();
    for (const { node, attributes } of graph.nodeEntries()) {
      for (const m of mentionRows(attributes)) if (!(m.article in articles)) referenced.add(m.article);
      const labels = [ENTITY_LABEL, attributes.label].join(d);
      p = nodes.write(
        [csvField(node), csvField(labels), ...rowOf<EntityAttrs>(entityPlan, node, attributes)].join(',') + '\n',
      );
      nodeRows++;
      if (p) await p;
    }
    const articleRows: ArticleMeta[] = [...Object.values(articles), ...[...referenced].map((id) => ({ id, path: id }))];
    for (const a of articleRows) {
      p = nodes.write([csvField(a.id), ARTICLE_LABEL, ...rowOf<ArticleMeta>(articlePlan, a.id, a)].join(',') + '\n');
      nodeRows++;
      if (p) await p;
    }

    // relationships.csv: the facts, then MENTIONED_IN.
    const factColumns = FACT_PROPERTIES.map((q) => ({ name: q.name, type: q.type }));
    const relColumns = [...factColumns, { name: 'count', type: 'int' }, { name: 'texts', type: 'string[]' }];
    const factPlan = plan(FACT_PROPERTIES, factColumns);
    const rels = await output.file('relationships.csv');
    p = rels.write([':START_ID', ':END_ID', ':TYPE', ...relColumns.map(header)].join(',') + '\n');
    if (p) await p;
    const emptyMention = ['', ''];
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      const row = [
        csvField(source),
        csvField(target),
        attributes.type,
        ...rowOf(factPlan, edge, attributes),
        ...emptyMention,
      ];
      p = rels.write(row.join(',') + '\n');
      relRows++;
      if (p) await p;
    }
    const emptyFact = factColumns.map(() => '');
    for (const { node, attributes } of graph.nodeEntries()) {
      for (const m of mentionRows(attributes)) {
        const row = [
          csvField(node),
          csvField(m.article),
          MENTIONED_IN,
          ...emptyFact,
          String(m.count),
          cell(m.texts, d),
        ];
        p = rels.write(row.join(',') + '\n');
        relRows++;
        if (p) await p;
      }
    }
    return { nodes: nodeRows, edges: relRows };
  },
};
