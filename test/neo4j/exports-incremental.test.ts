/**
 * scripts/examples/incremental-push.mjs: articles added to a folder over two runs end
 * in the same Neo4j database as one build and push of all of them (the second run
 * extracts only the new articles and pushes only what changed), and a run with
 * nothing new changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, type Snapshot } from '../exports/neo4j-support.js';
import { clearDatabase, closeTestDriver, neo4jEnv, neo4jSettings, REPO_ROOT } from './helpers.js';
import type * as Newsgraph from '../../src/index.js';

/** A name typed as string, so TypeScript does not resolve the built package's own declarations. */
const PACKAGE: string = 'newsgraph';

const SAMPLES = join(REPO_ROOT, 'examples/articles');

function runScript(folder: string, state: string) {
  const r = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'scripts/examples/incremental-push.mjs'), folder, '--state', state],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: neo4jEnv(),
    },
  );
  if (r.status !== 0) throw new Error(`incremental-push.mjs failed (exit ${r.status}):\n${r.stderr}`);
  return r.stderr;
}

let dir: string;
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeTestDriver();
});

describe('the incremental update example', () => {
  let full: Snapshot;
  let incremental: Snapshot;
  let again: Snapshot;
  let lastMessage: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsgraph-incremental-'));
    const folder = join(dir, 'articles');
    await mkdir(folder);
    const files = (await readdir(SAMPLES)).sort();
    expect(files.length).toBeGreaterThanOrEqual(4);

    // Reference: one build of every article, pushed to an empty database, with the same built package the script uses.
    // The built package, as the script sees it, typed by the source it was built from.
    const { buildGraph, pushToNeo4j } = (await import(PACKAGE)) as typeof Newsgraph;
    for (const f of files) await copyFile(join(SAMPLES, f), join(folder, f));
    await clearDatabase();
    const { graph } = await buildGraph([folder], { workers: 0 });
    await pushToNeo4j(graph, neo4jSettings());
    full = await snapshot();

    // The same articles arriving in two batches.
    await rm(folder, { recursive: true });
    await mkdir(folder);
    await clearDatabase();
    const state = join(dir, 'state');
    const half = Math.ceil(files.length / 2);
    for (const f of files.slice(0, half)) await copyFile(join(SAMPLES, f), join(folder, f));
    runScript(folder, state);
    for (const f of files.slice(half)) await copyFile(join(SAMPLES, f), join(folder, f));
    runScript(folder, state);
    incremental = await snapshot();
    lastMessage = runScript(folder, state);
    again = await snapshot();
  }, 300_000);

  it('gives the same counts per label and type as one build and push of all the articles', () => {
    expect(full.counts.nodes.Entity).toBeGreaterThan(0);
    expect(incremental.counts).toEqual(full.counts);
  });

  it('gives the same nodes and relationships, with the same properties', () => {
    expect(incremental.nodes).toEqual(full.nodes);
    expect(incremental.relationships).toEqual(full.relationships);
  });

  it('with no new articles, pushes nothing', () => {
    expect(lastMessage).toMatch(/no new articles/);
    expect(again).toEqual(incremental);
  });
});
