/**
 * `cypher`: a script of parameter-free, idempotent statements for cypher-shell or
 * `newsgraph query --write -f`, loading the same nodes, relationships and properties as
 * `newsgraph push` (see src/sinks/neo4j/model.ts): first the schema (graph/schema.cypher, every
 * statement `IF NOT EXISTS`), then articles, entities, mentions and facts in batched
 * `UNWIND [literal rows] AS row MERGE …` statements, so running the script twice
 * leaves the same counts. Labels and types come only from the schema's fixed lists
 * and are backtick-quoted; every value is a literal with backslashes, quotes, line
 * breaks, `;` and control characters escaped (so even a naive split on `;` cuts the
 * script only between statements).
 */
import { ENTITY_LABELS, RELATION_TYPES } from '../../../types.js';
import { UsageError } from '../../../errors.js';
import { schemaStatements } from '../../neo4j/schema.js';
import type { TextWriter } from '../output.js';
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
import type { KnowledgeGraph } from '../../../types.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const TO_ESCAPE =
  // eslint-disable-next-line no-control-regex
  /[\\'\n\r\t;\u0000-\u001f\u007f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// One cheap scan first: most names need no escaping.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\\';\u0000-\u001f\u007f\u2028\u2029\uD800-\uDFFF]/;

/** A Cypher string literal in single quotes with everything unsafe escaped. */
export function cypherString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `'${value}'`;
  return `'${value.replace(TO_ESCAPE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

function cypherNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`export: cannot write ${value} as a Cypher number.`);
  return String(value).replace('e+', 'e');
}

const LABELS = new Set<string>([ENTITY_LABEL, ARTICLE_LABEL, ...ENTITY_LABELS]);
const TYPES = new Set<string>([MENTIONED_IN, ...RELATION_TYPES]);

/** A label or relationship type from the schema's fixed lists, backtick-quoted; anything else is refused. */
export function cypherName(name: string, kind: 'label' | 'type'): string {
  const allowed = kind === 'label' ? LABELS : TYPES;
  if (!allowed.has(name))
    throw new UsageError(`export: unknown ${kind} '${name}'. Expected one of ${[...allowed].join(', ')}.`);
  return `\`${name}\``;
}

function literal(value: PropertyValue): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return cypherNumber(value);
  return `[${value.map((v) => (typeof v === 'number' ? cypherNumber(v) : cypherString(v))).join(', ')}]`;
}

function mapLiteral<A>(props: readonly Property<A>[], key: string, attrs: A, graph: KnowledgeGraph): string {
  const parts: string[] = [];
  for (const p of props) {
    const v = p.get(key, attrs, graph);
    if (v !== undefined) parts.push(`${p.name}: ${literal(v)}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Collects rows per statement shape and writes a statement whenever a batch is full. */
class Batches {
  private readonly rows = new Map<string, string[]>();
  /** Rows added so far (each is one node or relationship the script writes). */
  count = 0;
  constructor(
    private readonly out: TextWriter,
    private readonly size: number,
    private readonly tail: (group: string) => string,
  ) {}

  /** Adds a row; returns a promise to await only when a full batch had to wait for the disk. */
  add(group: string, row: string): Promise<void> | undefined {
    let rows = this.rows.get(group);
    if (!rows) this.rows.set(group, (rows = []));
    rows.push(row);
    this.count++;
    return rows.length >= this.size ? this.flushGroup(group, rows) : undefined;
  }

  private flushGroup(group: string, rows: string[]): Promise<void> | undefined {
    const p = this.out.write(`UNWIND [\n${rows.join(',\n')}\n] AS row\n${this.tail(group)};\n\n`);
    rows.length = 0;
    return p;
  }

  async flush(): Promise<void> {
    for (const [group, rows] of this.rows) {
      const p = rows.length > 0 ? this.flushGroup(group, rows) : undefined;
      if (p) await p;
    }
  }
}

export const cypherFormat: ExportFormat = {
  id: 'cypher',
  description: 'a parameter-free, idempotent MERGE script for cypher-shell or newsgraph query --write -f',
  target: 'file',
  extensions: ['.cypher', '.cql'],
  async write(graph, output, settings) {
    const w = await output.file();
    const name = String(graph.getAttribute('name') ?? 'newsgraph');
    const header = [
      `// newsgraph export of ${cypherString(name)}: ${graph.order} entities, ${graph.size} facts.`,
      '// Idempotent: every statement MERGEs on `id` or `key`, so running the script again changes nothing.',
      '',
      '// Schema (graph/schema.cypher).',
      ...schemaStatements().map((s) => `${s};`),
      '',
      '',
    ];
    let p = w.write(header.join('\n'));
    if (p) await p;
    const size = settings.batchSize;

    const articles = new Batches(
      w,
      size,
      () => `MERGE (n:${cypherName(ARTICLE_LABEL, 'label')} {id: row.id})\nSET n = row`,
    );
    for (const a of Object.values(graph.getAttribute('articles') ?? {})) {
      p = articles.add('', mapLiteral(ARTICLE_PROPERTIES, a.id, a, graph));
      if (p) await p;
    }
    await articles.flush();

    const entities = new Batches(
      w,
      size,
      (label) =>
        `MERGE (n:${cypherName(ENTITY_LABEL, 'label')} {id: row.id})\nSET n:${cypherName(label, 'label')}\nSET n = row`,
    );
    for (const { node, attributes } of graph.nodeEntries()) {
      cypherName(attributes.label, 'label');
      p = entities.add(attributes.label, mapLiteral(ENTITY_PROPERTIES, node, attributes, graph));
      if (p) await p;
    }
    await entities.flush();

    const mentions = new Batches(
      w,
      size,
      () =>
        `MATCH (e:${cypherName(ENTITY_LABEL, 'label')} {id: row.id})\nMERGE (a:${cypherName(ARTICLE_LABEL, 'label')} {id: row.article})\n` +
        `MERGE (e)-[m:${cypherName(MENTIONED_IN, 'type')}]->(a)\nSET m.count = row.count, m.texts = row.texts`,
    );
    // Articles only mentions point to: the mention statements' `MERGE (a:Article …)` creates them.
    const listed = graph.getAttribute('articles') ?? {};
    const referenced = new Set<string>();
    for (const { node, attributes } of graph.nodeEntries()) {
      for (const m of mentionRows(attributes)) {
        if (!(m.article in listed)) referenced.add(m.article);
        p = mentions.add(
          '',
          `{id: ${cypherString(node)}, article: ${cypherString(m.article)}, count: ${m.count}, texts: ${literal(m.texts)}}`,
        );
        if (p) await p;
      }
    }
    await mentions.flush();

    const facts = new Batches(
      w,
      size,
      (type) =>
        `MATCH (s:${cypherName(ENTITY_LABEL, 'label')} {id: row.source})\nMATCH (t:${cypherName(ENTITY_LABEL, 'label')} {id: row.target})\n` +
        `MERGE (s)-[r:${cypherName(type, 'type')} {key: row.key}]->(t)\nSET r = row.props`,
    );
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      cypherName(attributes.type, 'type');
      const row = `{source: ${cypherString(source)}, target: ${cypherString(target)}, key: ${cypherString(edge)}, props: ${mapLiteral(FACT_PROPERTIES, edge, attributes, graph)}}`;
      p = facts.add(attributes.type, row);
      if (p) await p;
    }
    await facts.flush();
    return {
      nodes: articles.count + entities.count + referenced.size,
      edges: mentions.count + facts.count,
    };
  },
};
