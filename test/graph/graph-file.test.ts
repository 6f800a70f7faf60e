/** graph.json is written and read a line at a time, with the same bytes and graph as in one piece, and bad files are named. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphFileError } from '../../src/errors.js';
import { createGraph } from '../../src/graph/build.js';
import { readGraphFile, serializeGraph, writeGraphFile } from '../../src/graph/index.js';
import { trickyGraph } from '../exports/fixture.js';
import { sampleGraph, syntheticGraph } from '../neo4j/graphs.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-graph-file-'));
const GRAPHS = [
  ['the sample graph', () => sampleGraph(true)],
  ['the graph of tricky names', trickyGraph],
  ['an empty graph', createGraph],
  ['a synthetic graph of 2,000 facts', () => syntheticGraph(500, 2_000, 50)],
] as const;

describe('writeGraphFile and readGraphFile', () => {
  it.each(GRAPHS)(
    'write %s as the bytes serializeGraph gives, and read it back to the same graph',
    async (name, make) => {
      const graph = make();
      const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      await writeGraphFile(path, graph);
      const text = readFileSync(path, 'utf8');
      expect(text).toBe(serializeGraph(graph));
      expect(serializeGraph(await readGraphFile(path))).toBe(text);
    },
  );

  it('reads a graph.json another tool re-indented, whole', async () => {
    const graph = sampleGraph(true);
    const path = join(dir, 'indented.json');
    writeFileSync(path, JSON.stringify(JSON.parse(serializeGraph(graph)), null, 2));
    expect(serializeGraph(await readGraphFile(path))).toBe(serializeGraph(graph));
  });

  it('names the file and says it ends early when it was cut short', async () => {
    const text = serializeGraph(syntheticGraph(100, 300, 10));
    const path = join(dir, 'cut.json');
    writeFileSync(path, text.slice(0, text.lastIndexOf('\n"edges": [') + 200).replace(/[^\n]*$/, ''));
    const err = await readGraphFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphFileError);
    expect((err as Error).message).toMatch(/cut\.json ends early, at line \d+/);
  });

  it('names the file and the line of a node that is not valid JSON', async () => {
    const lines = serializeGraph(sampleGraph()).split('\n');
    const at = lines.indexOf('"nodes": [') + 2;
    lines[at - 1] = lines[at - 1]!.slice(0, 20);
    const path = join(dir, 'broken-line.json');
    writeFileSync(path, lines.join('\n'));
    const err = await readGraphFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphFileError);
    expect((err as Error).message).toContain(`broken-line.json is not valid JSON at line ${at}`);
  });

  it('says a folder is a folder', async () => {
    const err = await readGraphFile(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphFileError);
    expect((err as Error).message).toContain('is a directory');
  });
});
