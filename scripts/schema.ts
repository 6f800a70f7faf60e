/**
 * Regenerates the relation types' constraints in graph/schema.cypher (the block between the
 * `// BEGIN relation types` and `// END relation types` lines) from the relation registry,
 * src/relation-types.ts. Run it after adding or renaming a relation type; `--check` only
 * reports whether the file is up to date (exit code 1 when it is not).
 *   npm run schema [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA_FILE, withRelationshipSchema } from '../src/sinks/neo4j/schema.js';

const current = readFileSync(SCHEMA_FILE, 'utf8');
const next = withRelationshipSchema(current);
if (next === current) console.log(`schema: ${SCHEMA_FILE} is up to date.`);
else if (process.argv.includes('--check')) {
  console.error(`schema: ${SCHEMA_FILE} is stale. Run 'npx tsx scripts/schema.ts' to regenerate it.`);
  process.exitCode = 1;
} else {
  writeFileSync(SCHEMA_FILE, next);
  console.log(`schema: wrote the relation types' constraints to ${SCHEMA_FILE}.`);
}
