/**
 * Export sink: writes a KnowledgeGraph as GEXF, GraphML, neo4j-admin CSV, a Cypher
 * script, JSON, JSON Lines or the HTML explorer. Formats are descriptors in
 * `EXPORT_FORMATS`; every one streams to disk and goes through `output.ts`, so the
 * output is checked before any work and never left half-written.
 */
import { readdir } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import { applyLayout } from '../../graph/index.js';
import type { KnowledgeGraph } from '../../types.js';
import { csvFormat, DEFAULT_ARRAY_DELIMITER } from './formats/csv.js';
import { cypherFormat } from './formats/cypher.js';
import { gexfFormat } from './formats/gexf.js';
import { graphmlFormat } from './formats/graphml.js';
import { htmlFormat } from './formats/html.js';
import { jsonFormat, jsonlFormat } from './formats/json.js';
import { openFileOutput, openFolderOutput } from './output.js';
import {
  EXPORT_FORMAT_IDS,
  type ExportFormat,
  type ExportFormatId,
  type ExportResult,
  type ExportSettings,
} from './types.js';

export type { ExportFormat, ExportFormatId, ExportResult, ExportSettings, ExportTarget, WriteCounts } from './types.js';
export { EXPORT_FORMAT_IDS } from './types.js';
export { csvField, DEFAULT_ARRAY_DELIMITER } from './formats/csv.js';
export { filterGraph, subgraph, type FilterOptions } from './filter.js';

/** Every export format, in `EXPORT_FORMAT_IDS` order. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  gexfFormat,
  graphmlFormat,
  csvFormat,
  cypherFormat,
  jsonFormat,
  jsonlFormat,
  htmlFormat,
];

/** Defaults of everything but `format` and `out`. */
export const DEFAULT_EXPORT_SETTINGS = Object.freeze({
  layout: true,
  seed: 1,
  arrayDelimiter: DEFAULT_ARRAY_DELIMITER,
  batchSize: 1000,
});

/** Options of `exportGraph`: `out` is required; `format` is inferred from `out`'s extension when left out. */
export type ExportOptions = Partial<ExportSettings> & { out: string };

/** The format descriptor for `id`, or undefined. */
export function getExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

/** The format `out`'s extension implies (`graph.gexf` → gexf), or undefined. */
export function formatForPath(out: string): ExportFormatId | undefined {
  const ext = extname(out).toLowerCase();
  return ext ? EXPORT_FORMATS.find((f) => f.extensions.includes(ext))?.id : undefined;
}

/** `out` ends with a path separator: the user plainly names a folder, whatever its extension. */
function endsWithSeparator(out: string): boolean {
  return out.endsWith('/') || out.endsWith(sep);
}

/**
 * Whether `format` writes `out` as one file or as a folder: html writes one self-contained
 * page for `graph.html` (or `.htm`) and the explorer folder for any other path (or a path
 * ending in `/`).
 */
export function exportTarget(format: ExportFormat, out: string): 'file' | 'folder' {
  if (format.target !== 'file-or-folder') return format.target;
  return !endsWithSeparator(out) && format.extensions.includes(extname(out).toLowerCase()) ? 'file' : 'folder';
}

/** Fills defaults and infers the format; see `validateExportSettings`. */
export function resolveExportSettings(options: ExportOptions): ExportSettings {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ExportOptions;
  return {
    ...DEFAULT_EXPORT_SETTINGS,
    ...given,
    format: (given.format ?? formatForPath(given.out ?? '')) as ExportFormatId,
  };
}

