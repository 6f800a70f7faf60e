// `neo4j-admin database import full` of a csv export, with the jars scripts/neo4j.mjs installed (the
// local install has no bin/ folder, so the tool's main class runs under `java`). It writes a new
// store in a home of its own and never touches a running server. Used by
// test/neo4j/exports-admin-import.test.ts and by `npm run bench:neo4j`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lib/ folder of the Neo4j that scripts/neo4j.mjs installed under `<root>/.neo4j`, if it did. */
export function localNeo4jLib(root) {
  const base = join(root, '.neo4j');
  if (!existsSync(base)) return undefined;
  const dist = readdirSync(base).find((d) => d.startsWith('neo4j-community-'));
  return dist && existsSync(join(base, dist, 'lib')) ? join(base, dist, 'lib') : undefined;
}

/**
 * Imports `<csvFolder>/nodes.csv` and `relationships.csv` into database `neo4j` of a new store under
 * `home`; returns what the tool reports it imported and the seconds it took. Throws with the tool's
 * last output when it fails.
 */
export function adminImport({ lib, csvFolder, home }) {
  mkdirSync(join(home, 'conf'), { recursive: true });
  writeFileSync(
    join(home, 'conf', 'neo4j.conf'),
    `server.directories.data=${join(home, 'data')}\nserver.directories.logs=${join(home, 'logs')}\n`,
  );
  const t0 = performance.now();
  const r = spawnSync(
    'java',
    [
      '-cp',
      `${lib}/*`,
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      `--nodes=${join(csvFolder, 'nodes.csv')}`,
      `--relationships=${join(csvFolder, 'relationships.csv')}`,
      '--array-delimiter=U+001F',
      '--multiline-fields=true',
      'neo4j',
    ],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') }, encoding: 'utf8', timeout: 600_000 },
  );
  const seconds = (performance.now() - t0) / 1000;
  const out = `${r.stdout}\n${r.stderr}`;
  const m = /Imported:\s+(\d+) nodes\s+(\d+) relationships\s+(\d+) properties/.exec(out);
  if (r.status !== 0 || !m) throw new Error(`neo4j-admin import failed (exit ${r.status}):\n${out.slice(-3000)}`);
  return { nodes: Number(m[1]), relationships: Number(m[2]), properties: Number(m[3]), seconds };
}
