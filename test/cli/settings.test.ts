/**
 * Every command resolves its flags the same way: `DEFAULT_*_SETTINGS`, `resolve*Settings`
 * (flags over environment over defaults) and `validate*Settings` (a UsageError naming the flag).
 */
import { describe, expect, it } from 'vitest';
import * as build from '../../src/cli/commands/build.js';
import * as consoleCmd from '../../src/cli/commands/console.js';
import * as exportCmd from '../../src/cli/commands/export.js';
import * as push from '../../src/cli/commands/push.js';
import * as query from '../../src/cli/commands/query.js';
import * as view from '../../src/cli/commands/view.js';
import { UsageError } from '../../src/errors.js';

const MODULES: [string, Record<string, unknown>][] = [
  ['build', build],
  ['console', consoleCmd],
  ['export', exportCmd],
  ['push', push],
  ['query', query],
  ['view', view],
];

describe('the settings shape', () => {
  it.each(MODULES)('%s exports DEFAULT_*_SETTINGS, resolve*Settings and validate*Settings', (_name, module) => {
    const names = Object.keys(module);
    expect(names.filter((n) => /^DEFAULT_[A-Z_]+_SETTINGS$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^resolve[A-Za-z]+Settings$/.test(n) && typeof module[n] === 'function')).toHaveLength(
      1,
    );
    expect(names.filter((n) => /^validate[A-Za-z]+Settings$/.test(n) && typeof module[n] === 'function')).toHaveLength(
      1,
    );
  });
});

describe('defaults and precedence', () => {
  it('applies the defaults when no flag is given', () => {
    const s = build.resolveBuildSettings(['a'], { out: 'o' }, {});
    expect(s).toMatchObject({ workers: 'auto', maxFileSizeMB: 50, neo4j: false, reset: false });
    expect(view.resolveViewSettings('g.json', {})).toEqual({ graph: 'g.json', ...view.DEFAULT_VIEW_SETTINGS });
    expect(query.resolveQuerySettings('RETURN 1', {}, {})).toMatchObject({ format: 'table', write: false });
  });

  it('prefers a flag over the environment over the default (the console history file)', () => {
    const env = { NEWSGRAPH_HISTORY: '/env/history' };
    expect(consoleCmd.resolveConsoleSettings({ history: '/flag/history' }, env).history).toBe('/flag/history');
    expect(consoleCmd.resolveConsoleSettings({}, env).history).toBe('/env/history');
    expect(consoleCmd.resolveConsoleSettings({}, {}).history).toBe(consoleCmd.DEFAULT_CONSOLE_SETTINGS.history);
  });
});

describe('validation', () => {
  it.each([
    [
      'build --workers many',
      () => build.validateBuildSettings(build.resolveBuildSettings(['a'], { out: 'o', workers: 'many' }, {})),
      '--workers',
    ],
    [
      'build --max-file-size 0',
      () => build.validateBuildSettings(build.resolveBuildSettings(['a'], { out: 'o', maxFileSize: '0' }, {})),
      '--max-file-size',
    ],
    [
      'build --reset without --neo4j',
      () => build.validateBuildSettings(build.resolveBuildSettings(['a'], { out: 'o', reset: true }, {})),
      '--reset',
    ],
    ['view --port 70000', () => view.validateViewSettings(view.resolveViewSettings('g', { port: '70000' })), '--port'],
    [
      'view --port eighty',
      () => view.validateViewSettings(view.resolveViewSettings('g', { port: 'eighty' })),
      '--port',
    ],
    [
      'push --batch-size 0',
      () => push.validatePushCommandSettings(push.resolvePushCommandSettings('g', { batchSize: '0' }, {})),
      '--batch-size',
    ],
    [
      'push --concurrency two',
      () => push.validatePushCommandSettings(push.resolvePushCommandSettings('g', { concurrency: 'two' }, {})),
      '--concurrency',
    ],
    [
      'query --format xml',
      () => query.validateQuerySettings(query.resolveQuerySettings('RETURN 1', { format: 'xml' }, {})),
      '--format',
    ],
    [
      'query -P 1x',
      () => query.validateQuerySettings(query.resolveQuerySettings('RETURN 1', { param: ['1x'] }, {})),
      '-P/--param',
    ],
    [
      'console --format xml',
      () => consoleCmd.validateConsoleSettings(consoleCmd.resolveConsoleSettings({ format: 'xml' }, {})),
      '--format',
    ],
    [
      'export --seed x',
      () =>
        exportCmd.validateExportCommandSettings(
          exportCmd.resolveExportCommandSettings('g', { out: 'o.gexf', seed: 'x' }),
        ),
      '--seed',
    ],
    [
      'export --array-delimiter ab',
      () =>
        exportCmd.validateExportCommandSettings(
          exportCmd.resolveExportCommandSettings('g', { out: 'o.csv', arrayDelimiter: 'ab' }),
        ),
      '--array-delimiter',
    ],
  ])('%s is a UsageError naming the flag', (_what, check, flag) => {
    let error: unknown;
    try {
      check();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(flag);
  });

  it.each([
    ['build', () => build.validateBuildSettings(build.resolveBuildSettings(['a'], { out: 'o', workers: '0' }, {}))],
    ['view --port 0', () => view.validateViewSettings(view.resolveViewSettings('g', { port: '0' }))],
    ['push', () => push.validatePushCommandSettings(push.resolvePushCommandSettings('g', {}, {}))],
    ['query', () => query.validateQuerySettings(query.resolveQuerySettings('RETURN 1', { param: ['n=1'] }, {}))],
    ['console', () => consoleCmd.validateConsoleSettings(consoleCmd.resolveConsoleSettings({}, {}))],
  ])('accepts good %s settings', (_what, check) => {
    expect(check).not.toThrow();
  });
});
