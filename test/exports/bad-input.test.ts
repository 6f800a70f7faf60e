/**
 * Bad input to `newsgraph export` and `exportGraph`: unknown formats list the known
 * ones, an --out whose extension names a file is a file (or a usage error for a format
 * that writes a folder), an unwritable --out fails before any work, and no partial or
 * temporary file is left behind when anything goes wrong (for every format: see
 * contract.test.ts).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { describeError } from '../../src/cli/exit.js';
import { GraphFileError, OutputError, UsageError } from '../../src/errors.js';
import { writeGraphFile } from '../../src/graph/index.js';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportGraph, exportTarget } from '../../src/sinks/exports/index.js';
import { trickyGraph } from './fixture.js';
import { FORMAT_SPECS } from './formats.js';

let dir: string;
let graphPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-export-bad-'));
  graphPath = join(dir, 'graph.json');
  await writeGraphFile(graphPath, trickyGraph());
  await writeFile(join(dir, 'a-file'), 'not a folder');
  await mkdir(join(dir, 'a-folder'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the CLI in-process; returns the error it threw (or undefined) and the exit code it maps to. */
async function run(...args: string[]): Promise<{ error: unknown; exitCode: number }> {
  try {
    await createProgram()
      .configureOutput({ writeErr: () => {}, writeOut: () => {} })
      .parseAsync(['node', 'newsgraph', 'export', ...args]);
    return { error: undefined, exitCode: 0 };
  } catch (error) {
    return { error, exitCode: describeError(error).exitCode };
  }
}

/** Every file under `folder`, recursively, relative to it. */
async function listFiles(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).map(String).sort();
}

describe('an unknown format', () => {
  it('is a usage error (exit 2) whose message lists every known format', async () => {
    const { error, exitCode } = await run(graphPath, '--format', 'xlsx', '--out', join(dir, 'x.xlsx'));
    expect(error).toBeInstanceOf(UsageError);
    expect(exitCode).toBe(2);
    for (const id of EXPORT_FORMAT_IDS) expect((error as Error).message).toContain(id);
  });

  it('is a usage error from the library too, before anything is written', async () => {
    await expect(
      exportGraph(trickyGraph(), { format: 'pdf' as never, out: join(dir, 'x.pdf') }),
    ).rejects.toBeInstanceOf(UsageError);
    expect(await listFiles(dir)).not.toContain('x.pdf');
  });

  it('without --format, an --out whose extension names no format is a usage error', async () => {
    const { error } = await run(graphPath, '--out', join(dir, 'graph.dat'));
    expect(error).toBeInstanceOf(UsageError);
  });
});

/** Every extension of every registry format, as `graph<ext>`, and the shape the format writes for it. */
const EXTENSION_CASES = EXPORT_FORMATS.flatMap((format) =>
  format.extensions.map((ext) => ({ format, name: `graph${ext}`, shape: exportTarget(format, `graph${ext}`) })),
);
/** Case does not matter: `graph.JSON` is json. */
const UPPER_CASE = EXTENSION_CASES.filter((c) => c.format.id === 'json').map((c) => ({
  ...c,
  name: `graph${c.name.slice('graph'.length).toUpperCase()}`,
}));

describe('the format inferred from --out', () => {
  it.each(
    [...EXTENSION_CASES, ...UPPER_CASE]
      .filter((c) => c.shape === 'file')
      .map((c) => [c.name, c.format.id, FORMAT_SPECS[c.format.id].file] as const),
  )('%s is written as one %s file', async (name, _format, signature) => {
    const out = join(dir, 'inferred', name);
    const { error } = await run(graphPath, '--out', out, '--no-layout');
    expect(error).toBeUndefined();
    const text = await readFile(out, 'utf8');
    expect(text.startsWith(signature!.first)).toBe(true);
    expect(text).toContain(signature!.contains);
  });

  it.each(EXTENSION_CASES.filter((c) => c.shape === 'folder').map((c) => [c.name, c.format.id] as const))(
    '%s names a file, but %s writes a folder: a usage error that suggests a folder, and nothing is written',
    async (name, format) => {
      const out = join(dir, 'inferred-folder', name);
      const { error, exitCode } = await run(graphPath, '--out', out);
      expect(error).toBeInstanceOf(UsageError);
      expect(exitCode).toBe(2);
      expect((error as Error).message).toContain(`--format ${format} --out ${join(dir, 'inferred-folder', 'graph')}`);
      expect(await listFiles(dir)).not.toContain('inferred-folder');
    },
  );
});

