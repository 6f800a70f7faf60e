/**
 * The Neo4j project's global setup: starts the test run's own server with
 * `node scripts/neo4j.mjs start --test` (npm test's pretest has usually done it; a server already
 * running is left alone), so `npx vitest run --project neo4j` works on its own too.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function startTestServer(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const r = spawnSync(process.execPath, ['scripts/neo4j.mjs', 'start', '--test'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0)
    throw new Error(
      `test/neo4j: 'node scripts/neo4j.mjs start --test' failed (exit ${r.status}); see its message above.`,
    );
}
