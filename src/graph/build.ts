/**
 * Builds the KnowledgeGraph from per-article extractions, in the order they are
 * added. One node per resolved entity, one edge per (type, source, target):
 * repeated facts add evidence, quotes and proposals to the same edge. Resolution
 * needs the whole corpus, so the graph is made when it is first read after an `add`.
 */
import graphology from 'graphology';
import type { ArticleEntity, ArticleMeta, Extraction, KnowledgeGraph, RelationAttrs } from '../types.js';
import { SYMMETRIC_TYPES } from '../relation-types.js';
import {
  createResolver,
  planJudgements,
  unknownIds,
  type JudgementLine,
  type JudgementPlan,
  type JudgementProblem,
  type Resolver,
  type Verdict,
} from '../resolve/index.js';
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
  private built: { graph: KnowledgeGraph; problems: JudgementProblem[] } | undefined;

  /** `judgements` are the user's corrections, applied after automatic resolution (resolve/judgements.ts). */
  constructor(
    private readonly resolverFor: ResolverFactory = createResolver,
    private readonly judgements: readonly JudgementLine[] = [],
  ) {}

  /** Adds one article's entities and relations. */
  add(extraction: Extraction): void {
    this.extractions.push(extraction);
    this.built = undefined;
  }

  /** The graph of every extraction added so far. */
  get graph(): KnowledgeGraph {
    return this.build().graph;
  }

  /** Judgements that name no node of the graph and were left out, with their lines. */
  get judgementProblems(): readonly JudgementProblem[] {
    return this.build().problems;
  }

  private build(): { graph: KnowledgeGraph; problems: JudgementProblem[] } {
    if (this.built) return this.built;
    const resolver = this.resolverFor(this.extractions);
    const automatic = new Map<ArticleEntity, string>();
    for (const x of this.extractions) for (const e of x.entities) automatic.set(e, resolver.resolve(e));
    const { plan, problems } = checkedPlan(this.judgements, automatic);
    const graph = createGraph();
    const pending: PendingSets = new Map();
    for (const x of this.extractions) addExtraction(graph, pending, x, (e) => plan.apply(automatic.get(e)!, e));
    for (const [key, sets] of pending) {
      const node = graph.getNodeAttributes(key);
      node.aliases = sortedUnique(sets.aliases);
      node.articles = sortedUnique(sets.articles);
      node.name = resolver.nameOf?.(key) ?? node.name;
    }
    this.built = { graph, problems };
    return this.built;
  }
}

/**
 * The judgements whose ids exist: splits are checked against the automatic nodes, the others
 * against those and the nodes the splits make, so a node made by a split can be judged too.
 */
function checkedPlan(
  lines: readonly JudgementLine[],
  automatic: ReadonlyMap<ArticleEntity, string>,
): { plan: JudgementPlan; problems: JudgementProblem[] } {
  const known = new Set(automatic.values());
  const splits = lines.filter((l) => l.judgement.judgement === 'split');
  const splitProblems = unknownIds(splits, known);
  const goodSplits = splits.filter((l) => !splitProblems.some((p) => p.line === l.line));
  const splitPlan = planJudgements(goodSplits);
  for (const [e, key] of automatic) {
    const k = splitPlan.apply(key, e).key;
    if (k) known.add(k);
  }
  const others = lines.filter((l) => l.judgement.judgement !== 'split');
  const otherProblems = unknownIds(others, known);
  const bad = new Set([...splitProblems, ...otherProblems].map((p) => p.line));
  return {
    plan: planJudgements(lines.filter((l) => !bad.has(l.line))),
    problems: [...splitProblems, ...otherProblems].sort((a, b) => a.line - b.line),
  };
}

/** A node's aliases and articles, gathered as sets and sorted once at the end: sorting on every article was quadratic. */
type PendingSets = Map<string, { aliases: Set<string>; articles: Set<string> }>;

function addExtraction(
  g: KnowledgeGraph,
  pending: PendingSets,
  extraction: Extraction,
  verdictOf: (entity: ArticleEntity) => Verdict,
): void {
  const meta: ArticleMeta = extraction.article;
  g.getAttribute('articles')[meta.id] = meta;

  const keyOf = new Map<string, string>();
  for (const entity of extraction.entities) {
    const { key, label } = verdictOf(entity);
    if (!key) continue;
    keyOf.set(entity.key, key);
    if (!g.hasNode(key)) {
      g.addNode(key, { label: label ?? entity.label, name: entity.name, aliases: [], mentions: [], articles: [] });
    }
    const node = g.getNodeAttributes(key);
    let sets = pending.get(key);
    if (!sets) pending.set(key, (sets = { aliases: new Set(), articles: new Set() }));
    sets.aliases.add(entity.name);
    for (const a of entity.aliases) sets.aliases.add(a);
    sets.articles.add(meta.id);
    node.mentions.push(...entity.mentions);
    // Without a resolver's name, the longest is usually the fullest form.
    if (entity.name.length > node.name.length) node.name = entity.name;
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
      (edge.quotes ??= []).push(rel.quote);
      edge.quote ??= rel.quote;
    }
    if (rel.what) {
      (edge.whats ??= []).push(rel.what);
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
