/** Parts of the Neo4j sink and CLI that need no server: statement splitting, formatting, parameters, settings, completion, errors. */
import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { resolveConnection } from '../../src/cli/connection.js';
import { complete } from '../../src/cli/console/completer.js';
import { UsageError } from '../../src/errors.js';
import {
  AuthError,
  ConnectionError,
  QueryError,
  fromDriverError,
  formatResult,
  parseParam,
  redact,
  splitStatements,
  validateConnection,
  DEFAULT_CONNECTION,
} from '../../src/sinks/neo4j/index.js';
import { QUERIES, planPush } from '../../src/sinks/neo4j/push.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, schemaStatements } from '../../src/sinks/neo4j/schema.js';
import { sampleGraph, syntheticGraph } from './graphs.js';
import { compareStrings } from '../../src/util/text.js';

describe('splitStatements', () => {
  it.each([
    ['one statement', 'RETURN 1;', ['RETURN 1'], false],
    ['two statements over lines', 'MATCH (n)\nRETURN n;\nRETURN 2;\n', ['MATCH (n)\nRETURN n', 'RETURN 2'], false],
    ['; inside single quotes', "RETURN 'a;b';", ["RETURN 'a;b'"], false],
    ['; inside double quotes with an escaped quote', 'RETURN "a\\";b";', ['RETURN "a\\";b"'], false],
    ['; inside backticks', 'MATCH (n:`A;B`) RETURN n;', ['MATCH (n:`A;B`) RETURN n'], false],
    ['; in comments', '// x;\n/* y; */ RETURN 1;', ['RETURN 1'], false],
    ['a trailing comment only', 'RETURN 1;\n// done\n', ['RETURN 1'], false],
    ['an unterminated last statement', 'RETURN 1;\nRETURN 2', ['RETURN 1'], true],
    ['empty statements', ';;RETURN 1;;', ['RETURN 1'], false],
  ])('splits %s', (_name, text, expected, unterminated) => {
    const r = splitStatements(text);
    expect(r.statements.map((s) => s.text)).toEqual(expected);
    expect(Boolean(r.unterminated)).toBe(unterminated);
  });

  it('gives the line each statement starts on', () => {
    expect(splitStatements('RETURN 1;\n\n  RETURN 2;').statements.map((s) => s.line)).toEqual([1, 3]);
  });
});

describe('formatResult', () => {
  const t = {
    keys: ['name', 'n', 'list'],
    rows: [
      ['a, "b"', neo4j.int(3), ['x', neo4j.int(1)]],
      [null, 1.5, []],
    ],
  };
  it('writes CSV with quoting and CRLF', () => {
    expect(formatResult(t, 'csv')).toBe('name,n,list\r\n"a, ""b""",3,"[""x"", 1]"\r\n,1.5,[]\r\n');
  });
  it('writes JSON lines with integers as numbers', () => {
    expect(formatResult(t, 'jsonl')).toBe(
      '{"name":"a, \\"b\\"","n":3,"list":["x",1]}\n{"name":null,"n":1.5,"list":[]}\n',
    );
  });
  it('writes a table with aligned columns', () => {
    expect(formatResult({ keys: ['a'], rows: [['x'], ['long']] }, 'table')).toBe(
      '+------+\n| a    |\n+------+\n| x    |\n| long |\n+------+\n',
    );
  });
});

describe('parseParam', () => {
  it.each([
    ['n=10', 'n', neo4j.int(10)],
    ['x=1.5', 'x', 1.5],
    ['name=Joe Biden', 'name', 'Joe Biden'],
    ['q="quoted"', 'q', 'quoted'],
    ['l=[1,"a"]', 'l', [neo4j.int(1), 'a']],
    ['b=true', 'b', true],
    ['arrow => 3', 'arrow', neo4j.int(3)],
  ])('parses %s', (text, name, value) => {
    expect(parseParam(text)).toEqual([name, value]);
  });
  it('throws UsageError for text without a name', () => {
    expect(() => parseParam('=3')).toThrow(UsageError);
  });
});

describe('resolveConnection', () => {
  it('uses the local defaults with no flags and no environment', () => {
    expect(resolveConnection({}, {})).toEqual({ ...DEFAULT_CONNECTION, database: undefined });
  });
  it('prefers flags over NEO4J_* variables over defaults', () => {
    const env = {
      NEO4J_URI: 'neo4j+s://x.databases.neo4j.io',
      NEO4J_USERNAME: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'db',
    };
    expect(resolveConnection({}, env)).toEqual({ uri: env.NEO4J_URI, username: 'u', password: 'p', database: 'db' });
    expect(resolveConnection({ address: 'bolt://h:1', username: 'v', password: 'q', database: 'd2' }, env)).toEqual({
      uri: 'bolt://h:1',
      username: 'v',
      password: 'q',
      database: 'd2',
    });
  });
  it.each(['http://localhost:7474', 'localhost:7687', 'bolt:/x'])('rejects %s as an address', (uri) => {
    expect(validateConnection({ ...DEFAULT_CONNECTION, uri })).toBeDefined();
  });
  it.each(['bolt://127.0.0.1:7687', 'neo4j://cluster:7687', 'neo4j+s://x.databases.neo4j.io', 'bolt+ssc://h'])(
    'accepts %s',
    (uri) => {
      expect(validateConnection({ ...DEFAULT_CONNECTION, uri })).toBeUndefined();
    },
  );
});

