/** Types shared by the export formats. */
import type { KnowledgeGraph } from '../../types.js';
import type { Output } from './output.js';

/** The format ids, in the order `--help` lists them. */
export const EXPORT_FORMAT_IDS = ['gexf', 'graphml', 'csv', 'cypher', 'json', 'jsonl', 'html'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

/** Settings of one export; see `DEFAULT_EXPORT_SETTINGS`. */
export interface ExportSettings {
  /** Which format to write. */
  format: ExportFormatId;
  /** The file (or, for csv and html, the folder) to write. */
  out: string;
  /** gexf, graphml: compute a layout (positions, sizes) when the nodes have none. */
  layout: boolean;
  /** Seed of that layout, so the same graph gives the same file. */
  seed: number;
  /** csv: the character between the elements of an array property (pass the same to neo4j-admin's `--array-delimiter`). */
  arrayDelimiter: string;
  /** cypher: rows per `UNWIND … MERGE` statement. */
  batchSize: number;
}

/** What an export wrote. */
export interface ExportResult {
  format: ExportFormatId;
  /** The file or folder written. */
  path: string;
  /** The files written, absolute. */
  files: string[];
  nodes: number;
  edges: number;
}

/** One export format: a descriptor in `EXPORT_FORMATS`. */
export interface ExportFormat {
  id: ExportFormatId;
  /** One line for `--help` and the README. */
  description: string;
  /** Whether `out` names a file or a folder. */
  target: 'file' | 'folder';
  /** File extensions that imply this format when `--format` is not given. */
  extensions: readonly string[];
  /** Writes `graph` into `output` (not committing it); returns the file names written. */
  write(graph: KnowledgeGraph, output: Output, settings: ExportSettings): Promise<string[]>;
}
