/**
 * Shared helpers for the tests that talk to the real local Neo4j (started by `npm test`'s
 * pretest through scripts/neo4j.mjs). Connection settings come from the environment with the
 * local defaults; each test file may call `clearDatabase()` in beforeAll to start empty.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
}

/** Settings of the server under test: NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD/NEO4J_DATABASE or the local defaults. */
export function neo4jSettings(env: NodeJS.ProcessEnv = process.env): TestNeo4j {
  return {
    uri: env.NEO4J_URI || 'bolt://127.0.0.1:7687',
    username: env.NEO4J_USERNAME || 'neo4j',
    password: env.NEO4J_PASSWORD || 'newsgraph',
    database: env.NEO4J_DATABASE || undefined,
  };
}

let shared: Driver | undefined;

/** One driver for the test file; close it with `closeTestDriver()` in afterAll. */
export function testDriver(): Driver {
  if (!shared) {
    const s = neo4jSettings();
    shared = neo4j.driver(s.uri, neo4j.auth.basic(s.username, s.password), { connectionTimeout: 5000 });
  }
  return shared;
}

export async function closeTestDriver(): Promise<void> {
  await shared?.close();
  shared = undefined;
}

/** Runs Cypher and returns the rows as plain objects (integers as numbers). */
export async function cypher(
  statement: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const { records } = await testDriver().executeQuery(statement, params, { database: neo4jSettings().database });
  return records.map((r) => {
    const o = r.toObject() as Record<string, unknown>;
    for (const k of Object.keys(o)) if (neo4j.isInt(o[k])) o[k] = (o[k] as { toNumber(): number }).toNumber();
    return o;
  });
}

/** Deletes every node and relationship, and drops every constraint and index but the built-in lookup indexes. */
export async function clearDatabase(options: { dropSchema?: boolean } = { dropSchema: true }): Promise<void> {
  const d = testDriver();
  const db = neo4jSettings().database;
  const session = d.session({ database: db });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  if (options.dropSchema === false) return;
  const constraints = await d.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name', {}, { database: db });
  for (const r of constraints.records)
    await d.executeQuery(
      `DROP CONSTRAINT \`${String(r.get('name')).replace(/`/g, '``')}\` IF EXISTS`,
      {},
      { database: db },
    );
  const indexes = await d.executeQuery(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
    {},
    { database: db },
  );
  for (const r of indexes.records)
    await d.executeQuery(`DROP INDEX \`${String(r.get('name')).replace(/`/g, '``')}\` IF EXISTS`, {}, { database: db });
}

/** Node and relationship counts of the whole database. */
export async function counts(): Promise<{ nodes: number; relationships: number }> {
  const [n] = await cypher('MATCH (n) RETURN count(n) AS c');
  const [r] = await cypher('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: n!.c as number, relationships: r!.c as number };
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The compiled CLI (`npm test` builds it first). */
export const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `newsgraph …args` with the test server's settings in its environment (override with `env`). */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const s = neo4jSettings();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: s.uri,
    NEO4J_USERNAME: s.username,
    NEO4J_PASSWORD: s.password,
    ...(s.database ? { NEO4J_DATABASE: s.database } : {}),
    NO_COLOR: '1',
    ...options.env,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
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
