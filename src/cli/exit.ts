/**
 * The one exit-code table of the `newsgraph` command, and the one mapping from an error to
 * its message and exit code. `cli/index.ts`'s `handleError` is the only caller that acts on
 * it; commands only throw.
 */
import type { ErrorCode } from '../errors.js';
import { NewsgraphError } from '../errors.js';

/** Every exit code, in the order `--help` and the README list them. */
export const EXIT_CODES = [
  { name: 'OK', code: 0, meaning: 'done' },
  { name: 'PARTIAL', code: 1, meaning: 'some inputs were skipped, each named on stderr; the others were used' },
  {
    name: 'USAGE',
    code: 2,
    meaning: 'usage error: a bad flag, argument or statement file, or a file that cannot be read or written',
  },
  { name: 'QUERY', code: 3, meaning: 'the server rejected a statement (syntax, constraint, read-only)' },
  { name: 'CONNECTION', code: 4, meaning: 'the server cannot be reached, or refused the credentials' },
  { name: 'INTERNAL', code: 70, meaning: 'a bug in newsgraph (please report it with the message)' },
] as const;

export type ExitName = (typeof EXIT_CODES)[number]['name'];

/** `EXIT.USAGE` → 2, from the table above. */
export const EXIT = Object.freeze(Object.fromEntries(EXIT_CODES.map((e) => [e.name, e.code]))) as Readonly<
  Record<ExitName, number>
>;

/** Which exit code each error code ends the command with. */
export const EXIT_FOR_ERROR: Readonly<Record<ErrorCode, ExitName>> = Object.freeze({
  USAGE: 'USAGE',
  // An unreadable input is skipped during a build; one that still escapes made the command fail to start.
  INPUT: 'USAGE',
  PARTIAL: 'PARTIAL',
  GRAPH_FILE: 'USAGE',
  OUTPUT: 'USAGE',
  QUERY: 'QUERY',
  CONNECTION: 'CONNECTION',
  AUTH: 'CONNECTION',
  INTERNAL: 'INTERNAL',
});

/** The exit-code table as help text (one line a code), or the lines of the codes `only` names. */
export function exitCodesHelp(only?: readonly ExitName[]): string {
  const rows = EXIT_CODES.filter((e) => !only || only.includes(e.name));
  return `Exit codes:\n${rows.map((e) => `  ${String(e.code).padStart(2)}  ${e.meaning}`).join('\n')}`;
}

interface ErrorShape {
  code?: unknown;
  exitCode?: unknown;
  message?: unknown;
  stack?: unknown;
}

/** Whether `err` says the reader of our output went away (`newsgraph … | head`). */
export function isBrokenPipe(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as ErrorShape).code === 'EPIPE';
}

/** Maps an error to its one-line message ('' when it has been shown already) and exit code. */
export function describeError(err: unknown): { message: string; exitCode: number } {
  if (err instanceof NewsgraphError) {
    return { message: err.reported ? '' : err.message, exitCode: EXIT[EXIT_FOR_ERROR[err.code]] };
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorShape;
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander has printed its message (or the help) already; help and version end with 0, as `help <command>` does.
    return { message: '', exitCode: e.exitCode === 0 ? EXIT.OK : EXIT.USAGE };
  }
  // Nobody reads our output any more: stop quietly, as `cat` does.
  if (isBrokenPipe(err)) return { message: '', exitCode: EXIT.OK };
  const detail = typeof e.stack === 'string' ? e.stack : String(err);
  return { message: `newsgraph: unexpected error: ${detail}`, exitCode: EXIT.INTERNAL };
}
