/**
 * neo4j-driver, loaded on first use. It is the largest module the CLI has (about 0.2 s to load),
 * and most commands (build, view, export, judge) never talk to Neo4j; the package is CommonJS,
 * so a synchronous `require` keeps every caller synchronous.
 */
import { createRequire } from 'node:module';
import type Neo4j from 'neo4j-driver';

const require = createRequire(import.meta.url);
let loaded: typeof Neo4j | undefined;

export function neo4j(): typeof Neo4j {
  return (loaded ??= require('neo4j-driver') as typeof Neo4j);
}