describe('--out for the html export', () => {
  it('graph.html is one self-contained page, not a folder named graph.html', async () => {
    const out = join(dir, 'page', 'graph.html');
    const { error } = await run(graphPath, '--out', out);
    expect(error).toBeUndefined();
    expect(await listFiles(join(dir, 'page'))).toEqual(['graph.html']);
    const page = await readFile(out, 'utf8');
    // Nothing is loaded from beside it: no src or href to a file.
    expect(page).not.toMatch(/<script [^>]*src=|<link [^>]*href="(?!data:)/);
    expect(page).toContain('<style>');
  });

  it.each([
    ['a path without an extension', 'explorer', 'explorer'],
    ['a path ending in /', 'explorer.html/', 'explorer.html'],
  ])('%s is the explorer folder', async (_name, given, folder) => {
    const parent = join(dir, `html-folder-${folder}`);
    const { error } = await run(graphPath, '--format', 'html', '--out', join(parent, given));
    expect(error).toBeUndefined();
    expect(await listFiles(join(parent, folder))).toEqual(['graph-data.js', 'index.html', 'viewer.css', 'viewer.js']);
  });

  it('a folder path ending in / is a folder for csv too, whatever its extension', async () => {
    const parent = join(dir, 'csv-slash');
    const { error } = await run(graphPath, '--out', `${join(parent, 'graph.csv')}/`);
    expect(error).toBeUndefined();
    expect(await listFiles(join(parent, 'graph.csv'))).toEqual(['nodes.csv', 'relationships.csv']);
  });
});

describe('an unwritable --out fails before any work', () => {
  // The graph path does not exist: if the command got as far as reading it, the error would be a GraphFileError.
  const missingGraph = () => join(dir, 'no-such-graph.json');

  it.each([
    ['a file path under a regular file', 'gexf', () => join(dir, 'a-file', 'graph.gexf')],
    ['a file format pointed at an existing folder', 'json', () => join(dir, 'a-folder')],
    ['a folder format pointed at an existing file', 'csv', () => join(dir, 'a-file')],
    ['a folder format under a regular file', 'csv', () => join(dir, 'a-file', 'csv')],
  ])('%s is an output error (exit 2)', async (_name, format, out) => {
    const { error, exitCode } = await run(missingGraph(), '--format', format, '--out', out());
    expect(error).toBeInstanceOf(OutputError);
    expect(exitCode).toBe(2);
  });

  it('a writable --out with a missing graph fails on the graph, and leaves nothing behind', async () => {
    const before = await listFiles(dir);
    const { error } = await run(missingGraph(), '--format', 'gexf', '--out', join(dir, 'new', 'deeper', 'graph.gexf'));
    expect(error).toBeInstanceOf(GraphFileError);
    expect(await listFiles(dir)).toEqual(before);
  });
});

describe('no partially written file is left behind', () => {
  it('a folder created for the output is removed again when the export fails', async () => {
    const broken = trickyGraph();
    Object.defineProperty(broken.getEdgeAttributes(broken.edges()[0]!), 'evidence', {
      get() {
        throw new Error('boom');
      },
    });
    await expect(
      exportGraph(broken, { format: 'gexf', out: join(dir, 'fresh', 'sub', 'g.gexf'), layout: false }),
    ).rejects.toThrow('boom');
    expect(await listFiles(dir)).not.toContain('fresh');
  });
});

describe('--array-delimiter', () => {
  it.each([
    ['U+001F', '\u001f'],
    ['TAB', '\t'],
    ['¦', '¦'],
  ])('%s is accepted and used between array elements', async (flag, char) => {
    const out = join(dir, `delim-${Buffer.from(flag).toString('hex')}`);
    const { error } = await run(graphPath, '--format', 'csv', '--out', out, '--array-delimiter', flag);
    expect(error).toBeUndefined();
    const nodes = await readFile(join(out, 'nodes.csv'), 'utf8');
    expect(nodes).toContain(`Entity${char}Country`);
  });

  it.each(['ab', ','])('%j is a usage error', async (flag) => {
    const { error, exitCode } = await run(
      graphPath,
      '--format',
      'csv',
      '--out',
      join(dir, 'never'),
      '--array-delimiter',
      flag,
    );
    expect(exitCode).toBe(2);
    expect(error).toBeDefined();
  });
});
