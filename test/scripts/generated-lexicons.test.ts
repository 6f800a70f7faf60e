/**
 * The generated word lists (npm run lexicons:cities, npm run lexicons:common-words): the shipped
 * files are what their sources give, so a rerun changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const NLP = join(ROOT, '..', 'shared', 'nlp');

const check = (script: string) =>
  spawnSync(process.execPath, [TSX, join(ROOT, 'scripts/lexicons', script), '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('the generated lexicons', () => {
  it('data/lexicons/cities.json is what the GeoNames gazetteer gives', () => {
    const r = check('cities.ts');
    expect(r.stdout).toMatch(/cities\.json: up to date/);
    expect(r.status).toBe(0);
  });

  it.skipIf(!existsSync(join(NLP, 'gum')))('data/lexicons/common-words.json is what the annotated data gives', () => {
    const r = check('common-words.ts');
    expect(r.stdout).toMatch(/common-words\.json: up to date/);
    expect(r.status).toBe(0);
  });
});
