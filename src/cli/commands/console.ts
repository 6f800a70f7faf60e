/**
 * `newsgraph console`: an interactive Cypher console (see cli/console/repl.ts). Read-only
 * unless --write. When stdin is not a terminal it runs the statements it reads.
 */
import { Option } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { FORMATS, loadSavedQueries, openDriver, type OutputFormat } from '../../sinks/neo4j/index.js';
import {
  addConnectionOptions,
  PsqlUsageCommand,
  resolveConnection,
  rethrowUsageAsExitOne,
  type ConnectionFlags,
} from '../connection.js';
import { CypherConsole } from '../console/repl.js';
import { ExitRequest } from '../exit.js';

interface ConsoleFlags extends ConnectionFlags {
  write?: boolean;
  format: OutputFormat;
  history?: string;
}

/** The history file: --history, then NEWSGRAPH_HISTORY, then ~/.newsgraph_history. */
export function historyFile(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.NEWSGRAPH_HISTORY ?? join(homedir(), '.newsgraph_history');
}

export function consoleCommand(): PsqlUsageCommand {
  const cmd = new PsqlUsageCommand('console');
  addConnectionOptions(
    cmd
      .description(
        'Interactive Cypher console (read-only unless --write); reads statements from stdin when it is not a terminal',
      )
      .option('--write', 'allow statements that write')
      .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table'))
      .option('--history <file>', 'history file (env NEWSGRAPH_HISTORY, default ~/.newsgraph_history)'),
  );
  cmd.action(async (flags: ConsoleFlags) => {
    let driver: Driver | undefined;
    try {
      const connection = resolveConnection(flags);
      driver = await openDriver(connection, { module: 'console' });
      const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
      const code = await new CypherConsole({
        driver,
        connection,
        readOnly: !flags.write,
        format: flags.format,
        savedQueries: loadSavedQueries(),
        input: process.stdin,
        output: process.stdout,
        errors: process.stderr,
        terminal,
        historyFile: historyFile(flags.history),
      }).run();
      if (code !== 0) throw new ExitRequest(code);
    } catch (err) {
      rethrowUsageAsExitOne(err);
    } finally {
      await driver?.close();
    }
  });
  return cmd;
}
