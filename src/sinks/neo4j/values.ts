/**
 * Neo4j values to output: plain JSON-able values, Cypher-like text for table and CSV cells,
 * and the four output formats (table, csv, json, jsonl). Also parses `k=v` parameters.
 */
import { neo4j } from './lib.js';
import { UsageError } from '../../errors.js';

export const FORMATS = ['table', 'csv', 'json', 'jsonl'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** A result as the formatters need it: column names and rows of raw driver values. */
export interface ResultTable {
  keys: string[];
  rows: unknown[][];
}

type AnyRecord = Record<string, unknown>;

function isInteger(v: unknown): v is { toNumber(): number; toString(): string; inSafeRange(): boolean } {
  return neo4j().isInt(v);
}

/** Converts a driver value to plain JSON: integers to numbers (strings when too big), nodes to `{_labels, …props}`, relationships to `{_type, …props}`, paths to lists, temporal and spatial values to their ISO text. */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isInteger(v)) return v.inSafeRange() ? v.toNumber() : v.toString();
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toPlain);
  if (neo4j().isNode(v)) {
    const n = v as unknown as { labels: string[]; properties: AnyRecord; elementId: string };
    return { _id: n.elementId, _labels: n.labels, ...plainMap(n.properties) };
  }
  if (neo4j().isRelationship(v)) {
    const r = v as unknown as {
      type: string;
      properties: AnyRecord;
      elementId: string;
      startNodeElementId: string;
      endNodeElementId: string;
    };
    return {
      _id: r.elementId,
      _type: r.type,
      _start: r.startNodeElementId,
      _end: r.endNodeElementId,
      ...plainMap(r.properties),
    };
  }
  if (neo4j().isPath(v)) {
    const p = v as unknown as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    return [toPlain(p.start), ...p.segments.flatMap((s) => [toPlain(s.relationship), toPlain(s.end)])];
  }
  if (isTemporalOrSpatial(v)) return (v as { toString(): string }).toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return plainMap(v as AnyRecord);
}

function plainMap(m: AnyRecord): AnyRecord {
  const out: AnyRecord = {};
  for (const [k, val] of Object.entries(m)) out[k] = toPlain(val);
  return out;
}

function isTemporalOrSpatial(v: unknown): boolean {
  const o = v as never;
  return (
    neo4j().isDate(o) ||
    neo4j().isDateTime(o) ||
    neo4j().isLocalDateTime(o) ||
    neo4j().isTime(o) ||
    neo4j().isLocalTime(o) ||
    neo4j().isDuration(o) ||
    neo4j().isPoint(o)
  );
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const quote = (s: string) => JSON.stringify(s);
const name = (s: string) => (IDENT.test(s) ? s : `\`${s.replace(/`/g, '``')}\``);

/** A value as Cypher-like text: strings bare at top level (`top`), quoted inside lists and maps. */
export function toText(v: unknown, top = true): string {
  if (v === null || v === undefined) return top ? '' : 'null';
  if (typeof v === 'string') return top ? v : quote(v);
  if (isInteger(v)) return v.toString();
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  // Bolt carries no functions or symbols.
  if (typeof v !== 'object') return '';
  if (Array.isArray(v)) return `[${v.map((x) => toText(x, false)).join(', ')}]`;
  if (neo4j().isNode(v)) {
    const n = v as unknown as { labels: string[]; properties: AnyRecord };
    return `(${n.labels.map((l) => `:${name(l)}`).join('')}${propsText(n.properties)})`;
  }
  if (neo4j().isRelationship(v)) {
    const r = v as unknown as { type: string; properties: AnyRecord };
    return `[:${name(r.type)}${propsText(r.properties)}]`;
  }
  if (neo4j().isPath(v)) {
    const p = v as unknown as {
      start: unknown;
      segments: { relationship: { startNodeElementId: string }; start: { elementId: string }; end: unknown }[];
    };
    let s = toText(p.start, false);
    for (const seg of p.segments) {
      const forward = seg.relationship.startNodeElementId === seg.start.elementId;
      s += `${forward ? '-' : '<-'}${toText(seg.relationship, false)}${forward ? '->' : '-'}${toText(seg.end, false)}`;
    }
    return s;
  }
  if (isTemporalOrSpatial(v)) return (v as { toString(): string }).toString();
  const entries = Object.entries(v as AnyRecord);
  return `{${entries.map(([k, x]) => `${name(k)}: ${toText(x, false)}`).join(', ')}}`;
}

function propsText(props: AnyRecord): string {
  const entries = Object.entries(props);
  return entries.length ? ` {${entries.map(([k, x]) => `${name(k)}: ${toText(x, false)}`).join(', ')}}` : '';
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function truncate(s: string, max: number): string {
  const one = s.replace(/\r?\n/g, '⏎');
  return one.length > max ? `${one.slice(0, Math.max(1, max - 1))}…` : one;
}

/** Renders a result in `format`. Table cells longer than `maxCellWidth` are cut with an ellipsis. */
export function formatResult(t: ResultTable, format: OutputFormat, options: { maxCellWidth?: number } = {}): string {
  switch (format) {
    case 'csv':
      return (
        [t.keys.map(csvCell).join(','), ...t.rows.map((r) => r.map((v) => csvCell(toText(v))).join(','))].join('\r\n') +
        '\r\n'
      );
    case 'json':
      return (
        JSON.stringify(
          t.rows.map((r) => Object.fromEntries(t.keys.map((k, i) => [k, toPlain(r[i])]))),
          null,
          2,
        ) + '\n'
      );
    case 'jsonl':
      return (
        t.rows.map((r) => JSON.stringify(Object.fromEntries(t.keys.map((k, i) => [k, toPlain(r[i])])))).join('\n') +
        (t.rows.length ? '\n' : '')
      );
    case 'table': {
      if (t.keys.length === 0) return '';
      const max = options.maxCellWidth ?? 10_000;
      const cells = t.rows.map((r) => r.map((v) => truncate(v === null || v === undefined ? 'null' : toText(v), max)));
      const widths = t.keys.map((k, i) => Math.max(k.length, ...cells.map((r) => r[i]!.length)));
      const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
      const row = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
      return [line, row(t.keys), line, ...cells.map(row), ...(cells.length ? [line] : [])].join('\n') + '\n';
    }
  }
}

/** Converts a JSON value to a Cypher parameter: whole numbers become Neo4j integers (so `LIMIT $n` works). */
export function toParam(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j().int(v);
  if (Array.isArray(v)) return v.map(toParam);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toParam(x)]));
  return v;
}

/** Parses `name=value` (value as JSON when it parses, else the text itself) into a parameter. */
export function parseParam(text: string): [string, unknown] {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=>?\s*([\s\S]*)$/.exec(text);
  if (!m)
    throw new UsageError(
      `query: parameter '${text}' is not name=value. Expected e.g. --param name=Biden or --param limit=10.`,
    );
  const raw = m[2]!;
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the text is the value.
  }
  return [m[1]!, toParam(value)];
}
