/**
 * The extraction cache: a rebuild reuses the extraction of every unchanged article and gives the
 * same graph, byte for byte, as a build without the cache; a changed article, a changed extractor
 * or lexicon (another fingerprint) or an unreadable entry means extracting again.
 */
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeGraph } from '../../src/graph/index.js';
import { buildGraph, createFileCache } from '../../src/pipeline/index.js';
import { runCli } from '../cli/helpers.js';

let articles: string;
let cacheDir: string;

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-cache-'));
  articles = join(root, 'articles');
  cacheDir = join(root, 'cache');
  mkdirSync(articles);
  for (const f of readdirSync('examples/articles').sort().slice(0, 3))
    copyFileSync(join('examples/articles', f), join(articles, f));
});

const build = (fingerprint = 'test') =>
  buildGraph([articles], { workers: 0, cache: createFileCache(cacheDir, fingerprint) });

describe('the extraction cache', () => {
  it('reuses every unchanged article and gives the graph a build without it gives', async () => {
    const first = await build();
    expect(first.summary.cached).toBe(0);
    const second = await build();
    expect(second.summary.cached).toBe(second.summary.articles);
    const plain = await buildGraph([articles], { workers: 0 });
    expect(serializeGraph(second.graph)).toBe(serializeGraph(plain.graph));
  });

  it('extracts a changed article again, and only that one', async () => {
    await build();
    const [one] = readdirSync(articles).sort();
    appendFileSync(join(articles, one!), '\nPresident Arno Vale met Chancellor Anna Kovacs in Vienna on Friday.\n');
    const again = await build();
    expect(again.summary.cached).toBe(again.summary.articles - 1);
    const plain = await buildGraph([articles], { workers: 0 });
    expect(serializeGraph(again.graph)).toBe(serializeGraph(plain.graph));
  });

  it('reuses nothing once the extractors or lexicons changed (another fingerprint)', async () => {
    await build('before');
    expect((await build('after')).summary.cached).toBe(0);
  });

  it('keeps input order when cached results and worker threads mix (newsgraph build)', () => {
    const many = join(cacheDir, '..', 'many');
    const out = join(cacheDir, '..', 'out');
    const plainOut = join(cacheDir, '..', 'plain');
    mkdirSync(many);
    const write = (i: number, extra: string) =>
      writeFileSync(
        join(many, `${String(i).padStart(2, '0')}.txt`),
        `Talks ${i}\n\nPresident Arno Vale met Minister Anna Kovacs in Vienna on day ${i}. "We agree on point ${i}," Vale said.${extra}\n`,
      );
    for (let i = 0; i < 60; i++) write(i, '');
    expect(runCli(['build', many, '--out', out, '--workers', '2', '--no-progress']).status).toBe(0);
    // Every other article changes: cached and fresh results interleave, beyond the pool's threshold.
    for (let i = 0; i < 60; i += 2) write(i, ' Kovacs said "the talks will go on".');
    const mixed = runCli(['build', many, '--out', out, '--workers', '2', '--no-progress']);
    expect(mixed.stderr).toMatch(/cache +30 of 60/);
    expect(mixed.stderr).toMatch(/2 worker threads/);
    expect(runCli(['build', many, '--out', plainOut, '--workers', '0', '--no-cache']).status).toBe(0);
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).toBe(readFileSync(join(plainOut, 'graph.json'), 'utf8'));
  });

  it("keeps a file's article with its text, so a rebuild gives the same articles as a build without the cache", async () => {
    const texts = async (cache: boolean) => {
      const seen: unknown[] = [];
      const options = { workers: 0, onArticle: (a: unknown) => seen.push(a) };
      await buildGraph([articles], cache ? { ...options, cache: createFileCache(cacheDir, 'test') } : options);
      return seen;
    };
    await texts(true);
    expect(await texts(true)).toEqual(await texts(false));
  });

  it('tells apart files of one name under two inputs, and JSON lines records, on a rebuild', async () => {
    const other = join(cacheDir, '..', 'other');
    mkdirSync(other);
    const [one] = readdirSync(articles).sort();
    // Same name as a file of the first input: its id becomes "<name>~2".
    writeFileSync(join(other, one!), 'Talks\n\nPresident Arno Vale met Minister Anna Kovacs in Vienna on Friday.\n');
    writeFileSync(
      join(other, 'wire.jsonl'),
      ['Vale met Kovacs in Graz.', 'Kovacs said "we agree" in Linz.']
        .map((text, i) => JSON.stringify({ id: `w${i}`, title: `Wire ${i}`, text }))
        .join('\n'),
    );
    const inputs = [articles, other];
    const cached = () => buildGraph(inputs, { workers: 0, cache: createFileCache(cacheDir, 'test') });
    await cached();
    const again = await cached();
    expect(again.summary.articles).toBe(6);
    expect(again.summary.cached).toBe(6);
    const plain = await buildGraph(inputs, { workers: 0 });
    expect(serializeGraph(again.graph)).toBe(serializeGraph(plain.graph));
  });

  it('extracts again when an entry cannot be read', async () => {
    await build();
    for (const sub of readdirSync(cacheDir))
      for (const f of readdirSync(join(cacheDir, sub))) writeFileSync(join(cacheDir, sub, f), '{"truncated');
    const again = await build();
    expect(again.summary.cached).toBe(0);
    expect(again.summary.articles).toBe(3);
  });

  it('writes entries in ASCII, and reads none that is not', async () => {
    await build();
    const entries = readdirSync(cacheDir).flatMap((sub) =>
      readdirSync(join(cacheDir, sub)).map((f) => join(cacheDir, sub, f)),
    );
    // The sample articles have curly quotes and accents: escaped, not written as UTF-8.
    expect(entries.some((f) => readFileSync(f, 'utf8').includes('\\u2019'))).toBe(true);
    for (const f of entries) expect(readFileSync(f).every((b) => b < 0x80)).toBe(true);
    // The same value with its text as UTF-8 (an entry of another layout) is read as no entry.
    for (const f of entries) writeFileSync(f, JSON.stringify(JSON.parse(readFileSync(f, 'utf8'))));
    const again = await build();
    expect(again.summary.cached).toBe(0);
  });
});
