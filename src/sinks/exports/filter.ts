/**
 * Subgraphs for scripted exports: keep the nodes and edges a script asks for (say,
 * only MET_WITH edges from 2025, or one event and its participants), as a new
 * KnowledgeGraph any sink can write. The original graph is not changed.
 */
import { createGraph } from '../../graph/index.js';
import type { ArticleMeta, EntityAttrs, KnowledgeGraph, RelationAttrs } from '../../types.js';

export interface FilterOptions {
  /** Keep a node when this returns true (default: every node). */
  node?: (key: string, attrs: EntityAttrs) => boolean;
  /** Keep an edge between two kept nodes when this returns true (default: every such edge). */
  edge?: (key: string, attrs: RelationAttrs, source: string, target: string) => boolean;
  /** Drop the kept nodes that end up with no edge (default false). */
  dropIsolated?: boolean;
}

/**
 * A new graph with the nodes and edges `options` keeps; attributes are copied (shallowly),
 * and the graph's article list keeps only the articles the kept nodes and edges cite.
 *
 * @example
 * // Meetings in 2025 only, without the people who met no one:
 * const meetings = filterGraph(graph, {
 *   edge: (_key, a) => a.type === 'MET_WITH' && (a.date ?? '').startsWith('2025'),
 *   dropIsolated: true,
 * });
 */
export function filterGraph(graph: KnowledgeGraph, options: FilterOptions = {}): KnowledgeGraph {
  const out = createGraph();
  out.setAttribute('name', graph.getAttribute('name'));
  graph.forEachNode((key, attrs) => {
    if (!options.node || options.node(key, attrs)) out.addNode(key, { ...attrs });
  });
  graph.forEachEdge((key, attrs, source, target) => {
    if (!out.hasNode(source) || !out.hasNode(target)) return;
    if (options.edge && !options.edge(key, attrs, source, target)) return;
    out.addDirectedEdgeWithKey(key, source, target, { ...attrs });
  });
  if (options.dropIsolated) for (const key of out.nodes()) if (out.degree(key) === 0) out.dropNode(key);

  const all = graph.getAttribute('articles') ?? {};
  const cited = new Set<string>();
  out.forEachNode((_k, a) => a.articles.forEach((id) => cited.add(id)));
  out.forEachEdge((_k, a) => a.evidence.forEach((e) => cited.add(e.article)));
  const articles: Record<string, ArticleMeta> = {};
  for (const id of Object.keys(all)) if (cited.has(id)) articles[id] = all[id]!;
  out.setAttribute('articles', articles);
  return out;
}

/**
 * The subgraph around given nodes: those nodes, and every edge between two of them.
 *
 * @example
 * const around = subgraph(graph, ['person:joe-biden', 'person:volodymyr-zelensky']);
 */
export function subgraph(graph: KnowledgeGraph, nodes: Iterable<string>): KnowledgeGraph {
  const keep = new Set(nodes);
  return filterGraph(graph, { node: (key) => keep.has(key) });
}
