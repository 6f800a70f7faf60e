/**
 * Shared helpers for the tests that talk to Neo4j. They talk only to the test run's own server:
 * the one `node scripts/neo4j.mjs start --test` started (npm test's pretest and this project's
 * global setup run it), with its home in .neo4j/test/, its own port (17687, not 7687) and a random
 * password made with its data folder. They read how to reach it from .neo4j/test/server.json, which
 * that script writes, and never from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD or NEO4J_DATABASE:
 * those name a user's own server. Every child process the tests start gets an environment with the
 * user's NEO4J_* variables replaced by the test server's (`neo4jEnv`). `clearDatabase()` deletes
 * only after the server has proved it is the test server (`assertTestServer`).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The compiled CLI (`npm test` builds it first). */
export const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
/** The test server's home, as `scripts/neo4j.mjs --test` makes it. */
export const TEST_NEO4J_HOME = join(REPO_ROOT, '.neo4j/test');

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
}

/** Thrown instead of touching a server that is not the test run's own. */
export class NotTheTestServerError extends Error {
  readonly code = 'NOT_THE_TEST_SERVER';
  override name = 'NotTheTestServerError';
}

/** What `scripts/neo4j.mjs start --test` wrote once the test server answered. */
interface ServerFile {
  uri: string;
  username: string;
  password: string;
  home: string;
  data: string;
}

/** The test server's connection, read from .neo4j/test/server.json (never from the environment). */
export function neo4jSettings(): TestNeo4j {
  const file = join(TEST_NEO4J_HOME, 'server.json');
  let info: Partial<ServerFile>;
  try {
    info = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerFile>;
  } catch {
    throw new NotTheTestServerError(
      `test/neo4j: ${file} is missing, so the test server is not running. Start it with 'node scripts/neo4j.mjs start --test' (npm test does).`,
    );
  }
  const { uri, username, password, home } = info;
  if (typeof uri !== 'string' || typeof username !== 'string' || typeof password !== 'string' || !home)
    throw new NotTheTestServerError(`test/neo4j: ${file} is incomplete. Run 'node scripts/neo4j.mjs start --test'.`);
  if (resolve(home) !== resolve(TEST_NEO4J_HOME))
    throw new NotTheTestServerError(`test/neo4j: ${file} describes the server of ${home}, not of ${TEST_NEO4J_HOME}.`);
  return { uri, username, password, database: undefined };
}

/**
 * An environment for a child process of the tests: `base` without any NEO4J_* variable the user
 * set, then the test server's NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, then `overrides`
 * (a variable set to undefined there is removed).
 */
export function neo4jEnv(overrides: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const s = neo4jSettings();
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('NEO4J_')) env[k] = v;
  Object.assign(env, { NEO4J_URI: s.uri, NEO4J_USERNAME: s.username, NEO4J_PASSWORD: s.password }, overrides);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

/**
 * Resolves when the server behind `driver` is the test server of `home`: it accepted the password
 * made for that home's data folder (or the driver could not have run the query) and says its data
 * folder is `<home>/data`. Rejects with NotTheTestServerError otherwise, without writing anything.
 */
export async function assertTestServer(driver: Driver, home: string = TEST_NEO4J_HOME): Promise<void> {
  const expected = resolve(home, 'data');
  let data: unknown;
  // An auto-commit query: executeQuery would retry an unreachable server for half a minute.
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await session.run(
      "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value",
    );
    data = records[0]?.get('value');
  } catch (err) {
    throw new NotTheTestServerError(
      `test/neo4j: could not ask the server for its data folder (${(err as Error).message.split('\n')[0]}), so it is not known to be the test server. Nothing was changed.`,
      { cause: err },
    );
  } finally {
    await session.close();
  }
  if (typeof data !== 'string' || resolve(data) !== expected)
    throw new NotTheTestServerError(
      `test/neo4j: the server keeps its data in ${String(data)}, not in ${expected}: it is not the test server. Nothing was changed.`,
    );
}

let shared: Driver | undefined;
let proven: Promise<void> | undefined;

/** One driver for the test file, to the test server only; close it with `closeTestDriver()` in afterAll. */
export function testDriver(): Driver {
  if (!shared) {
    const s = neo4jSettings();
    shared = neo4j.driver(s.uri, neo4j.auth.basic(s.username, s.password), { connectionTimeout: 5000 });
    proven = undefined;
  }
  return shared;
}

/** The shared driver, once its server has proved it is the test server (asked once per driver). */
async function provenDriver(): Promise<Driver> {
  const d = testDriver();
  proven ??= assertTestServer(d);
  await proven;
  return d;
}

export async function closeTestDriver(): Promise<void> {
  await shared?.close();
  shared = undefined;
  proven = undefined;
}

/** Runs Cypher on the test server and returns the rows as plain objects (integers as numbers). */
export async function cypher(
  statement: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const { records } = await (await provenDriver()).executeQuery(statement, params);
  return records.map((r) => {
    const o = r.toObject() as Record<string, unknown>;
    for (const k of Object.keys(o)) if (neo4j.isInt(o[k])) o[k] = (o[k] as { toNumber(): number }).toNumber();
    return o;
  });
}

/**
 * Deletes every node and relationship, and drops every constraint and index but the built-in lookup
 * indexes, on the test server, after it has proved it is that server (`assertTestServer`): it
 * refuses (NotTheTestServerError) and deletes nothing anywhere else. `server` connects elsewhere
 * instead of the test server; it exists to show that refusal.
 */
export async function clearDatabase(options: { dropSchema?: boolean; server?: TestNeo4j } = {}): Promise<void> {
  const own = options.server
    ? neo4j.driver(options.server.uri, neo4j.auth.basic(options.server.username, options.server.password), {
        connectionTimeout: 5000,
        maxConnectionPoolSize: 1,
      })
    : undefined;
  const d = own ?? testDriver();
  try {
    await assertTestServer(d);
    const session = d.session();
    try {
      await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
    if (options.dropSchema === false) return;
    const constraints = await d.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name');
    for (const r of constraints.records)
      await d.executeQuery(`DROP CONSTRAINT \`${String(r.get('name')).replace(/`/g, '``')}\` IF EXISTS`);
    const indexes = await d.executeQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name");
    for (const r of indexes.records)
      await d.executeQuery(`DROP INDEX \`${String(r.get('name')).replace(/`/g, '``')}\` IF EXISTS`);
  } finally {
    await own?.close();
  }
}

/** Node and relationship counts of the whole database. */
export async function counts(): Promise<{ nodes: number; relationships: number }> {
  const [n] = await cypher('MATCH (n) RETURN count(n) AS c');
  const [r] = await cypher('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: n!.c as number, relationships: r!.c as number };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `newsgraph …args` with the test server's settings in its environment, never the user's (`neo4jEnv`; override with `env`). */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const env = neo4jEnv({ NO_COLOR: '1', ...options.env });
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      cwd: options.cwd ?? REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
    child.stdin.end(options.input ?? '');
  });
}
