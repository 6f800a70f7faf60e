#!/usr/bin/env node
/** Entry point of the `newsgraph` command: runs the program and turns errors into exit codes. */
import { describeError } from './exit.js';
import { createProgram } from './program.js';

async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    const { message, exitCode } = describeError(err);
    if (message) process.stderr.write(`${message}\n`);
    return exitCode;
  }
}

process.exitCode = await main(process.argv);
