/**
 * Connection settings and the driver: defaults that match the local server
 * (scripts/neo4j.mjs), validation, and `openDriver`, which connects, checks the credentials
 * and the database within a time limit, and turns failures into ConnectionError/AuthError.
 */
import { connect } from 'node:net';
import { neo4j } from './lib.js';
import type { Driver } from 'neo4j-driver';
import { NewsgraphError, UsageError } from '../../errors.js';
import { ConnectionError, displayAddress, fromDriverError, redact } from './errors.js';

/** Where and as whom to connect. */
export interface ConnectionSettings {
  /** `bolt://`, `bolt+s://`, `bolt+ssc://`, `neo4j://`, `neo4j+s://` or `neo4j+ssc://` URI. */
  uri: string;
  username: string;
  password: string;
  /** Database name; the server's default database when undefined. */
  database?: string | undefined;
}

/** The local server started by `npm run neo4j:start`. */
export const DEFAULT_CONNECTION: Readonly<ConnectionSettings> = Object.freeze({
  uri: 'bolt://127.0.0.1:7687',
  username: 'neo4j',
  password: 'newsgraph',
});

/** How long connecting may take before the server is declared unreachable (the issue asks for ≤ 10 s). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 6_000;

const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** Checks the settings; returns `{message}` for the first problem, or undefined. */
export function validateConnection(settings: ConnectionSettings): { message: string } | undefined {
  const m = /^([a-z0-9+]+):\/\/([^/?#]+)/i.exec(settings.uri);
  if (!m)
    return {
      message: `neo4j: '${displayAddress(settings.uri)}' is not a Neo4j address. Expected e.g. bolt://127.0.0.1:7687 or neo4j+s://xxxx.databases.neo4j.io.`,
    };
  if (!SCHEMES.includes(m[1]!.toLowerCase())) {
    return {
      message: `neo4j: unsupported scheme '${m[1]}' in ${displayAddress(settings.uri)}. Expected one of ${SCHEMES.map((s) => `${s}://`).join(', ')}.`,
    };
  }
  if (!settings.username)
    return { message: 'neo4j: the user name is empty. Pass -u/--username or set NEO4J_USERNAME.' };
  return undefined;
}

/**
 * Opens a TCP connection and sends the Bolt handshake, resolving when the server answers it.
 * The driver waits forever for a server that accepts connections but never answers; this
 * probe bounds that wait and always closes its socket. Only for plain (non-TLS) schemes.
 */
export function probeBolt(uri: string, timeoutMs: number): Promise<'bolt' | 'not-bolt'> {
  const url = new URL(uri);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 7687);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const done = (fn: () => void) => {
      clearTimeout(timer);
      socket.destroy();
      fn();
    };
    const timer = setTimeout(
      () =>
        done(() =>
          reject(Object.assign(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`), { code: 'ETIMEDOUT' })),
        ),
      timeoutMs,
    );
    socket.once('connect', () => {
      // Magic preamble, then four version proposals (5.x ranges, 4.4, 4.x, 3).
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 4, 0, 0, 0, 3]));
    });
    let got = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (got.length >= 4) done(() => resolve(got.subarray(0, 4).toString('latin1') === 'HTTP' ? 'not-bolt' : 'bolt'));
    });
    socket.once('error', (err) => done(() => reject(err)));
    socket.once('end', () =>
      done(() =>
        reject(
          Object.assign(new Error('the server closed the connection during the Bolt handshake'), {
            code: 'ECONNRESET',
          }),
        ),
      ),
    );
  });
}

/** Address as the user typed it, with a default port, for messages. */
export function addressOf(settings: ConnectionSettings): string {
  return displayAddress(settings.uri);
}

/**
 * Creates a driver and checks that the server answers, accepts the credentials and has the
 * database, all within `timeoutMs`. Throws UsageError, ConnectionError or AuthError; the driver
 * is closed on failure.
 */
export async function openDriver(
  settings: ConnectionSettings,
  options: { timeoutMs?: number; module?: string; maxConnectionPoolSize?: number } = {},
): Promise<Driver> {
  const invalid = validateConnection(settings);
  if (invalid) throw new UsageError(invalid.message);
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const address = addressOf(settings);
  const context = { address, password: settings.password, module: options.module ?? 'neo4j' };
  let driver: Driver;
  try {
    driver = neo4j().driver(settings.uri, neo4j().auth.basic(settings.username, settings.password), {
      connectionTimeout: Math.min(5_000, timeoutMs),
      connectionAcquisitionTimeout: 60_000,
      maxTransactionRetryTime: 30_000,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 10,
      userAgent: 'newsgraph',
    });
  } catch (err) {
    throw new UsageError(`${context.module}: cannot use ${address}: ${(err as Error).message.split('\n')[0]}.`, {
      cause: err,
    });
  }
  const started = Date.now();
  if (!/\+s{1,2}c?:\/\//i.test(settings.uri)) {
    try {
      const kind = await probeBolt(settings.uri, timeoutMs);
      if (kind === 'not-bolt') {
        await driver.close().catch(() => {});
        throw new ConnectionError(
          address,
          `${context.module}: ${address} is an HTTP port, not Bolt. Use the Bolt port (7687 by default) with bolt:// or neo4j://.`,
        );
      }
    } catch (err) {
      if (err instanceof ConnectionError) throw err;
      await driver.close().catch(() => {});
      throw fromDriverError(
        Object.assign(new Error(String((err as Error).message)), { code: 'ServiceUnavailable', cause: err }),
        context,
      );
    }
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const check = (async () => {
      await driver.getServerInfo(settings.database ? { database: settings.database } : {});
      // getServerInfo does not open the database; a tiny query does, and fails if it does not exist.
      await driver.executeQuery('RETURN 1', {}, { database: settings.database, routing: neo4j().routing.READ });
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ConnectionError(
              address,
              `${context.module}: cannot connect to ${address}: no answer within ${Math.round(timeoutMs / 1000)} s. Start the local server with 'npm run neo4j:start' or pass -a/--address (NEO4J_URI).`,
            ),
          ),
        Math.max(1_000, timeoutMs - (Date.now() - started)),
      );
    });
    check.catch(() => {});
    await Promise.race([check, timeout]);
    return driver;
  } catch (err) {
    // close() can wait forever on a connection stuck in its handshake: give it a moment, no more.
    await Promise.race([driver.close().catch(() => {}), new Promise((r) => setTimeout(r, 1_000).unref())]);
    const mapped = fromDriverError(err, context);
    if (mapped !== err || err instanceof NewsgraphError) throw mapped;
    // Anything else while connecting (a protocol error: not a Bolt server, an HTTP port, …) is a connection failure.
    const first = redact(String((err as Error)?.message ?? err).split('\n')[0]!, settings.password);
    throw new ConnectionError(
      address,
      `${context.module}: cannot connect to ${address}: ${first}. Check -a/--address (NEO4J_URI).`,
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
  }
}
