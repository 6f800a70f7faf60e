/**
 * The relation types, each described once. A descriptor says everything a stage needs
 * to know about one type: the lexicon its triggers come from, the extraction patterns that
 * find it, whether it is symmetric, its colour, its Neo4j constraint and how the evaluation
 * scores it. Extraction builds its extractors from this list (src/extract/relations/registry.ts),
 * the graph builder reads `symmetric`, graph.json is validated against it, graph/schema.cypher's
 * constraints are generated from it (src/sinks/neo4j/schema.ts), the palette takes its colours
 * from it and `npm run eval:plover` its PLOVER mapping.
 *
 * Data only, with no Node API: the browser viewer imports it for the colours. That is why a
 * descriptor names its extractors by key (`extractors: ['verbs']`), the way sigma names node
 * programs, instead of holding the factory: the factories live on the Node side, where lexicons
 * are read (`RELATION_EXTRACTOR_FACTORIES`).
 *
 * A new relation type is one lexicon file in data/lexicons/, one descriptor here and its tests
 * (README, "Adding a relation type").
 */
import type { EntityLabel } from './types.js';

/**
 * The extraction patterns, in the order their extractors run: statements first (the stance
 * patterns reuse their attributions), then meetings, trigger verbs and nouns, modal and
 * contrastive statements, and participation last (it reads the relations found before it).
 * Within a pattern, extractors run in registry order.
 */
export const RELATION_PATTERNS = ['quotes', 'meetings', 'verbs', 'modals', 'contrasts', 'participation'] as const;
export type RelationPattern = (typeof RELATION_PATTERNS)[number];

/** An invented sentence a type is found in, with the two entities of the relation it yields. */
export interface RelationExample {
  readonly text: string;
  readonly source: { readonly label: EntityLabel; readonly name: string };
  readonly target: { readonly label: EntityLabel; readonly name: string };
}

/** One relation type. */
export interface RelationDescriptor<T extends string = string> {
  /** The relationship type, as written in graph.json, Neo4j and the exports. */
  readonly type: T;
  /**
   * `fact`: something the news reports an actor did, scored against the gold annotations
   * (`npm run eval`); `link`: ties an actor to an event and is not scored.
   */
  readonly kind: 'fact' | 'link';
  /** From what to what, in a few words (README's edge table says the same). */
  readonly summary: string;
  /** Its trigger words: a file in data/lexicons/ that cites its sources. */
  readonly lexicon: string;
  /** The patterns that find it, each built from the lexicon (keys of `RELATION_EXTRACTOR_FACTORIES`). */
  readonly extractors: readonly RelationPattern[];
  /** One edge per unordered pair: the builder puts the smaller key first. */
  readonly symmetric: boolean;
  /** Edge colour in the viewer (`#rrggbb`), from the same palette as the node labels. */
  readonly color: string;
  /** Name of its unique-`key` constraint in graph/schema.cypher. */
  readonly constraint: string;
  /** PLOVER event classes `npm run eval:plover` counts as this type; empty when PLOVER has none. */
  readonly plover: readonly string[];
  /** A sentence with invented names its extractors must find it in (the registry test runs it). */
  readonly example: RelationExample;
}

/** The relation types, in the order graph.json, Neo4j and the viewer list them. */
export const RELATION_DESCRIPTORS = [
  {
    type: 'MET_WITH',
    kind: 'fact',
    summary: 'actor → actor (met, held talks, had a call)',
    lexicon: 'meeting-verbs.json',
    extractors: ['meetings'],
    symmetric: true,
    color: '#76b7b2',
    constraint: 'met_with_key',
    plover: ['CONSULT'],
    example: {
      text: 'Anna Kovacs met with Peter Lind in Geneva on Friday.',
      source: { label: 'Person', name: 'Anna Kovacs' },
      target: { label: 'Person', name: 'Peter Lind' },
    },
  },
  {
    type: 'SAID',
    kind: 'fact',
    summary: 'speaker → what the statement is about, or the event it was said at',
    lexicon: 'speech-verbs.json',
    extractors: ['quotes'],
    symmetric: false,
    color: '#edc948',
    constraint: 'said_key',
    plover: [],
    example: {
      text: '"We will not give up the port," Anna Kovacs told Peter Lind.',
      source: { label: 'Person', name: 'Anna Kovacs' },
      target: { label: 'Person', name: 'Peter Lind' },
    },
  },
  {
    type: 'PROPOSED',
    kind: 'fact',
    summary: 'actor → the thing proposed (an event, plan or actor)',
    lexicon: 'proposal-verbs.json',
    extractors: ['verbs', 'modals'],
    symmetric: false,
    color: '#8cd17d',
    constraint: 'proposed_key',
    plover: ['DEMAND'],
    example: {
      text: 'Anna Kovacs proposed a ceasefire on Monday.',
      source: { label: 'Person', name: 'Anna Kovacs' },
      target: { label: 'Event', name: 'ceasefire' },
    },
  },
  {
    type: 'REJECTED',
    kind: 'fact',
    summary: 'actor → the thing rejected',
    lexicon: 'rejection-verbs.json',
    extractors: ['verbs', 'contrasts'],
    symmetric: false,
    color: '#ff9d9a',
    constraint: 'rejected_key',
    // DISAPPROVE too: the rejection lexicon holds its criticise/condemn/accuse verbs.
    plover: ['REJECT', 'DISAPPROVE'],
    example: {
      text: 'Peter Lind rejected the ceasefire outright.',
      source: { label: 'Person', name: 'Peter Lind' },
      target: { label: 'Event', name: 'ceasefire' },
    },
  },
  {
    type: 'PARTICIPATED_IN',
    kind: 'link',
    summary: 'actor → event',
    lexicon: 'participation-verbs.json',
    extractors: ['participation'],
    symmetric: false,
    color: '#bab0ac',
    constraint: 'participated_in_key',
    plover: [],
    example: {
      text: 'Anna Kovacs attended the summit in Geneva.',
      source: { label: 'Person', name: 'Anna Kovacs' },
      target: { label: 'Event', name: 'summit' },
    },
  },
] as const satisfies readonly RelationDescriptor[];

