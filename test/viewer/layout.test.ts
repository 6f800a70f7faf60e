/** applyLayout: seeded, deterministic positions and sizes by degree (no browser needed). */
import { describe, expect, it } from 'vitest';
import { applyLayout, seededRandom, sizeForDegree } from '../../src/graph/layout.js';
import { createGraph } from '../../src/graph/build.js';
import { buildSampleGraph } from '../fixtures/viewer/sample-graph.js';

const positions = (g: ReturnType<typeof buildSampleGraph>) => g.mapNodes((k, a) => [k, a.x, a.y, a.size]);

describe('applyLayout', () => {
  it('gives every node a finite position and a size that grows with its degree', () => {
    const g = buildSampleGraph();
    applyLayout(g);
    g.forEachNode((k, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBe(sizeForDegree(g.degree(k)));
    });
    const hub = g.reduceNodes((best, k) => (g.degree(k) > g.degree(best) ? k : best), g.nodes()[0]!);
    const leaf = g.findNode((k) => g.degree(k) === 1)!;
    expect(g.getNodeAttribute(hub, 'size')!).toBeGreaterThan(g.getNodeAttribute(leaf, 'size')!);
  });

  it('gives the same picture for the same graph and seed, whatever the order nodes were added in', () => {
    const a = buildSampleGraph();
    const b = buildSampleGraph();
    applyLayout(a, { seed: 7 });
    applyLayout(b, { seed: 7 });
    expect(positions(a)).toEqual(positions(b));
    const c = buildSampleGraph();
    applyLayout(c, { seed: 8 });
    expect(positions(c)).not.toEqual(positions(a));
  });

  it('lays out an empty graph and a single node without failing', () => {
    const empty = createGraph();
    applyLayout(empty);
    expect(empty.order).toBe(0);
    const one = createGraph();
    one.addNode('x', { label: 'Person', name: 'X', aliases: [], mentions: [], articles: [] });
    applyLayout(one);
    expect(one.getNodeAttributes('x')).toMatchObject({ x: 0, y: 0 });
  });

  it.each([[{ seed: 1.5 }], [{ iterations: -1 }]])('rejects %o', (options) => {
    expect(() => applyLayout(buildSampleGraph(), options)).toThrow(RangeError);
  });

  it('draws from a seeded generator that repeats itself', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
