/**
 * The contract every export format keeps, run over the registry (EXPORT_FORMATS), once per
 * shape a format writes: it writes the files it reports, its summary counts the nodes and
 * edges its output holds (read back by a parser, not by the writer), its main file has its
 * format's signature, and an error half-way through leaves the old output as it was.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, exportGraph, type ExportResult } from '../../src/sinks/exports/index.js';
import { trickyGraph } from './fixture.js';
import { contractGraph, exportCases, FORMAT_SPECS } from './formats.js';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'newsgraph-export-contract-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Every file under `folder`, recursively, relative to it. */
async function listFiles(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).map(String).sort();
}

/** The contents of an output: its one file, or every file of its folder. */
async function contents(result: ExportResult): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of result.files) out[f] = await readFile(f, 'utf8');
  return out;
}

describe('the registry', () => {
  it('lists every format id once, in EXPORT_FORMAT_IDS order, each with a test spec', () => {
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual([...EXPORT_FORMAT_IDS]);
    expect(Object.keys(FORMAT_SPECS).sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
  });

  it.each(exportCases().map((c) => [c.label, c] as const))('%s has a signature for the shape it writes', (_l, c) => {
    expect(c.signature).toBeDefined();
  });
});

describe.each(exportCases().map((c) => [c.label, c] as const))('the %s export', (_label, c) => {
  let folder: string;
  let result: ExportResult;
  beforeAll(async () => {
    folder = join(dir, c.label.replace(/\W+/g, '-'));
    await mkdir(folder, { recursive: true });
    result = await exportGraph(contractGraph(), { format: c.id, out: join(folder, c.out), layout: false });
  });

  it(`writes ${c.shape === 'file' ? 'one file' : 'a folder'} holding exactly the files it reports`, async () => {
    expect(result.format).toBe(c.id);
    expect(result.path).toBe(join(folder, c.out));
    const onDisk = c.shape === 'file' ? [result.path] : (await listFiles(result.path)).map((f) => join(result.path, f));
    expect(result.files).toEqual(onDisk);
    const written = new Set([c.out, ...result.files.map((f) => f.slice(folder.length + 1))]);
    expect(await listFiles(folder)).toEqual([...written].sort());
  });

  it('reports as many nodes and edges as its output holds, counted by a parser', async () => {
    const counted = await c.spec.count(result);
    expect(counted.nodes).toBeGreaterThanOrEqual(contractGraph().order);
    expect({ nodes: result.nodes, edges: result.edges }).toEqual(counted);
  });

  it('starts with its format’s signature', async () => {
    const main = await readFile(c.main(result), 'utf8');
    expect(main.startsWith(c.signature!.first)).toBe(true);
    expect(main).toContain(c.signature!.contains);
  });

  it('keeps the old output, and leaves nothing temporary, when an error comes half-way through', async () => {
    const before = await listFiles(folder);
    const beforeContents = await contents(result);
    // A graph whose last edge throws when its attributes are read: the writer has already written the rest.
    const broken = trickyGraph();
    const last = broken.edges().at(-1)!;
    Object.defineProperty(broken.getEdgeAttributes(last), 'evidence', {
      get() {
        throw new Error('disk on fire');
      },
    });
    await expect(exportGraph(broken, { format: c.id, out: result.path, layout: false })).rejects.toThrow(
      'disk on fire',
    );
    expect(await listFiles(folder)).toEqual(before);
    expect(await contents(result)).toEqual(beforeContents);
  });
});

describe('csv and cypher', () => {
  it.each(['csv', 'cypher'] as const)(
    '%s counts the Article nodes and MENTIONED_IN relationships it writes, not only the graph',
    async (format) => {
      const graph = contractGraph();
      const out = join(dir, `articles-${format}`, format === 'csv' ? 'csv' : 'graph.cypher');
      const result = await exportGraph(graph, { format, out });
      // Two listed articles, one an entity's mention points to; a MENTIONED_IN per (entity, article).
      let mentionedIn = 0;
      graph.forEachNode((_k, a) => (mentionedIn += new Set([...a.articles, ...a.mentions.map((m) => m.article)]).size));
      expect(result.nodes).toBe(graph.order + 3);
      expect(result.edges).toBe(graph.size + mentionedIn);
    },
  );
});
