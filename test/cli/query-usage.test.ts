/**
 * `newsgraph query` usage errors, found before any connection: every case points at an
 * address where nothing listens, so a check that did not happen would end with exit 4
 * (connection) instead of 2 (usage). No server needed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementParameters } from '../../src/cli/cypher.js';
import { runCli, tempDir } from './helpers.js';

const NOWHERE = ['-a', 'bolt://127.0.0.1:1'];
const dir = tempDir('newsgraph-query-usage-');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('query parameters given with -P', () => {
  it.each([
    ['malformed', ['RETURN 1', '-P', '1x'], "'1x'"],
    ['missing its =value', ['RETURN $name', '-P', 'name'], "'name'"],
    ['mistyped for a statement', ['RETURN $name AS n', '-P', 'nme=Biden'], '$nme'],
    ['unused by a statement that has none', ['RETURN 1', '-P', 'n=1'], '$n'],
    ['mistyped for a saved query', ['-f', 'graph/queries/who-met-whom.cypher', '-P', 'nmae=Biden'], '$nmae'],
  ])('a -P parameter that is %s is a usage error naming it, exit 2', (_what, args, named) => {
    const r = runCli(['query', ...args, ...NOWHERE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(named);
    expect(r.stdout).toBe('');
  });

  it('a missing parameter of a saved query is named with the -P syntax query accepts', () => {
    const r = runCli(['query', '-f', 'graph/queries/what-someone-said.cypher', ...NOWHERE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('$name');
    expect(r.stderr).toContain('-P name=');
    expect(r.stderr).not.toContain(':param');
  });

  it('a parameter used only inside a string or a comment is not a parameter', () => {
    expect([...statementParameters("RETURN '$a' AS x, $b // $c\n/* $d */, `$e`, $`f g`")]).toEqual(['b', 'f g']);
  });
});

describe('query statement files', () => {
  it('names the line of a last statement without its ;, exit 2, and runs nothing', () => {
    const f = file('unterminated.cypher', 'RETURN 1;\n\nMATCH (n)\nRETURN n');
    const r = runCli(['query', '-f', f, ...NOWHERE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 3');
  });

  it('a missing file is a usage error, exit 2', () => {
    const r = runCli(['query', '-f', join(dir, 'nope.cypher'), ...NOWHERE]);
    expect(r.status).toBe(2);
  });
});