/** Relationship types: a literal union, so a misspelt type fails to compile. */
export type RelationType = (typeof RELATION_DESCRIPTORS)[number]['type'];

/** The registry as its consumers read it. */
export const RELATIONS: readonly RelationDescriptor<RelationType>[] = RELATION_DESCRIPTORS;

/** The relationship types, in registry order. */
export const RELATION_TYPES: readonly RelationType[] = RELATIONS.map((d) => d.type);

const BY_TYPE: ReadonlyMap<string, RelationDescriptor<RelationType>> = new Map(RELATIONS.map((d) => [d.type, d]));

/** Whether `type` is one of the registry's relationship types. */
export function isRelationType(type: string): type is RelationType {
  return BY_TYPE.has(type);
}

/** The descriptor of `type`. */
export function relationDescriptor(type: RelationType): RelationDescriptor<RelationType> {
  return BY_TYPE.get(type)!;
}

/** The types whose edges join an unordered pair (one edge per pair, smaller key first). */
export const SYMMETRIC_TYPES: ReadonlySet<string> = new Set(RELATIONS.filter((d) => d.symmetric).map((d) => d.type));

/** PLOVER event class → the relation type that scores it, over `descriptors`. */
export function ploverMapping<T extends string>(descriptors: readonly RelationDescriptor<T>[]): Map<string, T> {
  return new Map(descriptors.flatMap((d) => d.plover.map((c) => [c, d.type] as const)));
}

const TYPE_NAME = /^[A-Z][A-Z_]*[A-Z]$/;
const CONSTRAINT_NAME = /^[a-z][a-z0-9_]*$/;
const COLOR = /^#[0-9a-f]{6}$/;

/**
 * What is wrong with a list of descriptors: types, constraints and PLOVER classes must be
 * unique, names Neo4j-safe, colours `#rrggbb`, each with at least one known extraction pattern.
 * An empty list means the registry is sound.
 */
export function validateRelationDescriptors(descriptors: readonly RelationDescriptor[]): { message: string }[] {
  const problems: { message: string }[] = [];
  const seen = { type: new Set<string>(), constraint: new Set<string>(), plover: new Set<string>() };
  const patterns = new Set<string>(RELATION_PATTERNS);
  for (const d of descriptors) {
    const at = `relation type '${d.type}'`;
    if (!TYPE_NAME.test(d.type)) problems.push({ message: `${at}: the type is not UPPER_SNAKE_CASE.` });
    if (seen.type.has(d.type)) problems.push({ message: `${at}: the type is described twice.` });
    if (!CONSTRAINT_NAME.test(d.constraint))
      problems.push({ message: `${at}: constraint '${d.constraint}' is not a lower_snake_case name.` });
    if (seen.constraint.has(d.constraint))
      problems.push({ message: `${at}: constraint '${d.constraint}' is already another type's.` });
    if (!COLOR.test(d.color)) problems.push({ message: `${at}: colour '${d.color}' is not #rrggbb (lower case).` });
    if (!/\.json$/.test(d.lexicon)) problems.push({ message: `${at}: lexicon '${d.lexicon}' is not a .json file.` });
    if (d.extractors.length === 0) problems.push({ message: `${at}: no extraction pattern.` });
    for (const p of d.extractors)
      if (!patterns.has(p))
        problems.push({ message: `${at}: unknown pattern '${p}'. Expected one of ${RELATION_PATTERNS.join(', ')}.` });
    for (const c of d.plover) {
      if (seen.plover.has(c)) problems.push({ message: `${at}: PLOVER class ${c} is already another type's.` });
      seen.plover.add(c);
    }
    seen.type.add(d.type);
    seen.constraint.add(d.constraint);
  }
  return problems;
}
