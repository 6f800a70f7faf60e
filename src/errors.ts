/**
 * One small error tree. Commands throw these; only `cli/index.ts` turns them into
 * messages and exit codes (through the table in `cli/exit.ts`, keyed by `code`).
 * Tests check the class or `code`, never the text.
 */

export type ErrorCode =
  'USAGE' | 'INPUT' | 'PARTIAL' | 'GRAPH_FILE' | 'OUTPUT' | 'CONNECTION' | 'AUTH' | 'QUERY' | 'INTERNAL';

export interface ErrorOptions {
  cause?: unknown;
  /**
   * The user has already been told (one line per skipped input, a summary), so the CLI
   * only turns the code into an exit code and prints nothing more.
   */
  reported?: boolean;
}

export class NewsgraphError extends Error {
  readonly code: ErrorCode;
  readonly reported: boolean;
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.reported = options?.reported ?? false;
  }
}

/** Wrong flags, arguments or console commands: nothing was done. */
export class UsageError extends NewsgraphError {
  constructor(message: string, options?: ErrorOptions) {
    super('USAGE', message, options);
  }
}

/** One input file could not be read as an article; the batch goes on. */
export class InputError extends NewsgraphError {
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super('INPUT', message, options);
    this.path = path;
  }
}

/** The work is done but some of its inputs were skipped, each already named on stderr. */
export class PartialError extends NewsgraphError {
  constructor(message: string, options?: ErrorOptions) {
    super('PARTIAL', message, { reported: true, ...options });
  }
}

/** A graph.json that is missing, unreadable or not a newsgraph graph. */
export class GraphFileError extends NewsgraphError {
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super('GRAPH_FILE', message, options);
    this.path = path;
  }
}

/** An output path that cannot be written. */
export class OutputError extends NewsgraphError {
  constructor(message: string, options?: ErrorOptions) {
    super('OUTPUT', message, options);
  }
}
