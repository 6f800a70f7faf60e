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
  ['eval-polnear.ts', 'eval:polnear', 'PolNeAR', 'nlp/polnear', '--data'],
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

describe('npm run eval:polnear', () => {
  it('scores a quote of a named source, leaves out one of an unnamed source, and counts a wrong speaker', async () => {
    const data = join(dir, 'polnear');
    await mkdir(join(data, 'dev', 'text'), { recursive: true });
    await mkdir(join(data, 'dev', 'attributions'), { recursive: true });
    const text =
      'Vote in Ohio\n\nSenator John Smith said: "We will win the vote tomorrow." ' +
      'A source said: "It is over for them now." "Nobody saw the polls coming," Mary Jones said of Peter Brown.\n';
    await writeFile(join(data, 'dev', 'text', 'a.txt'), text);
    const span = (id: string, role: string, part: string) => {
      const at = text.indexOf(part);
      return `${id}\t${role} ${at} ${at + part.length}\t${part}`;
    };
    await writeFile(
      join(data, 'dev', 'attributions', 'a_1f2e.ann'),
      [
        span('T1', 'Source', 'Senator John Smith'),
        span('T2', 'Content', '"We will win the vote tomorrow."'),
        'E1\tAttribution:T1 Content:T2 Source:T1',
        span('T3', 'Source', 'A source'),
        span('T4', 'Content', '"It is over for them now."'),
        'E2\tAttribution:T3 Content:T4 Source:T3',
        // The gold credits Mary Jones's words to someone else: the graph's speaker is then wrong.
        span('T5', 'Source', 'Peter Brown'),
        span('T6', 'Content', '"Nobody saw the polls coming,"'),
        'E3\tAttribution:T5 Content:T6 Source:T5',
      ].join('\n'),
    );
    const r = run('eval-polnear.ts', ['--data', data, '--split', 'dev'], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const row = r.stdout.trim().split('\n')[1]!.trim().split(/\s+/);
    // split, articles, gold quotes, found, right speaker, predicted, P, R, F1, speaker accuracy
    expect(row).toEqual(['dev', '1', '2', '2', '1', '2', '50.0', '50.0', '50.0', '50.0']);
  });
});
