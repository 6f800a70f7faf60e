/**
 * The commander program: one command per file under commands/, registered here in the order
 * `--help` lists them. Commands throw; `cli/index.ts` turns errors into exit codes.
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { buildCommand } from './commands/build.js';
import { consoleCommand } from './commands/console.js';
import { exportCommand } from './commands/export.js';
import { judgeCommand } from './commands/judge.js';
import { pushCommand } from './commands/push.js';
import { queryCommand } from './commands/query.js';
import { viewCommand } from './commands/view.js';
import { exitCodesHelp } from './exit.js';
import { examplesHelp } from './settings.js';

/** Every command, in help order. */
export const COMMANDS: readonly (() => Command)[] = [
  buildCommand,
  judgeCommand,
  exportCommand,
  viewCommand,
  pushCommand,
  queryCommand,
  consoleCommand,
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Creates the program. `exitOverride` makes commander throw instead of exiting (so tests can
 * run it in-process and `handleError` decides the exit code); `addCommand` does not pass
 * settings down, so each command gets them too.
 */
export function createProgram(): Command {
  const program = new Command('newsgraph')
    .description('Turn news articles into a knowledge graph: build it, query it in Cypher, explore it, export it.')
    .version(version())
    .addHelpText(
      'after',
      examplesHelp(
        [
          'newsgraph build examples/articles --out out/demo',
          'newsgraph view out/demo/graph.json',
          'newsgraph push out/demo/graph.json && newsgraph console',
          'newsgraph help build',
        ],
        exitCodesHelp(),
      ),
    );
  for (const make of COMMANDS) program.addCommand(make());
  for (const command of [program, ...program.commands]) {
    command
      .exitOverride()
      .showHelpAfterError(`(run 'newsgraph ${command === program ? '' : `${command.name()} `}--help' for usage)`);
  }
  return program;
}
