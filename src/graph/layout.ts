/**
 * Node positions and sizes for the viewer and the exports (GEXF positions):
 * seeded initial positions, then ForceAtlas2, so the same graph always gives the
 * same picture. Layout attributes (x, y, size) are presentation, not facts; they are
 * written on the nodes only because every sink that draws reads them from there.
 */
import fa2 from 'graphology-layout-forceatlas2';
import type { KnowledgeGraph } from '../types.js';

// The package is CommonJS with an ES-style .d.ts: at run time the default import is the function
// itself, while the types describe it under `.default`. Take whichever is there.
const forceAtlas2 = ((fa2 as unknown as { default?: unknown }).default ?? fa2) as typeof fa2.default;

export interface LayoutOptions {
  /** Seed of the initial positions (default 1). Same seed and graph, same layout. */
  seed?: number;
  /** ForceAtlas2 iterations; default depends on the graph's size (see `defaultIterations`). */
  iterations?: number;
}

export const DEFAULT_LAYOUT_OPTIONS = { seed: 1 } as const;

/** Enough iterations to settle a small graph, fewer on big ones where each costs more (Barnes-Hut). */
export function defaultIterations(order: number): number {
  if (order <= 500) return 500;
  if (order <= 2_000) return 200;
  if (order <= 10_000) return 80;
  if (order <= 30_000) return 40;
  return 25;
}

/** Barnes-Hut (O(n log n) repulsion) above this many nodes; exact O(n²) below. */
export const BARNES_HUT_FROM = 500;

/** Node size from its degree: small nodes stay visible, hubs grow with the square root. */
export function sizeForDegree(degree: number): number {
  return Math.round((3 + 2.2 * Math.sqrt(degree)) * 100) / 100;
}

/** mulberry32: a tiny, fast, seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function validate(options: LayoutOptions): void {
  const { seed, iterations } = options;
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new RangeError(`layout: seed must be an integer, got ${seed}.`);
  }
  if (iterations !== undefined && (!Number.isInteger(iterations) || iterations < 0)) {
    throw new RangeError(`layout: iterations must be a non-negative integer, got ${iterations}.`);
  }
}

/**
 * Lays the graph out in place: sets `x`, `y` (ForceAtlas2 from seeded random positions,
 * nodes visited in key order so insertion order does not matter) and `size` (from degree).
 */
export function applyLayout(graph: KnowledgeGraph, options: LayoutOptions = {}): void {
  validate(options);
  const seed = options.seed ?? DEFAULT_LAYOUT_OPTIONS.seed;
  const random = seededRandom(seed);
  const keys = graph.nodes().sort();
  // Spread the start over a disc whose area grows with the node count, as FA2 expects.
  const radius = 10 * Math.sqrt(Math.max(1, keys.length));
  for (const key of keys) {
    const angle = 2 * Math.PI * random();
    const r = radius * Math.sqrt(random());
    graph.mergeNodeAttributes(key, {
      x: r * Math.cos(angle),
      y: r * Math.sin(angle),
      size: sizeForDegree(graph.degree(key)),
    });
  }
  if (graph.order < 2) {
    if (graph.order === 1) graph.mergeNodeAttributes(keys[0]!, { x: 0, y: 0 });
    return;
  }
  const iterations = options.iterations ?? defaultIterations(graph.order);
  if (iterations === 0) return;
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: null,
    // inferSettings' gravity (0.05) lets small components and lone nodes drift to the edges of
    // the picture; a stronger pull keeps them close to the main component.
    settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, barnesHutOptimize: graph.order > BARNES_HUT_FROM },
  });
  // Rounding keeps graph.json diffs small and makes the result identical across runs and platforms.
  graph.forEachNode((key, a) => {
    graph.mergeNodeAttributes(key, { x: round(a.x ?? 0), y: round(a.y ?? 0) });
  });
}

function round(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : 0;
}
