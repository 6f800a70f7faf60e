/**
 * `newsgraph query "<cypher>"` / `newsgraph query -f file.cypher`: run Cypher and print the
 * results on stdout (messages on stderr). Read-only unless --write, as the console. A file
 * must end every statement with `;`: an unterminated last statement is a usage error found
 * before anything runs. Exit codes are the table of cli/exit.ts.
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { UsageError } from '../../errors.js';
import {
  FORMATS,
  QueryError,
  formatResult,
  openDriver,
  parseSavedQuery,
  runStatement,
  splitStatements,
  type ConnectionSettings,
  type OutputFormat,
  type RunContext,
  type SavedQuery,
  type Statement,
  type StatementResult,
} from '../../sinks/neo4j/index.js';
import {
  addConnectionOptions,
  resolveConnection,
  validateConnectionSettings,
  type ConnectionFlags,
} from '../connection.js';
import {
  checkParamNames,
  explainQueryError,
  parseParams,
  runContext,
  savedQueryArguments,
  statementParameters,
} from '../cypher.js';
import { exitCodesHelp } from '../exit.js';
import { checkChoice, defaultNote, examplesHelp } from '../settings.js';

/** The flags as commander hands them over: strings as typed, undefined when not given. */
export interface QueryFlags extends ConnectionFlags {
  file?: string;
  param?: string[];
  format?: string;
  write?: boolean;
}

/** What `newsgraph query` runs with. */
export interface QuerySettings {
  /** The statement(s) given as the argument. */
  cypher: string | undefined;
  /** The file to read them from instead (`-` for stdin). */
  file: string | undefined;
  /** `name=value` as given to -P/--param, in order. */
  params: string[];
  format: OutputFormat;
  write: boolean;
  connection: ConnectionSettings;
}

export const DEFAULT_QUERY_SETTINGS: Readonly<Pick<QuerySettings, 'format' | 'write'>> = Object.freeze({
  format: 'table',
  write: false,
});

/** Flags over environment over DEFAULT_QUERY_SETTINGS; see validateQuerySettings. */
export function resolveQuerySettings(
  cypher: string | undefined,
  flags: QueryFlags,
  env: NodeJS.ProcessEnv = process.env,
): QuerySettings {
  const d = DEFAULT_QUERY_SETTINGS;
  return {
    cypher,
    file: flags.file,
    params: flags.param ?? [],
    format: (flags.format ?? d.format) as OutputFormat,
    write: flags.write ?? d.write,
    connection: resolveConnection(flags, env),
  };
}

/** Throws a UsageError naming the first flag or argument that is wrong. */
export function validateQuerySettings(s: QuerySettings): void {
  if (s.cypher !== undefined && s.file !== undefined)
    throw new UsageError('query: give either a statement or -f/--file, not both.');
  if (s.cypher === undefined && s.file === undefined)
    throw new UsageError(
      'query: no statement. Pass one in quotes (newsgraph query "MATCH (n) RETURN count(n)") or -f file.cypher.',
    );
  checkChoice('query', '--format', s.format, FORMATS);
  parseParams(s.params, 'query', { kind: 'flag' });
  validateConnectionSettings(s.connection);
}

/** Reads the statements to run from the argument or the file; throws UsageError. */
export function statementsToRun(
  cypher: string | undefined,
  file: string | undefined,
): { statements: Statement[]; source: string; savedQuery?: SavedQuery } {
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
    let savedQuery: SavedQuery;
    try {
      // Any file may declare its parameters as a saved query does (`// @param name = default: …`).
      savedQuery = parseSavedQuery(file, text);
    } catch (err) {
      throw new UsageError(`query: ${(err as Error).message}`, { cause: err });
    }
    return { statements, source: file, savedQuery };
  }
  const { statements, unterminated } = splitStatements(cypher ?? '');
  // On the command line the last ';' is optional.
  const all = unterminated ? [...statements, unterminated] : statements;
  if (!all.length) throw new UsageError('query: the statement is empty.');
  return { statements: all, source: 'argument' };
}

/**
 * The parameters to run with: for a file, its declared defaults under the given values; a
 * given parameter that no statement (nor the file's declarations) uses is a usage error.
 */
export function queryParameters(
  given: Record<string, unknown>,
  statements: readonly Statement[],
  savedQuery: SavedQuery | undefined,
): Record<string, unknown> {
  if (savedQuery) return savedQueryArguments(savedQuery, given, 'query', { kind: 'flag' });
  if (Object.keys(given).length) {
    const used = new Set(statements.flatMap((s) => [...statementParameters(s.text)]));
    checkParamNames(given, used, 'query', statements.length > 1 ? 'the statements' : 'the statement');
  }
  return given;
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
  context: RunContext,
  statements: Statement[],
  params: Record<string, unknown>,
  format: OutputFormat,
  out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; notes: boolean },
): Promise<void> {
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i]!;
    try {
      const r = await runStatement(driver, st.text, params, context).result;
      if (r.keys.length) {
        if (i > 0 && format === 'table') out.stdout.write('\n');
        out.stdout.write(formatResult(r, format));
      }
      for (const n of r.notifications) out.stderr.write(`query: ${n}\n`);
      if (out.notes) out.stderr.write(`${resultNote(r)}\n`);
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      const where = statements.length > 1 ? `statement ${i + 1} (line ${st.line}) failed: ` : '';
      throw new QueryError(`query: ${where}${explainQueryError(err, 'query')}`, err, { cause: err });
    }
  }
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function queryCommand(): Command {
  const d = DEFAULT_QUERY_SETTINGS;
  const command = new Command('query')
    .description('Run Cypher and print the results; read-only unless --write')
    .argument('[cypher]', 'the statement(s) to run; the last ";" is optional here')
    .option('-f, --file <file.cypher>', "run a file of ';'-terminated statements (- for stdin)")
    .option('-P, --param <name=value>', 'a parameter, value as JSON or plain text (repeatable)', collect)
    .option('--format <format>', `output format: ${FORMATS.join(', ')}${defaultNote(d.format)}`)
    .option('--write', 'allow statements that write (without it the server refuses them)');
  return addConnectionOptions(command)
    .addHelpText(
      'after',
      examplesHelp(
        [
          'newsgraph query "MATCH (p:Person) RETURN p.name LIMIT 5"',
          'newsgraph query -f graph/queries/who-met-whom.cypher -P name=Zelensky --format csv',
          "newsgraph query 'MATCH (p:Person) WHERE p.name CONTAINS $who RETURN p.name' -P who=Biden",
          'newsgraph query --write -f out/graph.cypher',
        ],
        exitCodesHelp(['OK', 'USAGE', 'QUERY', 'CONNECTION']),
      ),
    )
    .action(async (cypher: string | undefined, flags: QueryFlags) => {
      const settings = resolveQuerySettings(cypher, flags);
      validateQuerySettings(settings);
      const { statements, savedQuery } = statementsToRun(settings.cypher, settings.file);
      const given = parseParams(settings.params, 'query', { kind: 'flag' });
      const params = queryParameters(given, statements, savedQuery);
      const driver = await openDriver(settings.connection, { module: 'query' });
      try {
        await runAll(
          driver,
          runContext(settings.connection, { write: settings.write, module: 'query' }),
          statements,
          params,
          settings.format,
          { stdout: process.stdout, stderr: process.stderr, notes: Boolean(process.stderr.isTTY) },
        );
      } finally {
        await driver.close();
      }
    });
}
