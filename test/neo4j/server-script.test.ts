/**
 * scripts/neo4j.mjs: `status --test` says whether the test server answers, a second `start --test`
 * leaves it alone, and `start --test` never takes another server on its port for the test server.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, TEST_NEO4J_HOME, neo4jSettings } from './helpers.js';

const script = join(REPO_ROOT, 'scripts/neo4j.mjs');
const testPort = () => new URL(neo4jSettings().uri).port;
const serverFile = () => readFileSync(join(TEST_NEO4J_HOME, 'server.json'), 'utf8');
/** Runs the script without blocking this process, which answers as the stranger below meanwhile. */
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });

/** Something that is not the test server: it accepts TCP connections and closes them. */
let stranger: Server;
let strangerPort: number;
beforeAll(async () => {
  stranger = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
  strangerPort = (stranger.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => stranger.close(resolve));
});

describe('scripts/neo4j.mjs --test', () => {
  it('status exits 0 and names the test server, on its own port, when it answers', async () => {
    const r = await run(['status', '--test']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`bolt://127.0.0.1:${testPort()} answers`);
    expect(r.stdout).toContain('the test server');
    expect(testPort()).not.toBe('7687');
  });

  it('ignores NEWSGRAPH_NEO4J_PORT and NEWSGRAPH_NEO4J_HOME, which name the development server', async () => {
    const r = await run(['status', '--test'], { NEWSGRAPH_NEO4J_PORT: '1', NEWSGRAPH_NEO4J_HOME: '/nonexistent' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`bolt://127.0.0.1:${testPort()} answers`);
  });

  it('start leaves the running test server alone and succeeds', async () => {
    const before = serverFile();
    const r = await run(['start', '--test']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('already running');
    expect(serverFile()).toBe(before);
  });

  it('start refuses a port held by something that is not the test server, and changes nothing', async () => {
    const before = serverFile();
    const r = await run(['start', '--test'], { NEWSGRAPH_TEST_NEO4J_PORT: String(strangerPort) });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`port ${strangerPort}`);
    expect(r.stderr).toContain('not the test server');
    expect(serverFile()).toBe(before);
    expect((await run(['status', '--test'])).status).toBe(0);
  });
});

describe('scripts/neo4j.mjs', () => {
  it('status exits 1 when nothing answers on the port', async () => {
    const r = await run(['status'], { NEWSGRAPH_NEO4J_PORT: '1' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('not answering');
  });
});
