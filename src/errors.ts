/**
 * One small error tree. Commands throw these; only `cli/index.ts` turns them into
 * messages and exit codes. Tests check the class or `code`, never the text.
 */

export type ErrorCode = 'USAGE' | 'INPUT' | 'GRAPH_FILE' | 'OUTPUT' | 'CONNECTION' | 'AUTH' | 'QUERY' | 'INTERNAL';

export class NewsgraphError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Wrong flags or arguments: exit 2 for build, 1 for query (as psql). */
export class UsageError extends NewsgraphError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
  }
}

/** One input file could not be read as an article; the batch goes on. */
export class InputError extends NewsgraphError {
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super('INPUT', message, options);
    this.path = path;
  }
}

/** A graph.json that is missing, unreadable or not a newsgraph graph. */
export class GraphFileError extends NewsgraphError {
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super('GRAPH_FILE', message, options);
    this.path = path;
  }
}

/** An output path that cannot be written. */
export class OutputError extends NewsgraphError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('OUTPUT', message, options);
  }
}
