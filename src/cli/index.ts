#!/usr/bin/env node
/**
 * Entry point of the `newsgraph` command. Commands throw; `handleError` is the one place an
 * error becomes a message and an exit code (see the table in exit.ts), and this file is the
 * only one that sets the exit code.
 */
import { describeError } from './exit.js';
import { createProgram } from './program.js';

/** Prints the error's message (unless already shown) and returns its exit code. */
function handleError(err: unknown): number {
  const { message, exitCode } = describeError(err);
  if (message) process.stderr.write(`${message}\n`);
  return exitCode;
}

// `newsgraph … | head`: when the reader goes away, writing fails with EPIPE on a later tick,
// outside any command's promise. Stop at once, quietly, with the code the table gives it.
process.stdout.on('error', (err) => process.exit(handleError(err)));
// Nothing can be said on a closed stderr (`2>&1 | head`): a message lost there is not a reason to crash.
process.stderr.on('error', () => {});

async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    return handleError(err);
  }
}

process.exitCode = await main(process.argv);
