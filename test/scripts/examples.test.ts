/**
 * The example scripts under scripts/examples/ run with plain `node` against the built
 * package and do what their headers say. (The incremental Neo4j update is tested in
 * test/neo4j/exports-incremental.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGraphFile } from '../../src/graph/index.js';
import { TRICKY_NAMES, trickyGraph } from '../exports/fixture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/examples', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let graphPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-examples-'));
  graphPath = join(dir, 'graph.json');
  await writeGraphFile(graphPath, trickyGraph());
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('weekly-quotes.mjs', () => {
  it('writes one CSV row per quote the person said in the week, quotes with line breaks intact', async () => {
    const out = join(dir, 'quotes.csv');
    const r = run(
      'weekly-quotes.mjs',
      graphPath,
      '--person',
      `sergei "the fox" o'brien`,
      '--from',
      '2025-08-11',
      '--to',
      '2025-08-17',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv<Record<string, string>>(await readFile(out, 'utf8'), { columns: true });
    expect(rows).toEqual([
      {
        date: '2025-08-15',
        speaker: TRICKY_NAMES[0],
        to_or_about: 'Україна',
        quote: 'No\\way, "never";\nnot ever',
        sentence: 'He said: "No\\way".',
        article: 'a/1.txt',
        title: 'Ein "Titel"',
        url: '',
      },
    ]);
  });

  it.each([
    ['a week before', '2025-08-01', '2025-08-07'],
    ['a week after', '2025-08-16', '2025-08-22'],
  ])('writes only the header for %s', async (_name, from, to) => {
    const out = join(dir, `empty-${from}.csv`);
    const r = run(
      'weekly-quotes.mjs',
      graphPath,
      '--person',
      TRICKY_NAMES[0]!,
      '--from',
      from,
      '--to',
      to,
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(parseCsv(await readFile(out, 'utf8'), { columns: true })).toEqual([]);
  });

  it.each([
    ['an unknown person', ['--person', 'Nobody', '--out', 'x.csv'], 1],
    ['missing --person', ['--out', 'x.csv'], 2],
  ])('fails on %s', (_name, args, code) => {
    expect(run('weekly-quotes.mjs', graphPath, ...args).code).toBe(code);
  });
});

describe('event-gexf.mjs', () => {
  it('writes the event, its participants and the edges between them as GEXF, and nothing else', async () => {
    const out = join(dir, 'summit.gexf');
    const r = run('event-gexf.mjs', graphPath, '--event', 'alaska summit', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const g = gexf.parse(graphology.MultiDirectedGraph, await readFile(out, 'utf8'));
    const expected = ['Event:summit', ...TRICKY_NAMES.map((n) => `Person:${n}`)].sort();
    expect(g.nodes().sort()).toEqual(expected);
    // Every MET_WITH among them and every PARTICIPATED_IN to the event; not the SAID/PROPOSED/REJECTED to other nodes.
    expect(g.size).toBe(TRICKY_NAMES.length * 2);
    g.forEachNode((_k, a) => expect(Number.isFinite(a.x)).toBe(true));
  });

  it('fails on an unknown event', () => {
    expect(run('event-gexf.mjs', graphPath, '--event', 'Yalta', '--out', join(dir, 'x.gexf')).code).toBe(1);
  });
});
