/**
 * One exit-code table and one place that applies it: every error class maps to its row of
 * the table, and no other file of the CLI decides an exit code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_CODES, EXIT_FOR_ERROR, describeError } from '../../src/cli/exit.js';
import { GraphFileError, InputError, OutputError, PartialError, UsageError } from '../../src/errors.js';
import { AuthError, ConnectionError, QueryError } from '../../src/sinks/neo4j/index.js';

describe('the exit-code table', () => {
  it('gives every code one meaning and keeps the documented ones', () => {
    const codes = EXIT_CODES.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(EXIT).toMatchObject({ OK: 0, PARTIAL: 1, USAGE: 2, QUERY: 3, CONNECTION: 4 });
  });

  it('has a row for every error code', () => {
    for (const name of Object.values(EXIT_FOR_ERROR)) expect(EXIT[name]).toBeTypeOf('number');
  });

  const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  it.each([
    ['a UsageError', new UsageError('x: bad flag.'), 2, true],
    ['a GraphFileError', new GraphFileError('g.json', 'x: not a graph.'), 2, true],
    ['an OutputError', new OutputError('x: cannot write.'), 2, true],
    ['an InputError', new InputError('a.txt', 'x: unreadable.'), 2, true],
    ['a PartialError (its inputs were named already)', new PartialError('build: 3 inputs skipped.'), 1, false],
    ['a QueryError', new QueryError('x: syntax.', {}), 3, true],
    ['a ConnectionError', new ConnectionError('bolt://h', 'x: refused.'), 4, true],
    ['an AuthError', new AuthError('bolt://h', 'x: wrong password.'), 4, true],
    ['help or version shown by commander', new CommanderError(0, 'commander.helpDisplayed', '(help)'), 0, false],
    ['`help` with no command', new CommanderError(0, 'commander.help', '(help)'), 0, false],
    ['a usage error found by commander', new CommanderError(1, 'commander.unknownOption', 'x'), 2, false],
    ['a closed stdout (EPIPE)', epipe, 0, false],
    ['anything else (a bug)', new TypeError('x is undefined'), 70, true],
  ])('%s ends with exit %i', (_what, err, exitCode, printed) => {
    const d = describeError(err);
    expect(d.exitCode).toBe(exitCode);
    expect(d.message !== '').toBe(printed);
  });
});

describe('who decides the exit code', () => {
  const cliDir = 'src/cli';
  const files = readdirSync(cliDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(cliDir, f));

  it.each(files.filter((f) => f !== join(cliDir, 'index.ts')))('%s neither exits nor sets process.exitCode', (file) => {
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/process\.exit\b|process\.exitCode/);
  });

  it.each(files.filter((f) => f.includes(join(cliDir, 'commands'))))(
    '%s imports no other command (shared parts live in src/cli/)',
    (file) => {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/from '\.\/[a-z-]+\.js'/);
    },
  );
});
