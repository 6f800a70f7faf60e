/**
 * The tests never touch a user's database: the helpers and every CLI they start reach only the
 * server `scripts/neo4j.mjs start --test` started, whatever NEO4J_URI names, and `clearDatabase()`
 * refuses, deleting nothing, any server that does not prove it is that one.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotTheTestServerError,
  TEST_NEO4J_HOME,
  assertTestServer,
  clearDatabase,
  closeTestDriver,
  cypher,
  neo4jEnv,
  neo4jSettings,
  runCli,
  testDriver,
} from './helpers.js';

/** Where NEO4J_URI points in these tests: a listener that counts who connects to it. */
let userServer: Server;
let userUri: string;
let connections = 0;

const USER_ENV = {
  NEO4J_USERNAME: 'someone',
  NEO4J_PASSWORD: 'their-password',
  NEO4J_DATABASE: 'theirs',
};

const probes = async () => (await cypher('MATCH (n:IsolationProbe) RETURN count(n) AS c'))[0]!.c;

beforeAll(async () => {
  userServer = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => userServer.listen(0, '127.0.0.1', resolve));
  userUri = `bolt://127.0.0.1:${(userServer.address() as { port: number }).port}`;
  await clearDatabase();
  await cypher('CREATE (:IsolationProbe)');
});
afterAll(async () => {
  await new Promise((resolve) => userServer.close(resolve));
  await closeTestDriver();
});

describe('the Neo4j test helpers', () => {
  it("connect only to the test server, never to the server a user's NEO4J_* variables name", async () => {
    const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('NEO4J_')));
    Object.assign(process.env, { NEO4J_URI: userUri, ...USER_ENV });
    try {
      await closeTestDriver();
      const s = neo4jSettings();
      expect(s.uri).not.toBe(userUri);
      expect(s.username).not.toBe(USER_ENV.NEO4J_USERNAME);
      expect(s.database).toBeUndefined();
      expect(await probes()).toBe(1);
      const r = await runCli(['query', 'MATCH (n:IsolationProbe) RETURN count(n) AS c', '--format', 'csv']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('c\r\n1\r\n');
      await clearDatabase({ dropSchema: false });
      expect(connections).toBe(0);
    } finally {
      for (const k of Object.keys(process.env)) if (k.startsWith('NEO4J_')) delete process.env[k];
      Object.assign(process.env, saved);
      await cypher('MERGE (:IsolationProbe)');
    }
  });

  it("give a child process the test server's NEO4J_* variables in place of the user's", () => {
    const s = neo4jSettings();
    const env = neo4jEnv({}, { NEO4J_URI: userUri, ...USER_ENV, NEO4J_HOME: '/opt/neo4j', PATH: '/usr/bin' });
    expect(env).toEqual({ NEO4J_URI: s.uri, NEO4J_USERNAME: s.username, NEO4J_PASSWORD: s.password, PATH: '/usr/bin' });
  });

  it.each([
    ['where nothing listens', () => ({ ...neo4jSettings(), uri: 'bolt://127.0.0.1:1' })],
    ['that is not Neo4j (the address NEO4J_URI named)', () => ({ ...neo4jSettings(), uri: userUri })],
    ["that refuses the test server's password", () => ({ ...neo4jSettings(), password: 'newsgraph' })],
  ])('clearDatabase refuses a server %s and deletes nothing', async (_what, server) => {
    await expect(clearDatabase({ server: server() })).rejects.toBeInstanceOf(NotTheTestServerError);
    expect(await probes()).toBe(1);
  });

  it("accept a Neo4j only when its data folder is the test home's", async () => {
    await expect(assertTestServer(testDriver())).resolves.toBeUndefined();
    await expect(assertTestServer(testDriver(), '/var/lib/neo4j')).rejects.toBeInstanceOf(NotTheTestServerError);
    await expect(assertTestServer(testDriver(), `${TEST_NEO4J_HOME}-elsewhere`)).rejects.toBeInstanceOf(
      NotTheTestServerError,
    );
    expect(await probes()).toBe(1);
  });
});
