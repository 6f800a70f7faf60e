/** Types of scripts/neo4j-admin-import.mjs, for the tests that import it. */
export function localNeo4jLib(root: string): string | undefined;
export function adminImport(options: { lib: string; csvFolder: string; home: string }): {
  nodes: number;
  relationships: number;
  properties: number;
  seconds: number;
};
