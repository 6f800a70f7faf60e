/**
 * The relation registry (src/relation-types.ts): a contract every descriptor meets, and the
 * claim that adding a relation type is one descriptor and its lexicon: an invented ACCUSED
 * type, built through the same factories, is extracted, put in the graph, given a colour
 * and a schema constraint without a change anywhere else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { entityExtractor } from '../../src/extract/entities/index.js';
import {
  createRelationExtractors,
  readLexicon,
  relationExtractors,
  type Lexicon,
} from '../../src/extract/relations/index.js';
import { sentenceExtractor } from '../../src/extract/sentences.js';
import { GraphBuilder } from '../../src/graph/build.js';
import {
  ploverMapping,
  RELATION_PATTERNS,
  RELATIONS,
  SYMMETRIC_TYPES,
  validateRelationDescriptors,
  type RelationDescriptor,
} from '../../src/relation-types.js';
import { LABEL_COLORS, TYPE_COLORS, typeColors } from '../../src/sinks/palette.js';
import {
  RELATIONSHIP_TYPES,
  relationshipConstraint,
  relationshipSchemaBlock,
  SCHEMA_FILE,
  schemaStatements,
  withRelationshipSchema,
} from '../../src/sinks/neo4j/schema.js';
import { RELATION_TYPES } from '../../src/types.js';
import { keyOf, makeContext } from '../fixtures/relations/context.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The relations `extractors` find in a descriptor's example, with only its two entities known. */
function runExample(d: RelationDescriptor, extractors = relationExtractors) {
  const { text, source, target } = d.example;
  const ctx = makeContext(text, [
    { label: source.label, names: [source.name] },
    { label: target.label, names: [target.name] },
  ]);
  for (const x of extractors) x.run(ctx);
  return ctx.relations.filter((r) => r.type === d.type);
}

const pairOf = (d: RelationDescriptor): [string, string] => {
  const s = keyOf(d.example.source.label, d.example.source.name);
  const t = keyOf(d.example.target.label, d.example.target.name);
  return d.symmetric && t < s ? [t, s] : [s, t];
};

