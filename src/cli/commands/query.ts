/**
 * `newsgraph query "<cypher>"` / `newsgraph query -f file.cypher`: run Cypher and print the
 * results on stdout (messages on stderr). Exit codes as psql: 0 ok, 1 usage, 2 connection or
 * authentication, 3 query error. A file must end every statement with `;`: an unterminated
 * last statement is a usage error found before anything runs.
 */
import { Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { UsageError } from '../../errors.js';
import {
  FORMATS,
  QueryError,
  addressOf,
  describeQueryError,
  formatResult,
  openDriver,
  parseParam,
  parseSavedQuery,
  savedQueryParams,
  runStatement,
  splitStatements,
  type ConnectionSettings,
  type OutputFormat,
  type Statement,
  type StatementResult,
} from '../../sinks/neo4j/index.js';
import {
  addConnectionOptions,
  PsqlUsageCommand,
  resolveConnection,
  rethrowUsageAsExitOne,
  type ConnectionFlags,
} from '../connection.js';

interface QueryFlags extends ConnectionFlags {
  file?: string;
  param: string[];
  format: OutputFormat;
}

/** Reads the statements to run from the argument or the file; throws UsageError. */
export function statementsToRun(
  cypher: string | undefined,
  file: string | undefined,
): { statements: Statement[]; source: string } {
  if (cypher !== undefined && file !== undefined)
    throw new UsageError('query: give either a statement or -f/--file, not both.');
  if (cypher === undefined && file === undefined)
    throw new UsageError(
      'query: no statement. Pass one in quotes (newsgraph query "MATCH (n) RETURN count(n)") or -f file.cypher.',
    );
  if (file !== undefined) {
    let text: string;
    try {
      text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(
        `query: cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`,
        { cause: err },
      );
    }
    const { statements, unterminated } = splitStatements(text);
    if (unterminated) {
      throw new UsageError(
        `query: ${file} line ${unterminated.line}: the last statement has no terminating ';' and was not run. End every statement with ';'.`,
      );
    }
    if (!statements.length) throw new UsageError(`query: ${file} holds no statement.`);
    return { statements, source: file };
  }
  const { statements, unterminated } = splitStatements(cypher!);
  // On the command line the last ';' is optional.
  const all = unterminated ? [...statements, unterminated] : statements;
  if (!all.length) throw new UsageError('query: the statement is empty.');
  return { statements: all, source: 'argument' };
}

/** One line about a statement's effect and time, for stderr. */
export function resultNote(r: StatementResult): string {
  const rows = r.rows.length;
  const updates = Object.entries(r.updates).map(([k, n]) => `${k}: ${n}`);
  return [
    `${rows} row${rows === 1 ? '' : 's'}`,
    ...updates,
    `server ${Math.round(r.serverMs.availableAfter + r.serverMs.consumedAfter)} ms, round trip ${Math.round(r.roundTripMs)} ms`,
  ].join(', ');
}

/** Runs statements one after another, printing each result; stops at the first error. */
export async function runAll(
  driver: Driver,
  connection: ConnectionSettings,
  statements: Statement[],
  params: Record<string, unknown>,
  format: OutputFormat,
  out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; notes: boolean },
  readOnly = false,
): Promise<void> {
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i]!;
    try {
      const r = await runStatement(driver, st.text, params, {
        address: addressOf(connection),
        password: connection.password,
        database: connection.database,
        readOnly,
      }).result;
      if (r.keys.length) {
        if (i > 0 && format === 'table') out.stdout.write('\n');
        out.stdout.write(formatResult(r, format));
      }
      for (const n of r.notifications) out.stderr.write(`query: ${n}\n`);
      if (out.notes) out.stderr.write(`${resultNote(r)}\n`);
    } catch (err) {
      if (err instanceof QueryError && statements.length > 1) {
        throw new QueryError(`query: statement ${i + 1} (line ${st.line}) failed: ${describeQueryError(err)}`, err, {
          cause: err,
        });
      }
      if (err instanceof QueryError) throw new QueryError(`query: ${describeQueryError(err)}`, err, { cause: err });
      throw err;
    }
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function queryCommand(): PsqlUsageCommand {
  const cmd = new PsqlUsageCommand('query');
  addConnectionOptions(
    cmd
      .description('Run Cypher and print the results (exit 0 ok, 1 usage, 2 connection/auth, 3 query error)')
      .argument('[cypher]', 'the statement(s) to run; the last ";" is optional here')
      .option('-f, --file <file.cypher>', "run a file of ';'-terminated statements (- for stdin)")
      .option('-P, --param <name=value>', 'a parameter, value as JSON or plain text (repeatable)', collect, [])
      .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table')),
  );
  cmd.action(async (cypher: string | undefined, flags: QueryFlags) => {
    let driver: Driver | undefined;
    try {
      const { statements } = statementsToRun(cypher, flags.file);
      let params = Object.fromEntries(flags.param.map(parseParam));
      if (flags.file !== undefined && flags.file !== '-') {
        // A saved query declares its parameters (`// @param name = default: …`): apply defaults, name missing ones.
        params = savedQueryParams(parseSavedQuery(flags.file, readFileSync(flags.file, 'utf8')), params);
      }
      const connection = resolveConnection(flags);
      driver = await openDriver(connection, { module: 'query' });
      await runAll(driver, connection, statements, params, flags.format, {
        stdout: process.stdout,
        stderr: process.stderr,
        notes: Boolean(process.stderr.isTTY),
      });
    } catch (err) {
      rethrowUsageAsExitOne(err);
    } finally {
      await driver?.close();
    }
  });
  return cmd;
}
