/**
 * The schema's own list of labels and relationship types, and the constraint/index statements
 * of graph/schema.cypher. The push writes only these labels and types; they are put into Cypher
 * text (labels cannot be parameters) only after `identifier()` has checked them against the list.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** The statements of graph/schema.cypher, in order. */
export function schemaStatements(file: string = SCHEMA_FILE): string[] {
  const { statements, unterminated } = splitStatements(readFileSync(file, 'utf8'));
  if (unterminated) throw new Error(`neo4j: ${file} line ${unterminated.line}: statement without a terminating ';'.`);
  return statements.map((s) => s.text);
}
