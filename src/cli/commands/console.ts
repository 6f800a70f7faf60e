/**
 * `newsgraph console`: an interactive Cypher console (see cli/console/repl.ts). Read-only
 * unless --write. When stdin is not a terminal it runs the statements it reads.
 */
import { Command } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  FORMATS,
  loadSavedQueries,
  openDriver,
  type ConnectionSettings,
  type OutputFormat,
} from '../../sinks/neo4j/index.js';
import {
  addConnectionOptions,
  resolveConnection,
  validateConnectionSettings,
  type ConnectionFlags,
} from '../connection.js';
import { CypherConsole } from '../console/repl.js';
import { exitCodesHelp } from '../exit.js';
import { checkChoice, defaultNote, examplesHelp } from '../settings.js';

/** The flags as commander hands them over: strings as typed, undefined when not given. */
export interface ConsoleFlags extends ConnectionFlags {
  write?: boolean;
  format?: string;
  history?: string;
}

/** What `newsgraph console` runs with. */
export interface ConsoleSettings {
  write: boolean;
  format: OutputFormat;
  /** The history file. */
  history: string;
  connection: ConnectionSettings;
}

export const DEFAULT_CONSOLE_SETTINGS: Readonly<Omit<ConsoleSettings, 'connection'>> = Object.freeze({
  write: false,
  format: 'table',
  history: join(homedir(), '.newsgraph_history'),
});

/** Flags over environment (NEWSGRAPH_HISTORY, NEO4J_*) over DEFAULT_CONSOLE_SETTINGS; see validateConsoleSettings. */
export function resolveConsoleSettings(flags: ConsoleFlags, env: NodeJS.ProcessEnv = process.env): ConsoleSettings {
  const d = DEFAULT_CONSOLE_SETTINGS;
  return {
    write: flags.write ?? d.write,
    format: (flags.format ?? d.format) as OutputFormat,
    history: flags.history ?? (env.NEWSGRAPH_HISTORY || d.history),
    connection: resolveConnection(flags, env),
  };
}

/** Throws a UsageError naming the first flag that is wrong. */
export function validateConsoleSettings(s: ConsoleSettings): void {
  checkChoice('console', '--format', s.format, FORMATS);
  validateConnectionSettings(s.connection);
}

export function consoleCommand(): Command {
  const d = DEFAULT_CONSOLE_SETTINGS;
  const command = new Command('console')
    .description(
      'Interactive Cypher console (read-only unless --write); reads statements from stdin when it is not a terminal',
    )
    .option('--write', 'allow statements that write')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}${defaultNote(d.format)}`)
    .option('--history <file>', 'history file (env NEWSGRAPH_HISTORY, default ~/.newsgraph_history)');
  return addConnectionOptions(command)
    .addHelpText(
      'after',
      examplesHelp(
        [
          'newsgraph console',
          'newsgraph console --write -a neo4j+s://xxxx.databases.neo4j.io',
          "echo 'MATCH (p:Person) RETURN count(p);' | newsgraph console --format csv",
        ],
        'In the console, :help lists its commands (:param, :run, :schema, …).',
        exitCodesHelp(['OK', 'USAGE', 'QUERY', 'CONNECTION']),
      ),
    )
    .action(async (flags: ConsoleFlags) => {
      const settings = resolveConsoleSettings(flags);
      validateConsoleSettings(settings);
      const driver = await openDriver(settings.connection, { module: 'console' });
      try {
        await new CypherConsole({
          driver,
          connection: settings.connection,
          write: settings.write,
          format: settings.format,
          savedQueries: loadSavedQueries(),
          input: process.stdin,
          output: process.stdout,
          errors: process.stderr,
          terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
          historyFile: settings.history,
        }).run();
      } finally {
        await driver.close();
      }
    });
}
