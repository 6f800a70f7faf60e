#!/usr/bin/env node
// Runs before `npm test`: makes sure the real parts the tests talk to are there —
// a local Neo4j (scripts/neo4j.mjs start, idempotent) and Debian's Chromium
// (scripts/chromium.mjs ensure). Each step prints what it does; a failure stops the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['scripts/chromium.mjs', ['ensure']],
  ['scripts/neo4j.mjs', ['start']],
];
for (const [script, args] of steps) {
  if (!existsSync(script)) continue;
  const r = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`test-env: ${script} ${args.join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}
