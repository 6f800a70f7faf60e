/**
 * The `newsgraph` program as a new user meets it: help, examples, short flags that mean one
 * thing everywhere, output into a closed pipe, and usage errors for flags that would
 * otherwise be ignored. Spawns the built CLI (dist/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { CLI, runCli, tempDir } from './helpers.js';

const COMMANDS = ['build', 'judge', 'export', 'view', 'push', 'query', 'console'];

/** Runs the CLI with its stdout already closed, as `newsgraph … | head` leaves it once head has read enough. */
function runIntoClosedPipe(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the child has started, so its first write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('help', () => {
  it.each(COMMANDS)('`help <command>` prints the same help as `<command> --help` and exits 0: %s', (name) => {
    const viaHelp = runCli(['help', name]);
    const viaFlag = runCli([name, '--help']);
    expect(viaFlag.status).toBe(0);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain(`Usage: newsgraph ${name}`);
  });

  it('`help` alone prints the program help and exits 0', () => {
    const r = runCli(['help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: newsgraph');
  });

  it.each(COMMANDS)('`%s --help` shows at least one example of the command', (name) => {
    const r = runCli([name, '--help']);
    const examples = r.stdout.split('Examples:\n')[1] ?? '';
    expect(examples.split('\n').some((line) => line.trimStart().startsWith(`newsgraph ${name} `))).toBe(true);
  });

  it('the program help lists every exit code with its meaning', () => {
    const r = runCli(['--help']);
    for (const code of [0, 1, 2, 3, 4]) expect(r.stdout).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
  });

  it('an unknown command is a usage error, exit 2', () => {
    const r = runCli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('frobnicate');
  });
});

describe('output into a closed pipe (newsgraph … | head)', () => {
  it.each([[['--help']], [['build', '--help']], [['help', 'query']], [['--version']]])(
    '`newsgraph %j` exits 0 without a stack trace',
    async (args) => {
      const r = await runIntoClosedPipe(args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
  );
});

describe('short flags', () => {
  it('mean the same long flag in every command', () => {
    const meanings = new Map<string, Set<string>>();
    for (const command of createProgram().commands) {
      for (const option of command.options) {
        if (!option.short) continue;
        const longs = meanings.get(option.short) ?? new Set<string>();
        longs.add(option.long ?? '');
        meanings.set(option.short, longs);
      }
    }
    const ambiguous = [...meanings].filter(([, longs]) => longs.size > 1).map(([s, l]) => `${s}: ${[...l].join(' ')}`);
    expect(ambiguous).toEqual([]);
    expect([...(meanings.get('-p') ?? [])]).toEqual(['--password']);
  });

  it('`view -p` is not the port: it is refused as an unknown option, exit 2', () => {
    const r = runCli(['view', 'graph.json', '-p', '8080']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("'-p'");
  });
});

describe('flags that only apply with another flag', () => {
  it.each([
    ['--reset', ['--reset']],
    ['-a/--address', ['-a', 'bolt://127.0.0.1:7687']],
    ['-p/--password', ['-p', 'secret']],
  ])('build %s without --neo4j is a usage error naming it, before any work', (flag, args) => {
    const out = tempDir();
    const r = runCli(['build', 'examples/articles', '--out', out, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(flag);
    expect(r.stderr).toContain('--neo4j');
    expect(r.stderr).not.toContain('secret');
  });
});

describe('start-up', () => {
  // neo4j-driver takes about 0.2 s to load: commands that never talk to Neo4j must not pay for it.
  it('builds and exports without loading neo4j-driver', () => {
    const out = tempDir();
    const script = `
      import { createRequire } from 'node:module';
      import { pathToFileURL } from 'node:url';
      const { createProgram } = await import(pathToFileURL(${JSON.stringify(resolve('dist/cli/program.js'))}).href);
      const run = (args) => createProgram().parseAsync(['node', 'newsgraph', ...args]);
      await run(['build', 'examples/articles', '--out', ${JSON.stringify(out)}, '--no-cache']);
      await run(['export', ${JSON.stringify(join(out, 'graph.json'))}, '--format', 'csv', '--out', ${JSON.stringify(join(out, 'csv'))}]);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('neo4j-driver'));
      console.log(JSON.stringify(loaded.length));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toBe(0);
  });
});
