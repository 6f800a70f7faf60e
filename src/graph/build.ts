/**
 * Builds the KnowledgeGraph from per-article extractions, in the order they are
 * added. One node per resolved entity, one edge per (type, source, target):
 * repeated facts add evidence, quotes and proposals to the same edge. Resolution
 * needs the whole corpus, so the graph is made when it is first read after an `add`.
 */
import graphology from 'graphology';
import type { ArticleMeta, Extraction, KnowledgeGraph, RelationAttrs } from '../types.js';
import { SYMMETRIC_TYPES } from '../relation-types.js';
import { createResolver, type Resolver } from '../resolve/index.js';
import { compareStrings, sortedUnique } from '../util/text.js';

const { MultiDirectedGraph } = graphology;

/** Creates an empty graph with the newsgraph options. */
export function createGraph(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ name: 'newsgraph', articles: {} });
  return graph;
}

/** Makes the resolver of a build from its whole corpus. */
export type ResolverFactory = (corpus: readonly Extraction[]) => Resolver;

export class GraphBuilder {
  private readonly extractions: Extraction[] = [];
  private built: KnowledgeGraph | undefined;

  constructor(private readonly resolverFor: ResolverFactory = createResolver) {}

  /** Adds one article's entities and relations. */
  add(extraction: Extraction): void {
    this.extractions.push(extraction);
    this.built = undefined;
  }

  /** The graph of every extraction added so far. */
  get graph(): KnowledgeGraph {
    if (!this.built) {
      const graph = createGraph();
      const resolver = this.resolverFor(this.extractions);
      for (const x of this.extractions) addExtraction(graph, resolver, x);
      this.built = graph;
    }
    return this.built;
  }
}

function addExtraction(g: KnowledgeGraph, resolver: Resolver, extraction: Extraction): void {
  const meta: ArticleMeta = extraction.article;
  g.getAttribute('articles')[meta.id] = meta;

  const keyOf = new Map<string, string>();
  for (const entity of extraction.entities) {
    const key = resolver.resolve(entity);
    keyOf.set(entity.key, key);
    if (!g.hasNode(key)) {
      g.addNode(key, { label: entity.label, name: entity.name, aliases: [], mentions: [], articles: [] });
    }
    const node = g.getNodeAttributes(key);
    node.aliases = sortedUnique([...node.aliases, entity.name, ...entity.aliases]);
    node.mentions.push(...entity.mentions);
    node.articles = sortedUnique([...node.articles, meta.id]);
    // The resolver knows every name of the node; without it, the longest is usually the fullest form.
    node.name = resolver.nameOf?.(key) ?? (entity.name.length > node.name.length ? entity.name : node.name);
    if (entity.date && !node.date) node.date = entity.date;
    if (entity.place && !node.place) node.place = entity.place;
  }

  for (const rel of extraction.relations) {
    let source = keyOf.get(rel.source);
    let target = keyOf.get(rel.target);
    if (!source || !target || source === target) continue;
    // A symmetric type (MET_WITH): one edge per pair, whichever article named whom first.
    if (SYMMETRIC_TYPES.has(rel.type) && target < source) [source, target] = [target, source];
    const edgeKey = `${rel.type}:${source}->${target}`;
    if (!g.hasEdge(edgeKey)) {
      const attrs: RelationAttrs = { type: rel.type, evidence: [] };
      g.addDirectedEdgeWithKey(edgeKey, source, target, attrs);
    }
    const edge = g.getEdgeAttributes(edgeKey);
    edge.evidence.push(rel.evidence);
    if (rel.status && edge.status !== 'occurred') edge.status = rel.status;
    if (rel.event && !edge.event) edge.event = keyOf.get(rel.event);
    if (rel.date && (!edge.date || rel.date < edge.date)) edge.date = rel.date;
    if (rel.quote) {
      edge.quotes = [...(edge.quotes ?? []), rel.quote];
      edge.quote ??= rel.quote;
    }
    if (rel.what) {
      edge.whats = [...(edge.whats ?? []), rel.what];
      edge.what ??= rel.what;
    }
  }
}

/** Builds a graph from extractions in the given order. */
export function buildGraphFromExtractions(
  extractions: Iterable<Extraction>,
  resolverFor?: ResolverFactory,
): KnowledgeGraph {
  const builder = new GraphBuilder(resolverFor);
  for (const e of extractions) builder.add(e);
  return builder.graph;
}

/** Node and edge counts per label and type, sorted by name. */
export function countByKind(graph: KnowledgeGraph): { nodes: Record<string, number>; edges: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  graph.forEachNode((_k, a) => (nodes[a.label] = (nodes[a.label] ?? 0) + 1));
  graph.forEachEdge((_k, a) => (edges[a.type] = (edges[a.type] ?? 0) + 1));
  const sort = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => compareStrings(a, b)));
  return { nodes: sort(nodes), edges: sort(edges) };
}