describe('fromDriverError', () => {
  const ctx = { address: 'bolt://u:secret-pw@h:7687', password: 'secret-pw' };
  it.each([
    [{ code: 'ServiceUnavailable', message: 'Could not connect: ECONNREFUSED secret-pw' }, ConnectionError],
    [{ code: 'Neo.ClientError.Security.Unauthorized', message: 'bad' }, AuthError],
    [{ code: 'Neo.ClientError.Database.DatabaseNotFound', message: 'no db' }, ConnectionError],
    [
      { code: 'Neo.ClientError.Statement.SyntaxError', message: 'Invalid input (line 1, column 3 (offset: 2))' },
      QueryError,
    ],
  ])('maps %o to its class without the password or user-info', (err, cls) => {
    const mapped = fromDriverError(err, ctx) as Error;
    expect(mapped).toBeInstanceOf(cls);
    expect(mapped.message).not.toContain('secret-pw');
  });
  it('reads the position of a syntax error', () => {
    const e = fromDriverError(
      { code: 'Neo.ClientError.Statement.SyntaxError', message: 'x (line 2, column 5 (offset: 12))' },
      ctx,
    ) as QueryError;
    expect(e.position).toEqual({ line: 2, column: 5, offset: 12 });
  });
  it('redacts every occurrence of a password', () => {
    expect(redact('a hunter2 b hunter2', 'hunter2')).toBe('a *** b ***');
  });
});

describe('push plan', () => {
  it('uses only labels and relationship types of the schema, and every value as a parameter', () => {
    const all = [
      QUERIES.article,
      QUERIES.mention,
      QUERIES.reset,
      ...NODE_LABELS.slice(2).map(QUERIES.entity),
      ...RELATIONSHIP_TYPES.slice(1).map(QUERIES.fact),
    ];
    for (const q of all) {
      for (const m of q.matchAll(/:([A-Za-z_]+)/g)) expect([...NODE_LABELS, ...RELATIONSHIP_TYPES]).toContain(m[1]);
      expect(q).not.toMatch(/'[^']*'|"[^"]*"/);
    }
    expect(() => QUERIES.entity('Person) DETACH DELETE (x')).toThrow();
  });
  it('has a constraint in graph/schema.cypher for every label and fact type it writes', () => {
    const schema = schemaStatements().join('\n');
    for (const l of NODE_LABELS) expect(schema).toMatch(new RegExp(`FOR \\(n:${l}\\) REQUIRE n\\.id IS UNIQUE`));
    for (const t of RELATIONSHIP_TYPES.filter((x) => x !== 'MENTIONED_IN'))
      expect(schema).toMatch(new RegExp(`FOR \\(\\)-\\[r:${t}\\]-\\(\\) REQUIRE r\\.key IS UNIQUE`));
  });
  it('plans nodes before links, and never splits an article or a source across batches', () => {
    const graph = syntheticGraph(60, 200, 12);
    const stages = planPush(graph, 25);
    expect(stages.map((s) => [...new Set(s.map((j) => j.kind))])).toEqual([['nodes'], ['relationships']]);
    const rows = (phase: string) => stages.flat().filter((j) => j.phase === phase);
    expect(rows('articles').reduce((n, j) => n + j.rows.length, 0)).toBe(12);
    expect(rows('entities').reduce((n, j) => n + j.rows.length, 0)).toBe(60);
    expect(rows('facts').reduce((n, j) => n + j.rows.length, 0)).toBe(200);
    for (const [phase, group, entity] of [
      ['mentions', 1, 0],
      ['facts', 0, 1],
    ] as const) {
      const seenIn = new Map<unknown, number>();
      rows(phase).forEach((job, i) => {
        for (const row of job.rows) {
          // Facts are planned per type: a source may recur in another type's batches.
          const key = `${job.query} ${String(row[group])}`;
          expect(seenIn.get(key) ?? i).toBe(i);
          seenIn.set(key, i);
        }
        // Within a batch, entities come in one global order (their ids'), so batches lock them alike.
        const ids = job.rows.map((r) => r[entity] as string);
        expect(ids).toEqual([...ids].sort(compareStrings));
      });
    }
    // Batches close at the first group boundary after the size: none but the last is short.
    const mentionJobs = rows('mentions');
    expect(mentionJobs.slice(0, -1).every((j) => j.rows.length >= 25)).toBe(true);
  });

  it('gives an article that only a mention names its own node', () => {
    const graph = sampleGraph();
    graph.updateNodeAttribute('Person:joe biden', 'mentions', (ms) => [
      ...ms!,
      { article: 'unlisted.txt', start: 0, end: 5, text: 'Biden' },
    ]);
    const articleIds = planPush(graph, 100)[0]!
      .filter((j) => j.phase === 'articles')
      .flatMap((j) => j.rows.map((r) => r[0]));
    expect(articleIds).toEqual(expect.arrayContaining(['a1.txt', 'a2.txt', 'unlisted.txt']));
  });
});

describe('console completion', () => {
  const words = {
    commands: [':help', ':schema', ':exit'],
    labels: ['Person', 'Place'],
    types: ['MET_WITH', 'SAID'],
    propertyKeys: ['name', 'aliases'],
    savedQueries: ['who-met-whom'],
    formats: ['csv', 'table'],
  };
  it.each([
    [':sc', [':schema'], ':sc'],
    ['MATCH (n:P', [':Person', ':Place'], ':P'],
    ['MATCH (n)-[:M', [':MET_WITH'], ':M'],
    ['RETURN n.al', ['.aliases'], '.al'],
    [':run who', ['who-met-whom'], 'who'],
    [':format c', ['csv'], 'c'],
  ])('completes %s', (line, hits, sub) => {
    expect(complete(line, words)).toEqual([hits, sub]);
  });
});
