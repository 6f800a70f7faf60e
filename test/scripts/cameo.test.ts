/**
 * The CAMEO import (npm run lexicons:cameo): the verb blocks of PETRARCH2's dictionary read as
 * PETRARCH reads them, and the shipped data/lexicons/cameo-verbs.json is what the dictionary gives.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCameoVerbs, regularForms } from '../../scripts/lexicons/cameo-parse.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const EXCERPT = join(ROOT, 'test/fixtures/cameo/excerpt.txt');
const DICTIONARY = join(ROOT, '..', 'shared', 'nlp', 'petrarch2', 'CAMEO.2.0.txt');

const run = (args: string[]) =>
  spawnSync(process.execPath, [TSX, join(ROOT, 'scripts/lexicons/cameo.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('the CAMEO verb dictionary reader', () => {
  const verbs = parseCameoVerbs(readFileSync(EXCERPT, 'utf8'));
  const verb = (entry: string) => verbs.find((v) => v.entry === entry);

  it('reads every verb of a block with the block code, or its own', () => {
    expect(verbs.filter((v) => v.block === 'REFUSE').map((v) => [v.entry, v.code])).toEqual([
      ['RULE_OUT', '---'],
      ['DECLINE', '120'],
      ['DENY', '---'],
      ['REFUSE', '---'],
      ['REJECT', '---'],
      ['RESIST', '---'],
      ['SPURN', '110'],
      ['WITHSTAND', '---'],
    ]);
    expect(verb('CANE')?.code).toBe('180');
    expect(verb('BERATE')?.code).toBe('111');
  });

  it('never reads a pattern line as a verb', () => {
    expect(verbs.map((v) => v.entry)).not.toContain('STOCKS');
    expect(verbs.map((v) => v.entry)).not.toContain('-');
  });

  it('gives irregular forms as written and inflects the marked word of a phrase', () => {
    expect(verb('DENY')?.forms).toEqual(['deny', 'denying', 'denied', 'denies']);
    expect(verb('RULE_OUT')?.forms).toEqual(['rule out', 'rules out', 'ruled out', 'ruling out']);
    expect(verb('DRESS_DOWN')?.forms).toEqual(['dress down', 'dresses down', 'dressed down', 'dressing down']);
    expect(verb('CENSURE')?.line).toBe(readFileSync(EXCERPT, 'utf8').split('\n').indexOf('CENSURE  # JON 5/17/95') + 1);
  });

  it.each([
    ['propose', ['propose', 'proposes', 'proposed', 'proposing']],
    ['decry', ['decry', 'decries', 'decried', 'decrying']],
    ['dismiss', ['dismiss', 'dismisses', 'dismissed', 'dismissing']],
    ['agree', ['agree', 'agrees', 'agreed', 'agreeing']],
    ['appeal', ['appeal', 'appeals', 'appealed', 'appealing']],
  ])('makes the regular forms of %s as PETRARCH does', (verb, forms) => {
    expect(regularForms(verb)).toEqual(forms);
  });
});

describe('npm run lexicons:cameo', () => {
  it.skipIf(!existsSync(DICTIONARY))('left data/lexicons/cameo-verbs.json as the dictionary gives it', () => {
    const r = run(['--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('stops with one line when the dictionary lacks an entry the selection excludes, exit 1', () => {
    const r = run(['--dictionary', EXCERPT, '--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^lexicons:cameo: .*excerpt\.txt has no entries DESIRE, HOPE, .*; the selection for proposal-verbs\.json needs updating\.\n$/,
    );
  });

  it('stops with one line when the dictionary is missing, exit 2', () => {
    const r = run(['--dictionary', '/no/such/CAMEO.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'lexicons:cameo: the CAMEO verb dictionary not found at /no/such/CAMEO.txt. Check the path given to --dictionary.\n',
    );
  });
});
