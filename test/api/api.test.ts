/**
 * The library API: `import … from 'newsgraph'` (the built package, through its
 * `exports`) gives the documented functions to JavaScript, with types for TypeScript,
 * and a script can build, filter and export without the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterGraph, subgraph } from '../../src/sinks/exports/index.js';
import { trickyGraph } from '../exports/fixture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'newsgraph-api-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("import from 'newsgraph' (the built package)", () => {
  it.each([
    'buildGraph',
    'readArticles',
    'pushToNeo4j',
    'exportGraph',
    'filterGraph',
    'subgraph',
    'readGraphFile',
    'writeGraphFile',
    'applyLayout',
  ])('exports the function %s to JavaScript', async (name) => {
    const api = (await import('newsgraph')) as Record<string, unknown>;
    expect(typeof api[name]).toBe('function');
  });

  it('ships declarations with JSDoc for exportGraph', async () => {
    const dts = await readFile(join(ROOT, 'dist/sinks/exports/index.d.ts'), 'utf8');
    expect(dts).toMatch(/\/\*\*[\s\S]*?@example[\s\S]*?\*\/\s*export declare function exportGraph/);
  });

  it('type-checks a strict TypeScript script against the package types (and rejects an unknown format)', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'test/api/tsconfig.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  it('builds, filters and exports from a plain JavaScript script', async () => {
    const out = join(dir, 'people.graphml');
    const script = `
      import { buildGraph, filterGraph, exportGraph } from 'newsgraph';
      const { graph } = await buildGraph(['examples/articles'], { workers: 0 });
      const people = filterGraph(graph, { node: (_k, a) => a.label === 'Person' });
      const r = await exportGraph(people, { out: ${JSON.stringify(out)} });
      console.log(JSON.stringify({ all: graph.order, people: people.order, written: r.nodes, format: r.format }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result.people).toBeGreaterThan(0);
    expect(result.people).toBeLessThan(result.all);
    expect(result).toMatchObject({ written: result.people, format: 'graphml' });
    expect(await readFile(out, 'utf8')).toContain('<graphml ');
  }, 60_000);
});

describe('filterGraph', () => {
  it('keeps only MET_WITH edges from 2025 and, with dropIsolated, only the people in them', () => {
    const graph = trickyGraph();
    const meetings = filterGraph(graph, {
      edge: (_k, a) => a.type === 'MET_WITH' && (a.date ?? '').startsWith('2025'),
      dropIsolated: true,
    });
    const expected = graph.filterEdges((_k, a) => a.type === 'MET_WITH' && (a.date ?? '').startsWith('2025'));
    expect(meetings.edges().sort()).toEqual(expected.sort());
    expect(meetings.size).toBeGreaterThan(0);
    meetings.forEachNode((k, a) => {
      expect(a.label).toBe('Person');
      expect(meetings.degree(k)).toBeGreaterThan(0);
    });
  });

  it('keeps only the articles the kept nodes and edges cite, and leaves the original graph alone', () => {
    const graph = trickyGraph();
    const before = JSON.stringify(graph.export());
    const ukraine = filterGraph(graph, { node: (k) => k === 'Country:ukraine' });
    expect(Object.keys(ukraine.getAttribute('articles'))).toEqual(['b/2.txt']);
    ukraine.setNodeAttribute('Country:ukraine', 'x', 5);
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it('subgraph keeps the given nodes and every edge between two of them', () => {
    const graph = trickyGraph();
    const nodes = ['Event:summit', ...graph.inNeighbors('Event:summit')];
    const sub = subgraph(graph, nodes);
    expect(sub.nodes().sort()).toEqual(nodes.sort());
    expect(sub.size).toBe(graph.filterEdges((_k, _a, s, t) => nodes.includes(s) && nodes.includes(t)).length);
  });

  it('a filtered graph exports like any other (GEXF read back by graphology-gexf)', async () => {
    const { exportGraph } = await import('../../src/sinks/exports/index.js');
    const sub = subgraph(trickyGraph(), ['Event:summit', 'Place:kyiv']);
    const r = await exportGraph(sub, { format: 'gexf', out: join(dir, 'sub.gexf') });
    const back = gexf.parse(graphology.MultiDirectedGraph, await readFile(r.path, 'utf8'), {
      respectInputGraphType: true,
    });
    expect(back.nodes().sort()).toEqual(['Event:summit', 'Place:kyiv']);
  });
});