/** Checks resolved settings; throws a UsageError naming what is wrong and what is expected. */
export function validateExportSettings(settings: ExportSettings): void {
  const known = EXPORT_FORMAT_IDS.join(', ');
  if (!settings.out || typeof settings.out !== 'string')
    throw new UsageError('export: no output path. Give --out <path>.');
  if (settings.format === undefined) {
    throw new UsageError(`export: cannot tell the format from '${settings.out}'. Give --format, one of: ${known}.`);
  }
  const format = getExportFormat(settings.format);
  if (!format) throw new UsageError(`export: unknown format '${settings.format}'. Known formats: ${known}.`);
  const ext = extname(settings.out).toLowerCase();
  if (
    exportTarget(format, settings.out) === 'folder' &&
    !endsWithSeparator(settings.out) &&
    EXPORT_FORMATS.some((f) => f.extensions.includes(ext))
  ) {
    // `--out graph.csv` would make a folder named graph.csv: refuse rather than surprise.
    const folder = settings.out.slice(0, -ext.length) || 'export';
    throw new UsageError(
      `export: ${format.id} writes a folder of files, and '${settings.out}' names a file. Give a folder, e.g. --format ${format.id} --out ${folder}.`,
    );
  }
  if (!Number.isInteger(settings.seed)) throw new UsageError(`export: seed must be an integer, got ${settings.seed}.`);
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) {
    throw new UsageError(`export: batch size must be a positive integer, got ${settings.batchSize}.`);
  }
  if ([...settings.arrayDelimiter].length !== 1 || /[",\r\n]/.test(settings.arrayDelimiter)) {
    throw new UsageError(
      `export: the array delimiter must be one character other than a quote, comma or line break, got '${settings.arrayDelimiter}'.`,
    );
  }
}

/** An export whose output is open (checked and reserved) but not yet written. */
export interface PendingExport {
  readonly settings: ExportSettings;
  /** Writes the graph and commits the output; on error removes everything temporary and rethrows. */
  write(graph: KnowledgeGraph): Promise<ExportResult>;
  /** Gives up without writing; removes everything temporary. Safe to call twice. */
  abort(): Promise<void>;
}

function needsLayout(graph: KnowledgeGraph): boolean {
  let missing = false;
  graph.someNode((_k, a) => (missing = !Number.isFinite(a.x) || !Number.isFinite(a.y)));
  return missing;
}

/**
 * Validates the settings and opens the output before any work, so a bad format or an
 * unwritable path fails at once (the CLI calls this before reading the graph).
 *
 * @throws UsageError for an unknown format or bad settings; OutputError for an unwritable `out`.
 */
export async function openExport(options: ExportOptions): Promise<PendingExport> {
  const settings = resolveExportSettings(options);
  validateExportSettings(settings);
  const format = getExportFormat(settings.format)!;
  const output =
    exportTarget(format, settings.out) === 'file'
      ? await openFileOutput(settings.out, `graph${format.extensions[0] ?? ''}`)
      : await openFolderOutput(settings.out);
  return {
    settings,
    async write(graph) {
      try {
        if (settings.layout && (format.id === 'gexf' || format.id === 'graphml') && needsLayout(graph)) {
          applyLayout(graph, { seed: settings.seed });
        }
        // The counts come from the writer, so the summary says what the files hold.
        const written = await format.write(graph, output, settings);
        const names = output.kind === 'folder' ? (await readdir(output.dir)).sort() : [];
        await output.commit();
        return {
          format: format.id,
          path: output.path,
          files: output.kind === 'folder' ? names.map((n) => join(output.path, n)) : [output.path],
          nodes: written.nodes,
          edges: written.edges,
        };
      } catch (err) {
        await output.abort();
        throw err;
      }
    },
    abort: () => output.abort(),
  };
}

/**
 * Writes `graph` to `options.out` in `options.format` (inferred from the extension
 * when left out), streaming, through a temporary file renamed at the end: on error
 * nothing is left behind. gexf and graphml lay the graph out first (in place, seeded)
 * when its nodes have no positions, unless `layout: false`. The result counts what was
 * written (csv and cypher: also Article nodes and MENTIONED_IN relationships).
 *
 * @example
 * await exportGraph(graph, { format: 'gexf', out: 'out/graph.gexf' });
 * await exportGraph(graph, { format: 'csv', out: 'out/neo4j-import' }); // nodes.csv, relationships.csv
 * await exportGraph(graph, { out: 'out/graph.html' }); // one self-contained page
 * await exportGraph(graph, { format: 'html', out: 'out/explorer' }); // index.html and its files
 * @throws UsageError for an unknown format or bad settings; OutputError for an unwritable `out`.
 */
export async function exportGraph(graph: KnowledgeGraph, options: ExportOptions): Promise<ExportResult> {
  const pending = await openExport(options);
  return pending.write(graph);
}
