/**
 * Which nodes and edges the current filters show. Pure functions over the graph's
 * facts; the reducers only look the answer up.
 */
import { toUndirected } from 'graphology-operators';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { bfsFromNode } from 'graphology-traversal';
import type { EntityAttrs, KnowledgeGraph } from '../../../types.js';
import type { ViewState } from './state.js';

/** First and last day a partial ISO date covers: '2025-08' → ['2025-08-01', '2025-08-31']. */
export function dateSpan(date: string): [string, string] {
  const [y, m, d] = date.split('-');
  if (d) return [date, date];
  if (m) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Whether a (possibly partial) date overlaps [from, to]; an undated fact is always in range. */
export function inDateRange(date: string | undefined, from?: string, to?: string): boolean {
  if (!date) return true;
  const [start, end] = dateSpan(date);
  if (from && end < dateSpan(from)[0]) return false;
  if (to && start > dateSpan(to)[1]) return false;
  return true;
}

/** Distinct dates of events and dated edges, sorted, each with how many of them carry it: the stops of the time slider. */
export function collectDates(graph: KnowledgeGraph): { dates: string[]; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const add = (date: string) => counts.set(date, (counts.get(date) ?? 0) + 1);
  graph.forEachNode((_k, a) => {
    if (a.label === 'Event' && a.date) add(a.date);
  });
  graph.forEachEdge((_k, a) => {
    if (a.date) add(a.date);
  });
  return { dates: [...counts.keys()].sort(), counts };
}

/**
 * The dates between the `low` and `high` quantiles of the dated facts (each date weighted by its
 * count): the slider's range without the stray dates one misread year gives (a 1936 anniversary, a
 * 2030 target), which would squeeze everything else into a corner.
 */
export function coreDates(
  dates: readonly string[],
  counts: ReadonlyMap<string, number>,
  low = 0.01,
  high = 0.99,
): string[] {
  const total = dates.reduce((n, d) => n + (counts.get(d) ?? 0), 0);
  let seen = 0;
  let first = 0;
  let last = dates.length - 1;
  for (let i = 0; i < dates.length; i++) {
    const before = seen;
    seen += counts.get(dates[i]!) ?? 0;
    if (before < low * total) first = i;
    if (before < high * total) last = i;
  }
  return dates.slice(first, last + 1);
}

/** Bars of a histogram of dated facts over `dates`: by month when they span three years or less, else by year. */
export function dateHistogram(
  dates: readonly string[],
  counts: ReadonlyMap<string, number>,
): { bucket: string; count: number }[] {
  if (dates.length === 0) return [];
  const years = Number(dates[dates.length - 1]!.slice(0, 4)) - Number(dates[0]!.slice(0, 4));
  const width = years <= 3 ? 7 : 4;
  const buckets = new Map<string, number>();
  for (const d of dates) {
    const bucket = d.slice(0, width);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + (counts.get(d) ?? 0));
  }
  return [...buckets].map(([bucket, count]) => ({ bucket, count }));
}

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  /** With a path asked for: its nodes in order, or null when no chain joins its ends. */
  path?: string[] | null;
}

/**
 * Above this many nodes, entities without relationships start hidden: on a real corpus they are most
 * of the graph (6,077 of 7,700 on the White House corpus) and ring the connected part the reader came for.
 */
export const ISOLATED_HIDDEN_ABOVE = 1_000;

/** Whether the view hides entities without relationships: the user's choice, or the graph's default. */
export function hidesIsolated(graph: KnowledgeGraph, state: ViewState): boolean {
  return state.isolated ? state.isolated === 'hide' : graph.order > ISOLATED_HIDDEN_ABOVE;
}

function nodeShown(
  graph: KnowledgeGraph,
  key: string,
  a: EntityAttrs,
  state: ViewState,
  hideIsolated: boolean,
): boolean {
  if (state.hiddenLabels.has(a.label)) return false;
  if (hideIsolated && graph.degree(key) === 0) return false;
  if (state.minDegree > 0 && graph.degree(key) < state.minDegree) return false;
  if (a.label === 'Event' && !inDateRange(a.date, state.from, state.to)) return false;
  return true;
}

/** The node and those at most `depth` relationships away from it, whichever their direction. */
export function egoNodes(graph: KnowledgeGraph, key: string, depth: number): Set<string> {
  const nodes = new Set<string>();
  if (!graph.hasNode(key)) return nodes;
  bfsFromNode(
    graph,
    key,
    (node, _a, d) => {
      nodes.add(node);
      return d >= depth;
    },
    { mode: 'directed' },
  );
  return nodes;
}

const undirectedCopies = new WeakMap<KnowledgeGraph, ReturnType<typeof toUndirected>>();

/** A shortest chain of relationships between two nodes, whichever their direction; null when none joins them. */
export function shortestPath(graph: KnowledgeGraph, from: string, to: string): string[] | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  let undirected = undirectedCopies.get(graph);
  if (!undirected) undirectedCopies.set(graph, (undirected = toUndirected(graph)));
  return bidirectional(undirected, from, to);
}

/** Nodes and edges the filters hide. An edge is hidden with either end. */
export function computeVisibility(graph: KnowledgeGraph, state: ViewState): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  const hideIsolated = hidesIsolated(graph, state);
  // A path or an ego network narrows the graph to its nodes; the other filters still apply within it.
  const path = state.path ? shortestPath(graph, state.path[0], state.path[1]) : undefined;
  const only =
    path !== undefined ? new Set(path ?? []) : state.ego ? egoNodes(graph, state.ego.key, state.ego.depth) : undefined;
  const pathStep = new Set((path ?? []).slice(1).map((node, i) => pairKey(path![i]!, node)));
  graph.forEachNode((key, a) => {
    if ((only && !only.has(key)) || !nodeShown(graph, key, a, state, hideIsolated && !only)) hiddenNodes.add(key);
  });
  graph.forEachEdge((key, a, source, target) => {
    if (
      (path !== undefined && !pathStep.has(pairKey(source, target))) ||
      state.hiddenTypes.has(a.type) ||
      hiddenNodes.has(source) ||
      hiddenNodes.has(target) ||
      !inDateRange(a.date, state.from, state.to)
    ) {
      hiddenEdges.add(key);
    }
  });
  return { hiddenNodes, hiddenEdges, ...(path !== undefined ? { path } : {}) };
}

/** The same key for both directions between two nodes. */
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Curvature for every edge that shares its two ends with another (either direction),
 * so parallel edges are drawn apart. Edges alone between their ends are absent (straight).
 */
export function parallelCurvatures(graph: KnowledgeGraph, step = 0.3): Map<string, number> {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((key, _a, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    let group = groups.get(pair);
    if (!group) groups.set(pair, (group = []));
    group.push(key);
  });
  const curvature = new Map<string, number>();
  for (const [pair, keys] of groups) {
    if (keys.length < 2) continue;
    const low = pair.slice(0, pair.indexOf('\u0000'));
    keys.sort();
    keys.forEach((key, i) => {
      // Centre the fan on the straight line; the sign flips for edges drawn the other way round.
      let offset = i - (keys.length - 1) / 2;
      if (keys.length % 2 === 1 && offset === 0) offset = 0.0001;
      const sign = graph.source(key) === low ? 1 : -1;
      curvature.set(key, sign * offset * step * (keys.length === 2 ? 1.4 : 1));
    });
  }
  return curvature;
}
