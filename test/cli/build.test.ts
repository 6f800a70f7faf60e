import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const SAMPLES = 'examples/articles';
const WHITEHOUSE = 'test/fixtures/whitehouse';

describe('newsgraph build', () => {
  it('writes graph.json in graphology form and a summary on stderr, exit 0', () => {
    const out = tempDir();
    const r = runCli(['build', SAMPLES, '--out', out]);
    expect(r.status).toBe(0);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(graph.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: false });
    expect(Object.keys(graph.attributes.articles)).toHaveLength(5);
    expect(r.stderr).toMatch(/5 articles read, 0 skipped/);
    expect(r.stderr).toMatch(/nodes\s+\d+/);
    expect(r.stderr).toMatch(/edges\s+\d+/);
    expect(r.stdout).toBe('');
  });

  it('gives byte-identical output for the same input, with and without worker threads', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    expect(runCli(['build', WHITEHOUSE, '--out', a, '--workers', '0']).status).toBe(0);
    expect(runCli(['build', WHITEHOUSE, '--out', b, '--workers', '2']).status).toBe(0);
    expect(runCli(['build', WHITEHOUSE, '--out', c, '--workers', '2']).status).toBe(0);
    const bytes = [a, b, c].map((d) => readFileSync(join(d, 'graph.json'), 'utf8'));
    expect(bytes[1]).toBe(bytes[0]);
    expect(bytes[2]).toBe(bytes[0]);
    expect(JSON.parse(bytes[0]!).nodes.length).toBeGreaterThan(0);
  });

  it('reads an article from stdin with -', () => {
    const out = tempDir();
    const text = readFileSync(
      join(
        WHITEHOUSE,
        readdirSync(WHITEHOUSE).find((f) => f.endsWith('.txt'))!,
      ),
      'utf8',
    );
    const r = runCli(['build', '-', '--out', out], { input: text });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 article read/);
  });

  it('skips a bad file with a one-line error naming it, keeps the rest, exit 1', () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(join(dir, 'good.txt'), readFileSync(join(SAMPLES, readdirSync(SAMPLES)[0]!)));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
    const r = runCli(['build', dir, join(dir, 'missing.txt'), '--out', out]);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('newsgraph: skipped'));
    expect(lines).toHaveLength(3);
    for (const name of ['empty.txt', 'binary.txt', 'missing.txt'])
      expect(lines.some((l) => l.includes(name))).toBe(true);
    expect(r.stderr).toMatch(/1 article read, 3 skipped/);
    expect(existsSync(join(out, 'graph.json'))).toBe(true);
  });

  it('keeps an earlier graph.json and its articles.jsonl when no article can be read', () => {
    const out = tempDir();
    expect(runCli(['build', SAMPLES, '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'graph.json'), 'utf8');
    const texts = readFileSync(join(out, 'articles.jsonl'), 'utf8');
    const r = runCli(['build', join(out, 'does-not-exist'), '--out', out]);
    expect(r.status).toBe(1);
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(out, 'articles.jsonl'), 'utf8')).toBe(texts);
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl', 'cache', 'graph.json']);
  });

  it.each([
    ['no inputs', ['build', '--out', 'x']],
    ['no --out', ['build', SAMPLES]],
    ['a bad --workers value', ['build', SAMPLES, '--out', 'x', '--workers', 'many']],
    ['an unknown flag', ['build', SAMPLES, '--out', 'x', '--frobnicate']],
  ])('exits 2 on a usage error: %s', (_name, args) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().length).toBeGreaterThan(0);
  });

  it('fails before any work when --out is a file, exit 2', () => {
    const dir = tempDir();
    const file = join(dir, 'occupied');
    writeFileSync(file, 'x');
    const r = runCli(['build', SAMPLES, '--out', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out .*occupied is a file/);
  });

  it.skipIf(process.getuid?.() === 0)('fails before any work when --out is not writable, exit 2', () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    const r = runCli(['build', SAMPLES, '--out', join(dir, 'sub')]);
    expect(r.status).toBe(2);
  });

  it.each([
    ['missing', (dir: string) => join(dir, 'absent.bin'), 'cannot be read (missing)'],
    [
      'damaged',
      (dir: string) => (writeFileSync(join(dir, 'ner.bin'), 'not gzip'), join(dir, 'ner.bin')),
      'is damaged (not gzip)',
    ],
  ])('stops with one line naming a %s tagger weights file before writing anything', (_, make, why) => {
    const dir = tempDir();
    const model = make(dir);
    const out = join(dir, 'out');
    const r = runCli(['build', SAMPLES, '--out', out], { env: { NEWSGRAPH_NER_MODEL: model } });
    expect(r.status).toBe(70);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`${model}: the entity tagger's weights file ${why}`),
    ]);
    expect(existsSync(join(out, 'graph.json'))).toBe(false);
  });
});
