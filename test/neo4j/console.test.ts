/**
 * `newsgraph console` driven through a real pseudo-terminal (util-linux `script`, see pty.ts)
 * against the real local Neo4j, and through a pipe (stdin not a terminal).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushToNeo4j } from '../../src/sinks/neo4j/index.js';
import { CLI, REPO_ROOT, clearDatabase, closeTestDriver, cypher, neo4jEnv, neo4jSettings, runCli } from './helpers.js';
import { sampleGraph } from './graphs.js';
import { spawnPty, type Pty } from './pty.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-console-'));
let pty: Pty | undefined;

function openConsole(args: string[] = [], history = join(dir, `history-${Date.now()}`)): Pty {
  const env = neo4jEnv({ TERM: 'xterm', NO_COLOR: '1' });
  pty = spawnPty([process.execPath, CLI, 'console', '--history', history, ...args], env, REPO_ROOT);
  return pty;
}

beforeAll(async () => {
  await clearDatabase();
  await pushToNeo4j(sampleGraph(), neo4jSettings());
});
afterEach(() => {
  pty?.kill();
  pty = undefined;
});
afterAll(async () => {
  await closeTestDriver();
});

describe('newsgraph console on a terminal', () => {
  it('runs a statement typed over several lines once it ends with ;', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write('MATCH (p:Person)\r');
    at = await p.waitFor('> ', { from: at });
    expect(p.output().slice(at)).not.toContain('row');
    p.write('RETURN p.name AS name ORDER BY name;\r');
    await p.waitFor('2 rows', { from: at });
    expect(p.output()).toContain('| Volodymyr Zelensky |');
    p.write(':exit\r');
    expect(await p.exited).toBe(0);
  });

  it('sets parameters with :param, lists them with :params and uses them', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write(":param who => 'Zel' + 'ensky'\r");
    at = await p.waitFor(':param who => "Zelensky"', { from: at });
    p.write(':params\r');
    at = await p.waitFor(':param who => "Zelensky"', { from: at });
    p.write('MATCH (p:Person) WHERE p.name CONTAINS $who RETURN p.name AS name;\r');
    await p.waitFor('1 row', { from: at });
    expect(p.output()).toContain('| Volodymyr Zelensky |');
    p.write(':exit\r');
    await p.exited;
  });

  it('switches the output format with :format and shows server and round-trip times with :timing', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write(':format csv\r');
    p.write(':timing\r');
    at = await p.waitFor('timing on', { from: at });
    p.write("RETURN 'x' AS a, 2 AS b;\r");
    await p.waitFor(/round trip \d+ ms/, { from: at });
    expect(p.output()).toMatch(/a,b\n\s*x,2/);
    expect(p.output()).toMatch(/server \d+ ms/);
    p.write(':exit\r');
    await p.exited;
  });

  it('shows labels, types, property keys and counts with :schema', async () => {
    const p = openConsole();
    const at = await p.waitFor('newsgraph> ');
    p.write(':schema\r');
    await p.waitFor('entity_names', { from: at });
    const screen = p.output();
    expect(screen).toMatch(/\| Person\s+\| 2\s+\|/);
    expect(screen).toMatch(/\| MET_WITH\s+\| 1\s+\|/);
    expect(screen).toContain('aliases');
    p.write(':exit\r');
    await p.exited;
  });

  it('lists the saved queries with :queries and runs one with :run', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write(':queries\r');
    at = await p.waitFor('who-met-whom:', { from: at });
    p.write(':run who-met-whom name=Biden\r');
    at = await p.waitFor(/\d+ rows?/, { from: at });
    expect(p.output()).toMatch(/\| Joe Biden\s+\| Volodymyr Zelensky/);
    p.write(':run what-someone-said\r');
    await p.waitFor('needs $name', { from: at });
    p.write(':exit\r');
    await p.exited;
  });

  it('completes commands, labels, relationship types and property keys with Tab', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write(':sch\t');
    at = await p.waitFor(':schema', { from: at });
    p.write('\x15'); // Ctrl-U: clear the line
    p.write('MATCH (n:Pers\t');
    at = await p.waitFor('MATCH (n:Person', { from: at });
    p.write(')-[r:MET_W\t');
    at = await p.waitFor(')-[r:MET_WITH', { from: at });
    p.write(']->() RETURN n.alia\t');
    at = await p.waitFor('RETURN n.aliases', { from: at });
    p.write(';\r');
    await p.waitFor('1 row', { from: at });
    p.write(':exit\r');
    await p.exited;
  });

  it('cancels the running statement with Ctrl-C and stays up', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write('UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS c;\r');
    await new Promise((r) => setTimeout(r, 1500));
    p.write('\x03');
    at = await p.waitFor('cancelled', { from: at, timeoutMs: 15_000 });
    p.write('RETURN 42 AS answer;\r');
    await p.waitFor('| 42', { from: at });
    // The server no longer runs it (this SHOW statement's own text is left out).
    const running = await cypher(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 2000000000)' RETURN count(*) AS n",
    );
    expect(running).toEqual([{ n: 0 }]);
    p.write(':exit\r');
    expect(await p.exited).toBe(0);
  });

  it('shows the server message with a caret under a syntax error and stays up', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write('MATCH (n) RETRN n;\r');
    at = await p.waitFor(/\n\s*\^/, { from: at });
    expect(p.output()).toContain("Invalid input 'RETRN'");
    p.write('RETURN 1 AS one;\r');
    await p.waitFor('1 row', { from: at });
    p.write(':exit\r');
    expect(await p.exited).toBe(0);
  });

  it('refuses writes unless started with --write', async () => {
    const p = openConsole();
    let at = await p.waitFor('newsgraph> ');
    p.write('CREATE (:ConsoleWrite);\r');
    await p.waitFor('--write', { from: at });
    p.write(':exit\r');
    await p.exited;
    expect(await cypher('MATCH (n:ConsoleWrite) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    const w = openConsole(['--write']);
    at = await w.waitFor('newsgraph(rw)> ');
    w.write('CREATE (:ConsoleWrite);\r');
    await w.waitFor('nodesCreated: 1', { from: at });
    w.write(':exit\r');
    await w.exited;
    expect(await cypher('MATCH (n:ConsoleWrite) DELETE n RETURN count(*) AS n')).toEqual([{ n: 1 }]);
  });

  it('keeps history between sessions in the history file', async () => {
    const history = join(dir, 'kept-history');
    const p = openConsole([], history);
    const at = await p.waitFor('newsgraph> ');
    p.write("RETURN 'remember me' AS r;\r");
    await p.waitFor('1 row', { from: at });
    p.write(':exit\r');
    await p.exited;
    expect(readFileSync(history, 'utf8')).toContain("RETURN 'remember me' AS r;");
    const again = openConsole([], history);
    let at2 = await again.waitFor('newsgraph> ');
    again.write('\x1b[A'); // Up arrow recalls the last entry
    at2 = await again.waitFor(':exit', { from: at2 }).catch(() => at2);
    again.write('\x1b[A');
    await again.waitFor("RETURN 'remember me' AS r;", { from: at2 });
    again.write('\x15:exit\r');
    await again.exited;
  });

  it('keeps a statement typed over several lines as one history entry, which Up recalls whole', async () => {
    const history = join(dir, 'multi-line-history');
    const p = openConsole([], history);
    let at = await p.waitFor('newsgraph> ');
    p.write("RETURN 'multi'\r");
    at = await p.waitFor('> ', { from: at });
    p.write('AS m;\r');
    at = await p.waitFor('1 row', { from: at });
    p.write('\x1b[A'); // Up: the whole statement, not its last line
    p.write('\r');
    await p.waitFor('1 row', { from: at });
    p.write(':exit\r');
    await p.exited;
    // One line of the file, run twice in a row: saved once, never as separate lines.
    const entries = readFileSync(history, 'utf8').split('\n').filter(Boolean);
    expect(entries.filter((e) => e.includes('AS m;'))).toHaveLength(1);
    expect(entries.filter((e) => e.includes("RETURN 'multi'"))).toHaveLength(1);
    expect(entries.find((e) => e.includes('AS m;'))).toContain("RETURN 'multi'");
    // The next session recalls it whole too: Up passes over :exit to the statement.
    const again = openConsole([], history);
    let at2 = await again.waitFor('newsgraph> ');
    again.write('\x1b[A');
    at2 = await again.waitFor(':exit', { from: at2 });
    again.write('\x1b[A');
    again.write('\r');
    await again.waitFor('1 row', { from: at2 });
    again.write(':exit\r');
    expect(await again.exited).toBe(0);
  });

  it('shows :help and leaves on Ctrl-D', async () => {
    const p = openConsole();
    const at = await p.waitFor('newsgraph> ');
    p.write(':help\r');
    await p.waitFor(':run NAME', { from: at });
    p.write('\x04');
    expect(await p.exited).toBe(0);
  });
});

describe('newsgraph console reading stdin that is not a terminal', () => {
  it('runs the statements it reads and prints their results', async () => {
    const r = await runCli(['console', '--format', 'csv'], {
      input: ':param n => 2\nUNWIND range(1, $n) AS i\nRETURN i;\n',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('i\r\n1\r\n2\r\n');
  });

  it('exits 3 at the first failing statement', async () => {
    const r = await runCli(['console', '--format', 'csv'], { input: 'RETURN 1 AS a;\nRETRN 2;\nRETURN 3 AS c;\n' });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('a\r\n1\r\n');
  });

  it('exits 2 when the input ends with an unterminated statement', async () => {
    const r = await runCli(['console'], { input: 'RETURN 1 AS a;\nRETURN 2' });
    expect(r.code).toBe(2);
  });

  it('names the input line where the unterminated statement starts', async () => {
    const r = await runCli(['console', '--format', 'csv'], { input: 'RETURN 1 AS a;\n\nRETURN 2\n  AS b' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('a\r\n1\r\n');
    expect(r.stderr).toContain('line 3');
    expect(r.stderr).not.toContain('line 1');
  });

  it.each([
    ['a malformed :run parameter', ':run what-someone-said name:Biden\n'],
    ['a missing :run parameter', ':run what-someone-said\n'],
  ])('suggests only the console syntax for %s, exit 2', async (_what, input) => {
    const r = await runCli(['console'], { input });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':run what-someone-said name=');
    expect(r.stderr).not.toContain('--param');
  });

  it('refuses a :run parameter the saved query does not have, naming it, exit 2', async () => {
    const r = await runCli(['console'], { input: ':run who-met-whom nmae=Biden\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$nmae');
  });

  it('exits 3 for a write without --write, naming the flag', async () => {
    const r = await runCli(['console'], { input: 'CREATE (:ConsolePipeWrite);\n' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--write');
  });

  it('exits 4 when the server is down', async () => {
    const r = await runCli(['console', '-a', 'bolt://127.0.0.1:1'], { input: 'RETURN 1;\n' });
    expect(r.code).toBe(4);
  });
});
