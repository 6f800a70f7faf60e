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
  /** The file to write; for csv a folder; for html a file when it ends in .html or .htm, else a folder. */
  out: string;
  /** gexf, graphml: compute a layout (positions, sizes) when the nodes have none. */
  layout: boolean;
  /** Seed of that layout, so the same graph gives the same file. */
  seed: number;
  /** csv: the character between the elements of an array property (pass the same to neo4j-admin's `--array-delimiter`). */
  arrayDelimiter: string;
  /** cypher: rows per `UNWIND … MERGE` statement. */
  batchSize: number;
  /** html: the articles' texts (graph/article-texts.ts), so an evidence opens on its article; without, it opens alone. */
  texts?: ReadonlyMap<string, string> | undefined;
}

/** What an export wrote. */
export interface ExportResult {
  format: ExportFormatId;
  /** The file or folder written. */
  path: string;
  /** The files written, absolute. */
  files: string[];
  /** Nodes written: the graph's nodes, and for csv and cypher also the Article nodes they create. */
  nodes: number;
  /** Edges (relationships) written: the graph's edges, and for csv and cypher also the MENTIONED_IN ones. */
  edges: number;
}

/** What a format wrote, counted as it wrote it. */
export interface WriteCounts {
  nodes: number;
  edges: number;
}

/**
 * What `out` names for a format: always a file, always a folder, or (html) a file when `out` ends
 * in one of the format's extensions and a folder otherwise.
 */
export type ExportTarget = 'file' | 'folder' | 'file-or-folder';

/** One export format: a descriptor in `EXPORT_FORMATS`. */
export interface ExportFormat {
  id: ExportFormatId;
  /** One line for `--help` and the README. */
  description: string;
  /** Whether `out` names a file or a folder; see {@link ExportTarget}. */
  target: ExportTarget;
  /**
   * File extensions that imply this format when `--format` is not given. A folder format refuses an
   * `out` ending in any format's extension: that names a file, not the folder it would write.
   */
  extensions: readonly string[];
  /** Writes `graph` into `output` (a file or a folder, `output.kind`) without committing it; returns what it wrote. */
  write(graph: KnowledgeGraph, output: Output, settings: ExportSettings): Promise<WriteCounts>;
}
