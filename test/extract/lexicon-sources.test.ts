/**
 * Word lists live in data files that say where their words come from, not in code: every
 * lexicon cites its sources, and no extractor module builds a list of English words itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LEXICONS = 'data/lexicons';
const files = readdirSync(LEXICONS).filter((f) => f.endsWith('.json'));

const sourcesOf = (data: Record<string, unknown>): string[] =>
  ['_source', 'source', 'sources', '_sources']
    .flatMap((k) => (Array.isArray(data[k]) ? (data[k] as unknown[]) : data[k] === undefined ? [] : [data[k]]))
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 20);

describe('lexicon files', () => {
  it.each(files)('%s cites where its words come from', (file) => {
    const data = JSON.parse(readFileSync(join(LEXICONS, file), 'utf8')) as Record<string, unknown>;
    expect(sourcesOf(data).length).toBeGreaterThan(0);
  });

  const modules = ['src/extract/entities', 'src/extract/relations', 'src/extract', 'src/resolve'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f)),
  );
  it.each(modules)('%s builds no set of three or more lower-case words in code', (file) => {
    const code = readFileSync(file, 'utf8');
    // new Set(['the', 'a', 'an']) or a space-separated word string split into a set.
    const literalSet = /new Set\(\[\s*'[a-z][a-z' -]*',\s*'[a-z][a-z' -]*',\s*'[a-z][a-z' -]*'/;
    const splitSet = /new Set\(\s*\(?\s*'(?:[a-z]+ ){3,}/;
    expect(literalSet.test(code) || splitSet.test(code)).toBe(false);
  });
});
