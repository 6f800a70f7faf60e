/**
 * The Cypher export, run against the real local Neo4j with `newsgraph query --write -f` (the
 * built CLI), loads the same nodes, relationships and properties as `newsgraph push`;
 * run a second time it changes nothing; names with quotes, backslashes, line breaks,
 * `;` and non-Latin scripts come back intact.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushToNeo4j } from '../../src/sinks/neo4j/push.js';
import { exportGraph, type ExportResult } from '../../src/sinks/exports/index.js';
import { trickyGraph, TRICKY_NAMES } from '../exports/fixture.js';
import { snapshot, type Snapshot } from '../exports/neo4j-support.js';
import { sampleGraph } from './graphs.js';
import { clearDatabase, closeTestDriver, neo4jSettings, runCli } from './helpers.js';

async function queryFile(path: string): Promise<void> {
  const r = await runCli(['query', '--write', '-f', path, '--format', 'jsonl'], { timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`newsgraph query --write -f ${path} failed (exit ${r.code}):\n${r.stderr}`);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-neo4j-cypher-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeTestDriver();
});

describe.each([
  { name: 'the sample graph', make: () => sampleGraph(true), tricky: false },
  { name: 'the graph of tricky names', make: trickyGraph, tricky: true },
])('$name exported as a Cypher script', ({ make, tricky }) => {
  let pushed: Snapshot;
  let once: Snapshot;
  let twice: Snapshot;
  let exported: ExportResult;
  beforeAll(async () => {
    const graph = make();
    await clearDatabase();
    await pushToNeo4j(graph, neo4jSettings());
    pushed = await snapshot();
    await clearDatabase();
    const out = join(dir, `${tricky ? 'tricky' : 'sample'}.cypher`);
    // A batch size of 3 makes several statements per label and type.
    exported = await exportGraph(graph, { format: 'cypher', out, batchSize: 3 });
    await queryFile(out);
    once = await snapshot();
    await queryFile(out);
    twice = await snapshot();
  });

  it('loads the same counts per label and type as push', () => {
    expect(once.counts.nodes.Entity).toBeGreaterThan(0);
    expect(once.counts).toEqual(pushed.counts);
  });

  it('loads as many nodes and relationships as the export said it wrote', () => {
    expect({ nodes: exported.nodes, relationships: exported.edges }).toEqual({
      nodes: once.nodes.length,
      relationships: once.relationships.length,
    });
  });

  it('loads the same nodes and relationships, with the same properties, as push', () => {
    expect(once.nodes).toEqual(pushed.nodes);
    expect(once.relationships).toEqual(pushed.relationships);
  });

  it('run a second time, changes nothing', () => {
    expect(twice).toEqual(once);
  });

  it.runIf(tricky)('keeps names with quotes, backslashes, line breaks, semicolons and non-Latin scripts', () => {
    expect(once.nodes.map((n) => n.props.name)).toEqual(expect.arrayContaining(TRICKY_NAMES));
  });
});
