/**
 * The commander program: one command per file under commands/, registered here.
 * Commands throw; `cli/index.ts` sets the exit code.
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { buildCommand } from './commands/build.js';
import { exportCommand } from './commands/export.js';
import { viewCommand } from './commands/view.js';
import { pushCommand } from './commands/push.js';
import { queryCommand } from './commands/query.js';
import { consoleCommand } from './commands/console.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Creates the program. `exitOverride` makes commander throw instead of exiting, so tests can run it in-process. */
export function createProgram(): Command {
  const program = new Command('newsgraph')
    .description('Turn news articles into a knowledge graph: build it, query it in Cypher, explore it, export it.')
    .version(version())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const make of [buildCommand, exportCommand, viewCommand, pushCommand, queryCommand, consoleCommand])
    program.addCommand(make().exitOverride());
  return program;
}
