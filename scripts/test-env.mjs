#!/usr/bin/env node
// Runs before `npm test`: makes sure the real parts the tests talk to are there —
// the test run's own Neo4j (scripts/neo4j.mjs start --test, idempotent: home .neo4j/test/, port
// 17687, never the server NEO4J_URI names) and Debian's Chromium (scripts/chromium.mjs ensure).
// Each step prints what it does; a failure stops the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['scripts/chromium.mjs', ['ensure']],
  ['scripts/neo4j.mjs', ['start', '--test']],
];
for (const [script, args] of steps) {
  if (!existsSync(script)) continue;
  const r = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`test-env: ${script} ${args.join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}
