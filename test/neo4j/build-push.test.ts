/** `newsgraph build --neo4j`: builds the sample articles and pushes them to the real local Neo4j in one go. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDatabase, closeTestDriver, cypher, runCli } from './helpers.js';

beforeAll(async () => {
  await clearDatabase({ dropSchema: false });
});
afterAll(async () => {
  await closeTestDriver();
});

describe('newsgraph build --neo4j', () => {
  it('writes graph.json and the same entities and facts to Neo4j', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ng-build-neo4j-'));
    const r = await runCli(['build', 'examples/articles', '--out', out, '--neo4j']);
    expect(r.code, r.stderr).toBe(0);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    const [entities] = await cypher('MATCH (e:Entity) RETURN count(e) AS n');
    expect(Number(entities!.n)).toBe(graph.nodes.length);
    const [articles] = await cypher('MATCH (a:Article) RETURN count(a) AS n');
    expect(Number(articles!.n)).toBe(5);
    const [said] = await cypher('MATCH ()-[r:SAID]->() RETURN count(r) AS n');
    expect(Number(said!.n)).toBe(
      graph.edges.filter((e: { attributes: { type: string } }) => e.attributes.type === 'SAID').length,
    );
  });

  it('exits 4 with one line naming the address when the server is down, after writing graph.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ng-build-neo4j-'));
    const r = await runCli(['build', 'examples/articles', '--out', out, '--neo4j', '-a', 'bolt://127.0.0.1:1']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('bolt://127.0.0.1:1');
    expect(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')).nodes.length).toBeGreaterThan(0);
  });
});
