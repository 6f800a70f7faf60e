/**
 * The schema's own list of labels and relationship types, and the constraint/index statements
 * of graph/schema.cypher. The push writes only these labels and types; they are put into Cypher
 * text (labels cannot be parameters) only after `identifier()` has checked them against the list.
 *
 * The relationship types' constraints are generated from the relation registry
 * (src/relation-types.ts) into a marked block of graph/schema.cypher by
 * `npx tsx scripts/schema.ts`, rather than added by the push at run time: the file stays the
 * whole schema, the one a person reads or runs by hand, and a unit test fails when the block
 * is stale.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RELATIONS, type RelationDescriptor } from '../../relation-types.js';
import { ENTITY_LABELS, RELATION_TYPES } from '../../types.js';
import { splitStatements } from './statements.js';

/** The label every entity node also has (constraints and the full-text index are on it). */
export const ENTITY_LABEL = 'Entity';
export const ARTICLE_LABEL = 'Article';
/** From an entity to an article that mentions it. */
export const MENTIONED_IN = 'MENTIONED_IN';

export const NODE_LABELS: readonly string[] = [ENTITY_LABEL, ARTICLE_LABEL, ...ENTITY_LABELS];
export const RELATIONSHIP_TYPES: readonly string[] = [MENTIONED_IN, ...RELATION_TYPES];

/** Where the schema file is: graph/schema.cypher at the package root (same depth from src/ and dist/). */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../graph/schema.cypher', import.meta.url));
/** Saved queries folder: graph/queries/. */
export const QUERIES_DIR = fileURLToPath(new URL('../../../graph/queries/', import.meta.url));

/** Returns `name` for use as a label or type in Cypher text, if it is in the schema's own list; throws otherwise. */
export function identifier(name: string): string {
  if (!NODE_LABELS.includes(name) && !RELATIONSHIP_TYPES.includes(name)) {
    throw new Error(
      `neo4j: '${name}' is not a label or relationship type of the newsgraph schema. Expected one of ${[...NODE_LABELS, ...RELATIONSHIP_TYPES].join(', ')}.`,
    );
  }
  return name;
}

/** The lines that open and close the generated block of graph/schema.cypher. */
export const RELATIONSHIP_BLOCK = {
  begin: '// BEGIN relation types: generated from src/relation-types.ts by `npx tsx scripts/schema.ts`; do not edit.',
  end: '// END relation types',
} as const;

/** The unique-`key` constraint of one relation type. */
export function relationshipConstraint(d: Pick<RelationDescriptor, 'type' | 'constraint'>): string {
  return `CREATE CONSTRAINT ${d.constraint} IF NOT EXISTS FOR ()-[r:${d.type}]-() REQUIRE r.key IS UNIQUE;`;
}

/** The generated block: one constraint per relation type of `descriptors`, between the markers. */
export function relationshipSchemaBlock(descriptors: readonly RelationDescriptor[] = RELATIONS): string {
  return [RELATIONSHIP_BLOCK.begin, ...descriptors.map(relationshipConstraint), RELATIONSHIP_BLOCK.end].join('\n');
}

/** `schema` (the text of a schema file) with its generated block replaced by the one of `descriptors`. */
export function withRelationshipSchema(schema: string, descriptors: readonly RelationDescriptor[] = RELATIONS): string {
  const begin = schema.indexOf(RELATIONSHIP_BLOCK.begin);
  const end = schema.indexOf(RELATIONSHIP_BLOCK.end, begin);
  if (begin < 0 || end < 0)
    throw new Error(
      `neo4j: the schema has no generated block of relation types. Expected the lines '${RELATIONSHIP_BLOCK.begin}' and '${RELATIONSHIP_BLOCK.end}'.`,
    );
  return (
    schema.slice(0, begin) + relationshipSchemaBlock(descriptors) + schema.slice(end + RELATIONSHIP_BLOCK.end.length)
  );
}

/** The statements of graph/schema.cypher, in order. */
export function schemaStatements(file: string = SCHEMA_FILE): string[] {
  const { statements, unterminated } = splitStatements(readFileSync(file, 'utf8'));
  if (unterminated) throw new Error(`neo4j: ${file} line ${unterminated.line}: statement without a terminating ';'.`);
  return statements.map((s) => s.text);
}
