/**
 * The tagger's scripts: `train:ner` is deterministic (the same data gives the same weights, byte
 * for byte, runs averaged included), its weights load and tag; both scripts stop with one line when the shared data or the
 * weights are missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readModel, spansOf, tagWords } from '../../src/extract/ner/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SHARED = join(ROOT, '..', 'shared', 'nlp');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync(SHARED))('npm run train:ner', () => {
  it('gives the same weights, byte for byte, from the same data, and they tag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-train-'));
    const [a, b] = [join(dir, 'a.bin'), join(dir, 'b.bin')];
    const first = run('ner/train.ts', ['--epochs', '1', '--runs', '2', '--out', a]);
    expect(first.code).toBe(0);
    // Two runs over differently ordered sentences, averaged.
    expect(first.stdout).toMatch(/^run 2 epoch 1: /m);
    expect(run('ner/train.ts', ['--epochs', '1', '--runs', '2', '--out', b]).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const words = ['Minister', 'Anselm', 'Kovacz', 'arrived', 'in', 'Ostrava', 'on', 'Tuesday'];
    const gaps = words.map(() => '');
    const names = spansOf(tagWords(readModel(a), words, gaps)).map(
      (s) => `${words.slice(s.from, s.to).join(' ')}/${s.type}`,
    );
    expect(names).toContain('Anselm Kovacz/PER');
  }, 300_000);
});

describe.each([
  ['ner/train.ts', 'train:ner', 'the annotated data', 'nlp/gum'],
  ['eval-ner.ts', 'eval:ner', 'GUM', 'nlp/gum'],
])('scripts/%s without its shared data', (script, name, what, inside) => {
  it('stops with one line naming where it looked, exit 2', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'newsgraph-ner-')), 'no-such-shared');
    const r = run(script, [], { NEWSGRAPH_SHARED: missing });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${name}: ${what} not found at ${join(missing, inside)} (NEWSGRAPH_SHARED=${missing}). Set NEWSGRAPH_SHARED to the shared data folder.\n`,
    );
  });
});

describe('npm run train:ner with a count that is no whole number', () => {
  it('stops with one line naming the flag, exit 2', () => {
    const r = run('ner/train.ts', ['--runs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('train:ner: --runs must be a whole number of 1 or more\n');
  });
});

describe('npm run eval:ner with weights that cannot be read', () => {
  it('stops with one line naming the file, exit 2', () => {
    const r = run('eval-ner.ts', ['--model', '/no/such/ner.bin']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "eval:ner: /no/such/ner.bin: the entity tagger's weights file cannot be read (missing); reinstall newsgraph or run npm run train:ner\n",
    );
  });
});