describe('the relation registry', () => {
  it('is sound: unique types, constraints and PLOVER classes, known patterns, #rrggbb colours', () => {
    expect(validateRelationDescriptors(RELATIONS)).toEqual([]);
  });

  it('is where the relationship types come from', () => {
    expect(RELATION_TYPES).toEqual(RELATIONS.map((d) => d.type));
    expect(RELATIONSHIP_TYPES).toEqual(['MENTIONED_IN', ...RELATION_TYPES]);
  });

  it('gives every label and type a colour of its own', () => {
    const colours = [...Object.values(LABEL_COLORS), ...Object.values(TYPE_COLORS)];
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('keeps graph/schema.cypher in step (run `npx tsx scripts/schema.ts` when this fails)', () => {
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    expect(withRelationshipSchema(text)).toBe(text);
  });

  it('runs the patterns in their order: statements before the stances, participation last', () => {
    const patterns = relationExtractors.map((x) => /^relations\/(\w+):/.exec(x.id)?.[1]);
    expect(patterns).toEqual(
      [...patterns].sort((a, b) => RELATION_PATTERNS.indexOf(a as never) - RELATION_PATTERNS.indexOf(b as never)),
    );
    expect(patterns[0]).toBe('quotes');
    expect(patterns.at(-1)).toBe('participation');
  });

  it.each([
    ['a duplicated type', [RELATIONS[0]!, RELATIONS[0]!]],
    ['an unknown pattern', [{ ...RELATIONS[0]!, extractors: ['telepathy'] }]],
    ['a colour that is no #rrggbb', [{ ...RELATIONS[0]!, color: 'teal' }]],
    ['a PLOVER class scored as two types', [RELATIONS[0]!, { ...RELATIONS[1]!, plover: RELATIONS[0]!.plover }]],
  ] as [string, RelationDescriptor[]][])('refuses a registry with %s', (_name, descriptors) => {
    expect(validateRelationDescriptors(descriptors)).not.toEqual([]);
    expect(() => createRelationExtractors(descriptors)).toThrow(TypeError);
  });
});

describe.each(RELATIONS.map((d) => [d.type, d] as const))('relation type %s', (type, d) => {
  it('has a lexicon in data/lexicons/ that describes itself and cites its sources', () => {
    const { data } = readLexicon(d.lexicon);
    expect(typeof data.description).toBe('string');
    expect(Array.isArray(data.sources) && data.sources.length > 0).toBe(true);
    for (const s of data.sources as unknown[]) expect(s).toMatch(/\S{3}/);
  });

  it('has its colour in the palette', () => {
    expect(TYPE_COLORS[type]).toBe(d.color);
  });

  it('has its unique-key constraint in graph/schema.cypher', () => {
    expect(schemaStatements().map((s) => `${s};`)).toContain(relationshipConstraint(d));
  });

  it('maps the PLOVER classes it is scored on (facts only) back to itself', () => {
    for (const c of d.plover) {
      expect(c).toMatch(/^[A-Z]+$/);
      expect(ploverMapping(RELATIONS).get(c)).toBe(type);
    }
    if (d.kind === 'link') expect(d.plover).toEqual([]);
  });

  it('is the one symmetric type it says it is, or not', () => {
    expect(SYMMETRIC_TYPES.has(type)).toBe(d.symmetric);
  });

  it('is found by its extractors in its invented-name example', () => {
    const found = runExample(d).map((r) => [r.source, r.target]);
    expect(found).toContainEqual(pairOf(d));
  });

  it("is a row of the README's edge-type table", () => {
    expect(README).toMatch(new RegExp(`^\\| \`${type}\` \\|`, 'm'));
  });
});

describe('a relation type that is not in the registry yet (ACCUSED)', () => {
  // One descriptor and one small lexicon: everything a new type needs besides its tests.
  // The type is not in the compiled `RelationType` union; adding the descriptor to
  // RELATION_DESCRIPTORS is what puts it there.
  const ACCUSED = {
    type: 'ACCUSED',
    kind: 'fact',
    summary: 'accuser → accused',
    lexicon: 'accusation-verbs.json',
    extractors: ['verbs'],
    symmetric: false,
    color: '#b07aa1',
    constraint: 'accused_key',
    plover: [],
    example: {
      text: 'Anna Kovacs accused Peter Lind of sabotaging the talks.',
      source: { label: 'Person', name: 'Anna Kovacs' },
      target: { label: 'Person', name: 'Peter Lind' },
    },
  } as const satisfies RelationDescriptor;
  const lexicon: Lexicon = {
    file: ACCUSED.lexicon,
    data: {
      description: 'Verbs and nouns for an actor accusing another of something.',
      sources: ['CAMEO 1.1b3 codebook, 112 Accuse; PropBank accuse.01'],
      verbs: { accuse: ['accuse', 'accuses', 'accused', 'accusing'] },
      nouns: ['accusation', 'accusations'],
    },
  };
  const registry: RelationDescriptor[] = [...RELATIONS, ACCUSED];
  const extractors = createRelationExtractors(registry, {
    readLexicon: (file) => (file === lexicon.file ? lexicon : readLexicon(file)),
  });

  it('is extracted by the verb factory from its descriptor and lexicon', () => {
    expect(extractors.map((x) => x.id)).toContain('relations/verbs:ACCUSED');
    expect(runExample(ACCUSED, extractors).map((r) => [r.source, r.target])).toEqual([pairOf(ACCUSED)]);
  });

  it('goes through the whole pipeline into the graph, entities found by the entity extractor', () => {
    const article = { id: 'a', path: 'a', text: 'Prime Minister Anna Kovacs accused President Peter Lind of lying.' };
    const extraction = extractArticle(article, [sentenceExtractor, entityExtractor, ...extractors]);
    const builder = new GraphBuilder();
    builder.add(extraction);
    const types = builder.graph.mapEdges((_k, a) => a.type as string);
    expect(types).toContain('ACCUSED');
  });

  it('gets its constraint in the generated schema, the rest of the schema unchanged', () => {
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    expect(relationshipSchemaBlock(registry)).toContain(
      'CREATE CONSTRAINT accused_key IF NOT EXISTS FOR ()-[r:ACCUSED]-() REQUIRE r.key IS UNIQUE;',
    );
    const updated = withRelationshipSchema(text, registry);
    expect(updated.replace(/^CREATE CONSTRAINT accused_key .*\n/m, '')).toBe(text);
  });

  it('gets its colour in the palette', () => {
    expect(typeColors(registry)).toMatchObject({ ACCUSED: '#b07aa1', ...TYPE_COLORS });
  });

  it('leaves the extraction of the other types as it was', () => {
    for (const d of RELATIONS) {
      const key = (rs: { type: string; source: string; target: string }[]) =>
        rs.map((r) => `${r.type} ${r.source} ${r.target}`);
      expect(key(runExample(d, extractors))).toEqual(key(runExample(d)));
    }
  });
});
