/**
 * What `query` and the console share: the one write check (statements run in a read-only
 * session unless --write, so the server itself refuses any write, schema change or writing
 * procedure), parameters given as `name=value`, and the check that every parameter given is
 * one the statements or the saved query use, so a mistyped name is an error rather than
 * silently ignored.
 */
import { UsageError } from '../errors.js';
import {
  addressOf,
  describeQueryError,
  parseParam,
  type ConnectionSettings,
  type QueryError,
  type RunContext,
  type SavedQuery,
} from '../sinks/neo4j/index.js';

/** The server's code for a write refused by a read-only session. */
const ACCESS_MODE = 'Neo.ClientError.Statement.AccessMode';

/** How the statements of `query` or the console run: read-only unless `write`. */
export function runContext(
  connection: ConnectionSettings,
  options: { write: boolean; module: 'query' | 'console' },
): RunContext {
  return {
    address: addressOf(connection),
    password: connection.password,
    database: connection.database,
    readOnly: !options.write,
    module: options.module,
  };
}

/** The server's message with a caret under the position, and how to allow writes when a write was refused. */
export function explainQueryError(err: QueryError, command: 'query' | 'console'): string {
  const text = describeQueryError(err);
  if (err.neo4jCode !== ACCESS_MODE) return text;
  return `${text}\n(${command === 'console' ? 'The console is read-only; start it' : 'query is read-only; run it again'} with --write to allow writes.)`;
}

/** How a parameter is given in each place, for messages: `-P name=value` or `:run NAME name=value`. */
export type ParamSyntax = { kind: 'flag' } | { kind: 'run'; query: string };

function example(syntax: ParamSyntax, name: string): string {
  return syntax.kind === 'flag' ? `-P ${name}=value` : `:run ${syntax.query} ${name}=value`;
}

/** Parses `name=value` parameters (value as JSON, else text); throws a UsageError naming a malformed one. */
export function parseParams(values: readonly string[], command: string, syntax: ParamSyntax): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const value of values) {
    let parsed: [string, unknown];
    try {
      parsed = parseParam(value);
    } catch (err) {
      const given = syntax.kind === 'flag' ? `-P/--param '${value}'` : `parameter '${value}'`;
      throw new UsageError(
        `${command}: ${given} is not name=value. Expected e.g. ${example(syntax, 'name').replace('value', 'Biden')} or ${example(syntax, 'limit').replace('value', '10')}.`,
        { cause: err },
      );
    }
    params[parsed[0]] = parsed[1];
  }
  return params;
}

// Strings, backtick names and comments are passed over; a `$` outside them starts a parameter.
const TOKENS =
  /'(?:[^'\\]|\\[\s\S])*'?|"(?:[^"\\]|\\[\s\S])*"?|`(?:[^`]|``)*`?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|\$(?:([\p{L}\p{N}_]+)|`((?:[^`]|``)*)`)/gu;

/** The names of the parameters (`$name`, `` $`odd name` ``) a Cypher text uses. */
export function statementParameters(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(TOKENS)) {
    const name = m[1] ?? m[2]?.replace(/``/g, '`');
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** Throws a UsageError naming the first given parameter that is not in `known`. */
export function checkParamNames(
  given: Record<string, unknown>,
  known: ReadonlySet<string>,
  command: string,
  what: string,
): void {
  const unknown = Object.keys(given).filter((name) => !known.has(name));
  if (!unknown.length) return;
  const uses = known.size ? [...known].map((n) => `$${n}`).join(', ') : 'no parameters';
  throw new UsageError(
    `${command}: ${unknown.map((n) => `$${n}`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a parameter of ${what} (it uses ${uses}). Check the name${unknown.length > 1 ? 's' : ''}.`,
  );
}

/**
 * The parameters to run a saved query with: `given` over the console's `session` parameters
 * (set by :param, which may serve other statements too) over its declared defaults. Throws a
 * UsageError naming a given parameter it does not know, or the required ones missing, with
 * the syntax of the place they are given in.
 */
export function savedQueryArguments(
  query: SavedQuery,
  given: Record<string, unknown>,
  command: string,
  syntax: ParamSyntax,
  session: Record<string, unknown> = {},
): Record<string, unknown> {
  // Scanning the statements costs time on a large script: only when there is a name to check.
  if (Object.keys(given).length) {
    const known = new Set([
      ...query.params.map((p) => p.name),
      ...query.statements.flatMap((s) => [...statementParameters(s.text)]),
    ]);
    checkParamNames(given, known, command, syntax.kind === 'flag' ? query.file : `the saved query ${query.name}`);
  }
  const missing = query.params
    .filter((p) => p.default === undefined && !(p.name in given) && !(p.name in session))
    .map((p) => p.name);
  if (missing.length) {
    const how =
      syntax.kind === 'flag'
        ? `Give ${missing.length > 1 ? 'them' : 'it'} with ${missing.map((n) => example(syntax, n)).join(' ')}`
        : `Give ${missing.length > 1 ? 'them' : 'it'} with ${example(syntax, missing[0]!)}, or set ${missing.length > 1 ? 'them' : 'it'} first with :param ${missing[0]} => 'value'`;
    throw new UsageError(`${command}: ${query.name} needs ${missing.map((n) => `$${n}`).join(', ')}. ${how}.`);
  }
  const values: Record<string, unknown> = {};
  for (const p of query.params) if (p.default !== undefined) values[p.name] = p.default;
  return { ...values, ...session, ...given };
}
