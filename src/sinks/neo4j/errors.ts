/**
 * The Neo4j sink's errors and the one place driver errors become them. The CLI's exit-code
 * table (cli/exit.ts) keys on their `code`; tests check the class or `code`.
 * Messages never contain the password: they are built from the driver's message with
 * the password and any user-info of the URI removed.
 */
import { NewsgraphError, type ErrorOptions } from '../../errors.js';

/** The server cannot be reached: down, wrong address, TLS mismatch, unknown database. */
export class ConnectionError extends NewsgraphError {
  readonly address: string;
  constructor(address: string, message: string, options?: ErrorOptions) {
    super('CONNECTION', message, options);
    this.address = address;
  }
}

/** The server refused the credentials. */
export class AuthError extends NewsgraphError {
  readonly address: string;
  constructor(address: string, message: string, options?: ErrorOptions) {
    super('AUTH', message, options);
    this.address = address;
  }
}

/** A position in a statement, as the server reports it (1-based line and column, 0-based offset). */
export interface StatementPosition {
  line: number;
  column: number;
  offset: number;
}

/** The server rejected a statement (syntax, semantics, constraint, access mode, …). */
export class QueryError extends NewsgraphError {
  /** Neo4j status code, e.g. `Neo.ClientError.Statement.SyntaxError`. */
  readonly neo4jCode: string | undefined;
  readonly gqlStatus: string | undefined;
  readonly statement: string | undefined;
  readonly position: StatementPosition | undefined;
  /** The server's own message, unchanged (it may already hold the statement and a caret). */
  readonly serverMessage: string;
  constructor(
    message: string,
    details: {
      neo4jCode?: string;
      gqlStatus?: string;
      statement?: string;
      position?: StatementPosition;
      serverMessage?: string;
    },
    options?: ErrorOptions,
  ) {
    super('QUERY', message, options);
    this.neo4jCode = details.neo4jCode;
    this.gqlStatus = details.gqlStatus;
    this.statement = details.statement;
    this.position = details.position;
    this.serverMessage = details.serverMessage ?? message;
  }
}

/** The address without user-info (`bolt://user:pw@host` → `bolt://host`), for messages. */
export function displayAddress(uri: string): string {
  return uri.replace(/^([a-z0-9+.-]+:\/\/)[^@/]*@/i, '$1');
}

/** Removes every occurrence of the password from a text (passwords shorter than 3 characters are too common to remove safely). */
export function redact(text: string, password: string | undefined): string {
  if (!password || password.length < 3) return text;
  return text.split(password).join('***');
}

interface DriverErrorShape {
  code?: string;
  message?: string;
  gqlStatus?: string;
  cause?: unknown;
  diagnosticRecord?: { _position?: { line?: unknown; column?: unknown; offset?: unknown } };
}

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset by the server',
};

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'toNumber' in v && typeof v.toNumber === 'function') {
    return (v as { toNumber(): number }).toNumber();
  }
  return undefined;
}

/** Why a connection failed, in a few words, from the driver's message and cause chain. */
function connectionCause(err: DriverErrorShape): string {
  const texts: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as DriverErrorShape).cause, i++)
    texts.push(String((e as DriverErrorShape).message ?? ''));
  const all = texts.join(' ');
  for (const [code, words] of Object.entries(CAUSES)) if (all.includes(code)) return `${words} (${code})`;
  if (/timed? ?out/i.test(all)) return 'connection timed out';
  if (/encryption|SSL|TLS|certificate/i.test(all))
    return 'TLS/encryption mismatch (try bolt+s:// or neo4j+s:// for servers that require TLS, bolt:// for the local server)';
  if (/routing table|discovery/i.test(all))
    return 'no routing information (the address may not be a cluster; try bolt://)';
  const first = (err.message ?? 'unknown error').split('\n')[0]!;
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

/**
 * Turns a driver error into a ConnectionError, AuthError or QueryError. `address` names the
 * server; `statement` is the Cypher that failed, if any. Other errors pass through unchanged.
 */
export function fromDriverError(
  err: unknown,
  context: { address: string; password?: string; statement?: string; module?: string },
): unknown {
  if (err instanceof NewsgraphError) return err;
  const e = (err ?? {}) as DriverErrorShape;
  const code = typeof e.code === 'string' ? e.code : '';
  const address = displayAddress(context.address);
  const mod = context.module ?? 'neo4j';
  const clean = (s: string) => redact(s, context.password);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
    return new ConnectionError(
      address,
      clean(
        `${mod}: cannot connect to ${address}: ${connectionCause(e)}. Start the local server with 'npm run neo4j:start' or pass -a/--address (NEO4J_URI).`,
      ),
      { cause: err },
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new AuthError(
      address,
      clean(
        `${mod}: ${address} refused the credentials (${code.split('.').pop()}). Check -u/--username and -p/--password (NEO4J_USERNAME, NEO4J_PASSWORD).`,
      ),
      { cause: err },
    );
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new AuthError(
      address,
      clean(
        `${mod}: ${address} refused the credentials too many times and now rate-limits logins. Wait a few seconds and check the password.`,
      ),
      {
        cause: err,
      },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new ConnectionError(
      address,
      clean(
        `${mod}: ${address} has no such database: ${(e.message ?? '').split('\n')[0]}. Check -d/--database (NEO4J_DATABASE).`,
      ),
      {
        cause: err,
      },
    );
  }
  if (code.startsWith('Neo.')) {
    const serverMessage = clean(e.message ?? code);
    const p = e.diagnosticRecord?._position;
    const line = num(p?.line);
    const column = num(p?.column);
    const offset = num(p?.offset);
    const position =
      line !== undefined && column !== undefined ? { line, column, offset: offset ?? 0 } : parsePosition(serverMessage);
    return new QueryError(
      `${mod}: the server rejected the statement (${code}): ${serverMessage}`,
      { neo4jCode: code, gqlStatus: e.gqlStatus, statement: context.statement, position, serverMessage },
      { cause: err },
    );
  }
  return err;
}

/** Reads "(line 1, column 5 (offset: 4))" from a server message. */
function parsePosition(message: string): StatementPosition | undefined {
  const m = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) } : undefined;
}

/** The server's message plus the statement's line with a caret under the position, unless the message already has one. */
export function describeQueryError(err: QueryError): string {
  const msg = err.serverMessage;
  if (/\n\s*\^\s*$/.test(msg) || !err.position || !err.statement) return msg;
  const lines = err.statement.split('\n');
  const line = lines[err.position.line - 1];
  if (line === undefined) return msg;
  return `${msg}\n${line}\n${' '.repeat(Math.max(0, err.position.column - 1))}^`;
}
