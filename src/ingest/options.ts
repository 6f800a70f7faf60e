/**
 * Ingest settings: the options `readArticles` takes, their defaults, and the one
 * place that resolves and validates them (called first, before any file is opened).
 */
import type { Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import type { Article } from '../types.js';
import type { FurnitureRules } from './furniture.js';

/** Options for {@link readArticles}. Every field is optional. */
export interface IngestOptions {
  /**
   * Largest article read, in bytes (default 50 MiB). Checked with `stat` before a file is
   * read. For JSONL the limit applies to each line (record), since the file itself is streamed.
   */
  maxFileBytes?: number;
  /** Remove page furniture (sign-up prompts, video notices, photo credits, …); default true. */
  removeFurniture?: boolean;
  /** Furniture rules to use instead of `data/furniture.json`. */
  furniture?: FurnitureRules;
  /** Where `-` reads from; default `process.stdin`. Tests pass their own stream. */
  stdin?: Readable;
  /**
   * Called for files passed over silently inside folders (other file types, hidden files,
   * a file already read through another path). Explicitly named inputs are never ignored:
   * they are read or yielded as skipped.
   */
  onIgnored?: (path: string, reason: string) => void;
  /**
   * Asked, for each file that holds one article (text, Markdown, HTML), with a key of its path
   * and bytes and of the reading options, before the file is parsed: an article returned is used
   * as it is (the extraction cache keeps what earlier builds read). Not asked with custom
   * `furniture`, which the key does not cover.
   */
  recall?: (fileKey: string) => Article | undefined;
}

/** The options with every default filled in. */
export interface ResolvedIngestOptions {
  maxFileBytes: number;
  removeFurniture: boolean;
  furniture: FurnitureRules | undefined;
  stdin: Readable | undefined;
  onIgnored: (path: string, reason: string) => void;
  recall: ((fileKey: string) => Article | undefined) | undefined;
}

/** 50 MiB: far above any news article, low enough that a stray dump file is not read. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Defaults of the plain-valued options. */
export const DEFAULT_INGEST_OPTIONS: Readonly<
  Omit<ResolvedIngestOptions, 'furniture' | 'stdin' | 'onIgnored' | 'recall'>
> = Object.freeze({
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  removeFurniture: true,
});

/** Returns a message for each invalid option (empty when all are valid). */
export function validateIngestOptions(options: IngestOptions): { message: string }[] {
  const problems: { message: string }[] = [];
  const max = options.maxFileBytes;
  if (max !== undefined && (typeof max !== 'number' || !Number.isFinite(max) || max <= 0)) {
    problems.push({ message: `ingest: maxFileBytes must be a positive number of bytes, got ${String(max)}.` });
  }
  return problems;
}

/** Fills in defaults; throws a UsageError listing every invalid option. */
export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  const problems = validateIngestOptions(options);
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.message).join(' '));
  return {
    maxFileBytes: Math.floor(options.maxFileBytes ?? DEFAULT_INGEST_OPTIONS.maxFileBytes),
    removeFurniture: options.removeFurniture ?? DEFAULT_INGEST_OPTIONS.removeFurniture,
    furniture: options.furniture,
    stdin: options.stdin,
    onIgnored: options.onIgnored ?? (() => {}),
    recall: options.furniture ? undefined : options.recall,
  };
}

/** "50 MB" for 50 MiB (the `--max-file-size` flag counts megabytes); "500-byte" for tiny limits. */
export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 0.1) return `${bytes}-byte`;
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(1))} MB`;
}

/** The one-line reason for a file over the limit; `streamed`: the size is what was read before stopping. */
export function tooLargeReason(size: number, limit: number, streamed = false): string {
  const bytes = streamed ? `more than ${size} bytes` : `${size} bytes`;
  return `larger than the ${formatLimit(limit)} limit (${bytes}); raise --max-file-size to read it`;
}
