/** Exit codes and the one place errors become messages. */
import { NewsgraphError } from '../errors.js';

export const EXIT = {
  OK: 0,
  /** build: some inputs skipped; query: usage error (as psql). */
  PARTIAL: 1,
  /** build: usage error; query/push: connection or auth failure. */
  USAGE: 2,
  QUERY: 3,
} as const;

/** Thrown by a command to end with a given exit code after it has printed its own output. */
export class ExitRequest extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Maps an error to its one-line message and exit code. */
export function describeError(err: unknown): { message: string; exitCode: number } {
  if (err instanceof ExitRequest) return { message: '', exitCode: err.exitCode };
  if (err instanceof NewsgraphError) {
    const exitCode =
      err.code === 'CONNECTION' || err.code === 'AUTH' ? 2 : err.code === 'QUERY' ? EXIT.QUERY : EXIT.USAGE;
    return { message: err.message, exitCode };
  }
  const e = err as { code?: string; message?: string };
  if (e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander has already printed its message.
    return {
      message: '',
      exitCode: e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : EXIT.USAGE,
    };
  }
  return { message: `newsgraph: unexpected error: ${(err as Error)?.stack ?? String(err)}`, exitCode: 70 };
}
