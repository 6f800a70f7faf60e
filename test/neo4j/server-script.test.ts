/** scripts/neo4j.mjs: `status` says whether the server answers, and a second `start` is harmless. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, neo4jSettings } from './helpers.js';

const script = join(REPO_ROOT, 'scripts/neo4j.mjs');
const port = () => new URL(neo4jSettings().uri).port || '7687';
const run = (command: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [script, command], {
    encoding: 'utf8',
    env: { ...process.env, NEWSGRAPH_NEO4J_PORT: port(), ...env },
    timeout: 60_000,
  });

describe('scripts/neo4j.mjs', () => {
  it('status exits 0 and names the address when the server answers', () => {
    const r = run('status');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`bolt://127.0.0.1:${port()} answers`);
  });

  it('start leaves a running server alone and succeeds', () => {
    const r = run('start');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('already running');
  });

  it('status exits 1 when nothing answers on the port', () => {
    const r = run('status', { NEWSGRAPH_NEO4J_PORT: '1' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('not answering');
  });
});
