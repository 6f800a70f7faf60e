/**
 * The evaluation scripts find the shared data through NEWSGRAPH_SHARED (else ../shared
 * beside the project) and, when it is missing, stop with one line that says where they
 * looked and how to point them elsewhere: exit 2, no stack trace, nothing built.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function run(script: string, args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'newsgraph-eval-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe.each([
  ['eval.ts', 'eval', 'the gold annotations', 'eval/gold', '--gold'],
  ['conll.ts', 'eval:conll', 'the CoNLL-2003 test file', 'eval/conll2003/eng.testb', '--file'],
  ['eval-readouts.ts', 'eval:readouts', 'the White House readouts', 'corpus/whitehouse-2022-2025/docs', '--docs'],
])('scripts/%s without its shared data', (script, name, what, inside, flag) => {
  it('stops with one line naming the path it looked at and NEWSGRAPH_SHARED, exit 2, no stack trace', () => {
    const missing = join(dir, 'no-such-shared');
    const r = run(script, [], { NEWSGRAPH_SHARED: missing });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${name}: ${what} not found at ${join(missing, inside)} (NEWSGRAPH_SHARED=${missing}). Set NEWSGRAPH_SHARED to the shared data folder, or give ${flag} <path>.\n`,
    );
    expect(r.stdout).toBe('');
  });

  it(`names the path given to ${flag} when that is what is missing`, () => {
    const r = run(script, [flag, join(dir, 'typo')], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${name}: ${what} not found at ${join(dir, 'typo')}. Check the path given to ${flag}.\n`);
  });
});

describe('npm run eval with NEWSGRAPH_SHARED', () => {
  it('scores with the scorer and gold files of the folder it names', async () => {
    const shared = join(dir, 'shared');
    await mkdir(join(shared, 'eval', 'gold'), { recursive: true });
    // A stand-in scorer that records what it was asked to score.
    await writeFile(
      join(shared, 'eval', 'score.mjs'),
      `import { writeFileSync, readdirSync } from 'node:fs';
       const args = process.argv.slice(2);
       const pred = args[args.indexOf('--pred') + 1];
       writeFileSync(${JSON.stringify(join(dir, 'scored.json'))}, JSON.stringify({ args, pred: readdirSync(pred) }));`,
    );
    const articles = join(dir, 'articles');
    await mkdir(articles);
    await writeFile(
      join(articles, 'a.txt'),
      'Talks in Geneva\n\nPresident Joe Biden met Prime Minister Justin Trudeau.',
    );
    const pred = join(dir, 'pred');
    const r = run('eval.ts', ['--articles', articles, '--out', pred, '--json'], { NEWSGRAPH_SHARED: shared });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const scored = JSON.parse(await readFile(join(dir, 'scored.json'), 'utf8'));
    expect(scored).toEqual({
      args: ['--gold', join(shared, 'eval', 'gold'), '--pred', pred, '--json'],
      pred: ['a.txt.json'],
    });
  });
});
