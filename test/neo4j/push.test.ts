/** Pushing graphs to the real local Neo4j: schema, counts, idempotence, growth, reset, interruption, bad input. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeGraphFile } from '../../src/graph/serialize.js';
import { AuthError, ConnectionError, pushToNeo4j, schemaStatements } from '../../src/sinks/neo4j/index.js';
import { RELATION_TYPES } from '../../src/types.js';
import {
  CLI,
  REPO_ROOT,
  clearDatabase,
  closeTestDriver,
  counts,
  cypher,
  neo4jEnv,
  neo4jSettings,
  runCli,
  testDriver,
} from './helpers.js';
import { sampleGraph, syntheticGraph } from './graphs.js';

const settings = () => ({ ...neo4jSettings() });
const FIXTURE = 'test/fixtures/neo4j/sample-graph.json';
const FIXTURE_MORE = 'test/fixtures/neo4j/sample-graph-more.json';

beforeAll(async () => {
  await clearDatabase();
});
afterAll(async () => {
  await closeTestDriver();
});

describe('pushToNeo4j', () => {
  beforeEach(async () => {
    await clearDatabase({ dropSchema: false });
  });

  it('creates the constraints and the full-text index of graph/schema.cypher before loading', async () => {
    await pushToNeo4j(sampleGraph(), settings());
    const constraints = (await cypher('SHOW CONSTRAINTS YIELD name RETURN name')).map((r) => r.name);
    expect(constraints).toEqual(
      expect.arrayContaining(['entity_id', 'person_id', 'article_id', 'met_with_key', 'said_key']),
    );
    const [fulltext] = await cypher(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = 'entity_names' RETURN properties",
    );
    expect(fulltext!.properties).toEqual(['name', 'aliases']);
    expect(schemaStatements().length).toBeGreaterThanOrEqual(constraints.length);
  });

  it('recreates a constraint or index of the schema that was dropped since the last push', async () => {
    await pushToNeo4j(sampleGraph(), settings());
    await cypher('DROP CONSTRAINT said_key');
    await cypher('DROP INDEX entity_names');
    await pushToNeo4j(sampleGraph(), settings());
    expect((await cypher('SHOW CONSTRAINTS YIELD name RETURN name')).map((r) => r.name)).toContain('said_key');
    expect((await cypher('SHOW INDEXES YIELD name RETURN name')).map((r) => r.name)).toContain('entity_names');
  });

  it('replaces changed properties and removes absent ones when a changed graph is pushed again', async () => {
    await pushToNeo4j(sampleGraph(), settings());
    const changed = sampleGraph();
    const said = changed.findEdge((_k, a) => a.type === 'SAID')!;
    changed.mergeEdgeAttributes(said, { quote: 'Peace is near', quotes: ['Peace is near'], date: undefined });
    const met = changed.findEdge((_k, a) => a.type === 'MET_WITH')!;
    changed.removeEdgeAttribute(met, 'status');
    changed.updateNodeAttribute('Person:joe biden', 'mentions', (ms) => [
      ...ms!,
      { article: 'a1.txt', start: 50, end: 55, text: 'Biden' },
    ]);
    const summary = await pushToNeo4j(changed, settings());
    expect(summary.relationships).toMatchObject({ created: 0, updated: 15 });
    expect(await cypher('MATCH ()-[s:SAID]->() RETURN s.quote AS quote, s.quotes AS quotes, s.date AS date')).toEqual([
      { quote: 'Peace is near', quotes: ['Peace is near'], date: null },
    ]);
    expect(await cypher('MATCH ()-[m:MET_WITH]->() RETURN m.status AS status')).toEqual([{ status: null }]);
    expect(
      await cypher(
        "MATCH (:Person {id: 'Person:joe biden'})-[m:MENTIONED_IN]->() RETURN m.count AS count, m.texts AS texts",
      ),
    ).toEqual([{ count: 2, texts: ['Biden', 'Joe Biden'] }]);
  });

  it('writes articles, entities with their labels, mention links and facts with their evidence', async () => {
    const summary = await pushToNeo4j(sampleGraph(), settings());
    expect(summary.nodes).toMatchObject({ created: 9, updated: 0 });
    expect(summary.relationships).toMatchObject({ created: 15, updated: 0 });
    const [article] = await cypher(
      "MATCH (a:Article {id: 'a1.txt'}) RETURN a.title AS title, a.date AS date, a.url AS url, a.source AS source",
    );
    expect(article).toEqual({
      title: 'Biden visits Kyiv',
      date: '2023-02-20',
      url: 'https://example.org/a1',
      source: 'example',
    });
    const [biden] = await cypher(
      "MATCH (p:Person:Entity {id: 'Person:joe biden'}) RETURN p.name AS name, p.aliases AS aliases, p.articles AS articles",
    );
    expect(biden).toEqual({
      name: 'Joe Biden',
      aliases: ['Biden', 'Joe Biden', 'President Biden'],
      articles: ['a1.txt'],
    });
    const [met] = await cypher(
      "MATCH (:Person {name: 'Joe Biden'})-[m:MET_WITH]->(:Person {name: 'Volodymyr Zelensky'}) RETURN m.articles AS articles, m.sentences AS sentences, m.status AS status, m.eventName AS event",
    );
    expect(met).toEqual({
      articles: ['a1.txt'],
      sentences: ['Biden met Zelensky in Kyiv on Monday.'],
      status: 'occurred',
      event: 'Kyiv visit',
    });
    const [said] = await cypher('MATCH ()-[s:SAID]->() RETURN s.quotes AS quotes');
    expect(said!.quotes).toEqual(['Peace is possible']);
    const [mentions] = await cypher(
      "MATCH (:Person {name: 'Volodymyr Zelensky'})-[:MENTIONED_IN]->(a:Article) RETURN collect(a.id) AS ids",
    );
    expect((mentions!.ids as string[]).sort()).toEqual(['a1.txt', 'a2.txt']);
  });

  it('leaves the same node and relationship counts when the same graph is pushed twice', async () => {
    await pushToNeo4j(sampleGraph(), settings());
    const first = await counts();
    const again = await pushToNeo4j(sampleGraph(), settings());
    expect(await counts()).toEqual(first);
    expect(again.nodes.created).toBe(0);
    expect(again.relationships.created).toBe(0);
    expect(again.relationships.updated).toBe(15);
  });

  it('adds to the graph when a graph built from more articles is pushed', async () => {
    await pushToNeo4j(sampleGraph(), settings());
    const before = await counts();
    const summary = await pushToNeo4j(sampleGraph(true), settings());
    expect(summary.nodes.created).toBe(2); // Macron and article a3
    expect(await counts()).toEqual({ nodes: before.nodes + 2, relationships: before.relationships + 3 });
  });

  it('clears what newsgraph wrote before loading when reset is set, and leaves other data alone', async () => {
    await pushToNeo4j(sampleGraph(true), settings());
    await cypher("CREATE (:Unrelated {name: 'keep me'})");
    const summary = await pushToNeo4j(sampleGraph(), { ...settings(), reset: true });
    expect(summary.nodes.deleted).toBe(11);
    expect(await cypher('MATCH (n:Unrelated) RETURN n.name AS name')).toEqual([{ name: 'keep me' }]);
    expect(await cypher("MATCH (p:Person {name: 'Emmanuel Macron'}) RETURN p")).toEqual([]);
    await cypher('MATCH (n:Unrelated) DELETE n');
  });

  it('gives the same graph with small batches as with one batch', async () => {
    const g = syntheticGraph(300, 900, 20);
    await pushToNeo4j(g, { ...settings(), batchSize: 7 });
    const small = await counts();
    await pushToNeo4j(g, { ...settings(), reset: true, batchSize: 50_000 });
    expect(await counts()).toEqual(small);
    expect(small.nodes).toBe(300 + 20);
  });

  it('throws ConnectionError naming the address when nothing listens there', async () => {
    const err = await pushToNeo4j(sampleGraph(), { ...settings(), uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).address).toBe('bolt://127.0.0.1:1');
  });

  it('throws AuthError for a wrong password and never shows the password', async () => {
    const err = await pushToNeo4j(sampleGraph(), { ...settings(), password: 'not-the-password-xyz' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).not.toContain('not-the-password-xyz');
  });
});

describe('newsgraph push', () => {
  beforeEach(async () => {
    await clearDatabase({ dropSchema: false });
  });

  it('pushes a graph.json and prints a summary with counts and speed', async () => {
    const r = await runCli(['push', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nodes: 9 created, 0 updated/);
    expect(r.stdout).toMatch(/relationships: 15 created, 0 updated/);
    expect(r.stdout).toMatch(/rows\/s/);
  });

  it('pushes twice with the same counts and adds a bigger graph on top', async () => {
    expect((await runCli(['push', FIXTURE])).code).toBe(0);
    const once = await counts();
    expect((await runCli(['push', FIXTURE])).code).toBe(0);
    expect(await counts()).toEqual(once);
    expect((await runCli(['push', FIXTURE_MORE])).code).toBe(0);
    expect(await counts()).toEqual({ nodes: once.nodes + 2, relationships: once.relationships + 3 });
    expect((await runCli(['push', '--reset', FIXTURE])).code).toBe(0);
    expect(await counts()).toEqual(once);
  });

  it('exits 2 with one line naming the file for a malformed graph.json', async () => {
    const r = await runCli(['push', 'test/fixtures/neo4j/malformed-graph.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('malformed-graph.json');
  });

  it('exits 4 with one line naming the address when the server is down, within 10 s', async () => {
    const r = await runCli(['push', FIXTURE, '-a', 'bolt://127.0.0.1:1']);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bolt://127.0.0.1:1');
    expect(r.ms).toBeLessThan(10_000);
  });

  it('exits 4 with one line for a wrong password, which it never prints', async () => {
    const r = await runCli(['push', FIXTURE, '-p', 'wrong-password-123']);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr + r.stdout).not.toContain('wrong-password-123');
  });

  it('reads the connection from NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD', async () => {
    const r = await runCli(['push', FIXTURE], { env: { NEO4J_PASSWORD: 'wrong-password-456' } });
    expect(r.code).toBe(4);
    const ok = await runCli(['push', FIXTURE], {
      env: { NEO4J_URI: neo4jSettings().uri.replace('bolt://', 'neo4j://') },
    });
    expect(ok.code).toBe(0);
  });

  it('ends with the same graph when a push killed half-way is run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-push-'));
    const file = join(dir, 'graph.json');
    const g = syntheticGraph(3000, 12000, 50, 7);
    await writeGraphFile(file, g);
    // Reference: an uninterrupted push.
    expect((await runCli(['push', file, '--batch-size', '500'], { timeoutMs: 120_000 })).code).toBe(0);
    const reference = await counts();
    const props = await cypher('MATCH ()-[r:SAID]->() RETURN count(r.quote) AS quotes');
    await clearDatabase({ dropSchema: false });
    // Hold back one fact of the type pushed last: an open transaction of ours creates a relationship
    // with its key, so the push's batch that creates it waits on the key's uniqueness constraint
    // until we roll back. The push then cannot finish, while its other fact batches commit.
    const type = [...RELATION_TYPES].reverse().find((t) => g.someEdge((_k, a) => a.type === t))!;
    const key = g.findEdge((_k, a) => a.type === type)!;
    const lockSession = testDriver().session();
    const lock = await lockSession.beginTransaction();
    await lock.run(`CREATE ()-[:\`${type}\` {key: $key}]->()`, { key });
    const child = spawn(process.execPath, [CLI, 'push', file, '--batch-size', '200', '--concurrency', '2'], {
      cwd: REPO_ROOT,
      env: neo4jEnv(),
      stdio: 'ignore',
    });
    const ended: { code?: number | null } = {};
    const exited = new Promise<void>((resolve) =>
      child.once('exit', (code) => {
        ended.code = code;
        resolve();
      }),
    );
    try {
      // Kill the push once it has written some facts; it cannot have written them all.
      const deadline = Date.now() + 60_000;
      for (;;) {
        if ('code' in ended) throw new Error(`the push ended (exit ${ended.code}) before it was killed`);
        if (Date.now() > deadline) throw new Error('the push wrote no fact within 60 s');
        const [r] = await cypher('MATCH ()-[r:MET_WITH|SAID|PROPOSED|REJECTED]->() RETURN count(r) AS c');
        if ((r!.c as number) > 0) break;
        await new Promise((wake) => setTimeout(wake, 100));
      }
      child.kill('SIGKILL');
      await exited;
      const partial = await counts();
      expect(ended.code).toBeNull(); // killed by the signal, not finished
      expect(partial.relationships).toBeLessThan(reference.relationships);
    } finally {
      if (!('code' in ended)) child.kill('SIGKILL');
      await lock.rollback();
      await lockSession.close();
    }
    expect((await runCli(['push', file, '--batch-size', '500'], { timeoutMs: 120_000 })).code).toBe(0);
    expect(await counts()).toEqual(reference);
    expect(await cypher('MATCH ()-[r:SAID]->() RETURN count(r.quote) AS quotes')).toEqual(props);
  }, 180_000);
});
