/**
 * Runs one statement in an auto-commit transaction (so `CALL { … } IN TRANSACTIONS` and schema
 * commands work as in cypher-shell) and collects its rows, counters and timings. `cancel`
 * closes the session, which makes the driver reset the connection and the server terminate
 * the query.
 */
import { neo4j } from './lib.js';
import type { Driver, Session } from 'neo4j-driver';
import type { ResultTable } from './values.js';
import { fromDriverError } from './errors.js';

export interface StatementResult extends ResultTable {
  /** Non-zero counters: nodesCreated, propertiesSet, … */
  updates: Record<string, number>;
  /** Server time until the first row, and to consume all rows (ms). */
  serverMs: { availableAfter: number; consumedAfter: number };
  /** Wall time from sending to the last row (ms). */
  roundTripMs: number;
  queryType: string;
  /** The server's warnings and notes, one line each. */
  notifications: string[];
}

export interface RunContext {
  address: string;
  password?: string;
  database?: string | undefined;
  /** Read-only: the server rejects writes (Neo.ClientError.Statement.AccessMode). */
  readOnly?: boolean;
  module?: string;
}

/** A running statement: `result` settles with the rows or a QueryError/ConnectionError; `cancel()` stops it. */
export interface RunningStatement {
  result: Promise<StatementResult>;
  cancel(): Promise<void>;
}

const toNum = (v: unknown) =>
  neo4j().isInt(v) ? (v as { toNumber(): number }).toNumber() : typeof v === 'number' ? v : 0;

/** Starts `statement` with `params` on a fresh session. */
export function runStatement(
  driver: Driver,
  statement: string,
  params: Record<string, unknown>,
  ctx: RunContext,
): RunningStatement {
  const session: Session = driver.session({
    database: ctx.database,
    defaultAccessMode: ctx.readOnly ? neo4j().session.READ : neo4j().session.WRITE,
  });
  let cancelled = false;
  const t0 = performance.now();
  const result = (async (): Promise<StatementResult> => {
    try {
      const running = session.run(statement, params);
      const keys = (await running.keys()).map(String);
      const res = await running;
      const roundTripMs = performance.now() - t0;
      const s = res.summary;
      const counters = s.counters.updates() as unknown as Record<string, number>;
      const updates = Object.fromEntries(Object.entries(counters).filter(([, n]) => n > 0));
      const systemUpdates = s.counters.systemUpdates();
      if (systemUpdates > 0) updates.systemUpdates = systemUpdates;
      const notifications = (s.notifications ?? []).map(
        (n) =>
          `${n.rawSeverityLevel ?? 'NOTE'}: ${n.title}${n.description && n.description !== n.title ? ` ${n.description}` : ''}`,
      );
      return {
        keys,
        rows: res.records.map((r) => r.keys.map((k): unknown => r.get(k))),
        updates,
        serverMs: { availableAfter: toNum(s.resultAvailableAfter), consumedAfter: toNum(s.resultConsumedAfter) },
        roundTripMs,
        queryType: s.queryType,
        notifications,
      };
    } catch (err) {
      if (cancelled) throw new CancelledError();
      throw fromDriverError(err, {
        address: ctx.address,
        password: ctx.password,
        statement,
        module: ctx.module ?? 'query',
      });
    } finally {
      await session.close().catch(() => {});
    }
  })();
  return {
    result,
    cancel: async () => {
      cancelled = true;
      await session.close().catch(() => {});
    },
  };
}

/** The user stopped the statement (Ctrl-C). */
export class CancelledError extends Error {
  constructor() {
    super('query: cancelled.');
    this.name = 'CancelledError';
  }
}
