/** `newsgraph query` against the real local Neo4j: output formats, parameters, files, writes, and every exit code. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushToNeo4j } from '../../src/sinks/neo4j/index.js';
import { CLI, REPO_ROOT, clearDatabase, closeTestDriver, cypher, neo4jEnv, neo4jSettings, runCli } from './helpers.js';
import { sampleGraph } from './graphs.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-query-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  await clearDatabase();
  await pushToNeo4j(sampleGraph(), neo4jSettings());
});
afterAll(async () => {
  await closeTestDriver();
});

describe('newsgraph query output', () => {
  const statement = 'MATCH (p:Person) RETURN p.name AS name, size(p.aliases) AS aliases ORDER BY name';

  it('prints a table by default, data on stdout only', async () => {
    const r = await runCli(['query', statement]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| name               | aliases |');
    expect(r.stdout).toContain('| Joe Biden          | 3       |');
  });

  it.each([
    ['csv', 'name,aliases\r\nJoe Biden,3\r\nVolodymyr Zelensky,3\r\n'],
    ['jsonl', '{"name":"Joe Biden","aliases":3}\n{"name":"Volodymyr Zelensky","aliases":3}\n'],
  ])('prints --format %s', async (format, expected) => {
    const r = await runCli(['query', statement, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('prints --format json as an array of objects, nodes with their labels and properties', async () => {
    const r = await runCli(['query', "MATCH (p:Person {name: 'Joe Biden'}) RETURN p", '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { p: { _labels: string[]; name: string } }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.p._labels.sort()).toEqual(['Entity', 'Person']);
    expect(rows[0]!.p.name).toBe('Joe Biden');
  });

  it('passes --param values, whole numbers as integers (so LIMIT $n works) and text as strings', async () => {
    const r = await runCli([
      'query',
      'MATCH (p:Person) WHERE p.name CONTAINS $who RETURN p.name AS name LIMIT $n',
      '-P',
      'who=Zelensky',
      '-P',
      'n=1',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('name\r\nVolodymyr Zelensky\r\n');
  });

  it('runs a file of ;-terminated statements in order, strings and comments holding ; included', async () => {
    const f = file('ok.cypher', "// a comment; not a statement\nRETURN 'a;b' AS x;\n/* block ; */ RETURN 2 AS y;\n");
    const r = await runCli(['query', '-f', f, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('x\r\na;b\r\ny\r\n2\r\n');
  });

  it('applies the defaults declared by a saved query file', async () => {
    const r = await runCli(['query', '-f', 'graph/queries/who-met-whom.cypher', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"person":"Joe Biden"');
  });
});

describe('newsgraph query exit codes', () => {
  it('exits 2 when the last statement of a file has no terminating ; and runs none of it', async () => {
    const f = file('unterminated.cypher', 'CREATE (:ShouldNotExist);\nRETURN 1');
    const r = await runCli(['query', '--write', '-f', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unterminated.cypher');
    const check = await runCli(['query', 'MATCH (n:ShouldNotExist) RETURN count(n) AS c', '--format', 'csv']);
    expect(check.stdout).toBe('c\r\n0\r\n');
  });

  it.each([
    ['no statement', ['query']],
    ['an unknown option', ['query', 'RETURN 1', '--bogus']],
    ['an unknown format', ['query', 'RETURN 1', '--format', 'xml']],
    ['a malformed parameter', ['query', 'RETURN 1', '-P', '1x']],
    ['a missing file', ['query', '-f', '/nonexistent/file.cypher']],
    ['a saved query without its required parameter', ['query', '-f', 'graph/queries/what-someone-said.cypher']],
    ['a parameter no statement uses', ['query', 'RETURN $name AS n', '-P', 'nme=Biden']],
  ])('exits 2 for %s', async (_name, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('exits 3 with the server message and a caret for a syntax error', async () => {
    const r = await runCli(['query', 'MATCH (n) RETRN n']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Invalid input 'RETRN'");
    expect(r.stderr).toMatch(/\n\s*\^/);
  });

  it('exits 3 for a runtime error and stops a file at the failing statement', async () => {
    const f = file('fails.cypher', 'RETURN 1 AS one;\nRETURN 1/0 AS boom;\nCREATE (:AfterFailure);\n');
    const r = await runCli(['query', '--write', '-f', f, '--format', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('one\r\n1\r\n');
    expect(r.stderr).toContain('statement 2 (line 2)');
    expect((await runCli(['query', 'MATCH (n:AfterFailure) RETURN count(n) AS c', '--format', 'csv'])).stdout).toBe(
      'c\r\n0\r\n',
    );
  });

  it('exits 4 with one line naming the address when the server is down, within 10 s', async () => {
    const r = await runCli(['query', 'RETURN 1', '-a', 'bolt://127.0.0.1:1']);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bolt://127.0.0.1:1');
    expect(r.ms).toBeLessThan(10_000);
  });

  it('exits 4 within 10 s when the address accepts connections but never answers', async () => {
    const silent: Server = createServer(() => {}); // accepts, never speaks Bolt
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const r = await runCli(['query', 'RETURN 1', '-a', `bolt://127.0.0.1:${port}`]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`127.0.0.1:${port}`);
      expect(r.ms).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  });

  it('exits 4 with one line for a wrong password and does not print it', async () => {
    const r = await runCli(['query', 'RETURN 1', '-p', 'not-it-987']);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain('not-it-987');
  });

  it('exits 4 for an unknown database', async () => {
    const r = await runCli(['query', 'RETURN 1', '-d', 'nosuchdb']);
    expect(r.code).toBe(4);
  });

  it('exits 0 for a statement that returns nothing', async () => {
    const r = await runCli(['query', 'MATCH (n:Nothing) RETURN n']);
    expect(r.code).toBe(0);
  });
});

describe('newsgraph query writes', () => {
  it('refuses a write without --write, exit 3, naming the flag, and writes nothing', async () => {
    const r = await runCli(['query', 'CREATE (:QueryWrite)']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--write');
    expect(await cypher('MATCH (n:QueryWrite) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('refuses a schema change without --write too', async () => {
    const r = await runCli(['query', 'CREATE INDEX query_write_probe IF NOT EXISTS FOR (n:QueryWrite) ON (n.x)']);
    expect(r.code).toBe(3);
    expect(await cypher("SHOW INDEXES YIELD name WHERE name = 'query_write_probe' RETURN count(*) AS n")).toEqual([
      { n: 0 },
    ]);
  });

  it('writes with --write', async () => {
    const r = await runCli(['query', '--write', 'CREATE (:QueryWrite)']);
    expect(r.code).toBe(0);
    expect(await cypher('MATCH (n:QueryWrite) DELETE n RETURN count(*) AS n')).toEqual([{ n: 1 }]);
  });
});

describe('newsgraph query into a closed pipe (newsgraph query … | head)', () => {
  it('stops quietly with exit 0 when nobody reads its output any more', async () => {
    const child = spawn(process.execPath, [CLI, 'query', 'UNWIND range(1, 200000) AS i RETURN i', '--format', 'csv'], {
      cwd: REPO_ROOT,
      env: neo4jEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Read one chunk, then close the pipe as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
