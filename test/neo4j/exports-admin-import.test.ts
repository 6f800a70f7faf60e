/**
 * The csv export bulk-loads with `neo4j-admin database import full` (the local Neo4j
 * install's own import tool, into an empty database in a temporary home) and imports as
 * many nodes, relationships and properties as `newsgraph push` writes for the same
 * graph, tricky names included (the import tool's CSV reader is strict RFC 4180).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushToNeo4j } from '../../src/sinks/neo4j/push.js';
import { exportGraph } from '../../src/sinks/exports/index.js';
import { trickyGraph } from '../exports/fixture.js';
import { snapshot, type Snapshot } from '../exports/neo4j-support.js';
import { sampleGraph } from './graphs.js';
import { clearDatabase, closeTestDriver, neo4jSettings, REPO_ROOT } from './helpers.js';
import { adminImport, localNeo4jLib } from '../../scripts/neo4j-admin-import.mjs';

const neo4jLib = () => localNeo4jLib(REPO_ROOT);

function totals(s: Snapshot) {
  const props = (o: Record<string, unknown>) => Object.keys(o).length;
  return {
    nodes: s.nodes.length,
    relationships: s.relationships.length,
    properties:
      s.nodes.reduce((n, x) => n + props(x.props), 0) + s.relationships.reduce((n, x) => n + props(x.props), 0),
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-admin-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeTestDriver();
});

// The import tool ships in the local install's jars; fetch them even when another server answers on the port.
const install = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/neo4j.mjs'), 'install'], { stdio: 'inherit' });

describe('neo4j-admin database import of the csv export', () => {
  it('has the local Neo4j jars to run the import tool with', () => {
    expect(install.status).toBe(0);
    expect(neo4jLib()).toBeDefined();
  });

  it.each([
    ['the sample graph', () => sampleGraph(true)],
    ['the graph of tricky names', trickyGraph],
  ])(
    '%s imports as many nodes, relationships and properties as push writes, and as the export said it wrote',
    async (name, make) => {
      const graph = make();
      await clearDatabase();
      await pushToNeo4j(graph, neo4jSettings());
      // push stores empty lists; neo4j-admin reads an empty array field as no property.
      const pushed = totals(await snapshot({ dropEmptyLists: true }));
      const folder = join(dir, name.replace(/\W+/g, '-'));
      const exported = await exportGraph(graph, { format: 'csv', out: folder });
      const { seconds, ...imported } = adminImport({ lib: neo4jLib()!, csvFolder: folder, home: join(folder, 'home') });
      expect(seconds).toBeGreaterThan(0);
      expect(pushed.nodes).toBeGreaterThan(0);
      expect(imported).toEqual(pushed);
      expect({ nodes: exported.nodes, relationships: exported.edges }).toEqual({
        nodes: imported.nodes,
        relationships: imported.relationships,
      });
    },
    360_000,
  );
});
