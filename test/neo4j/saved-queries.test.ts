/** The saved queries of graph/queries/ run on a small pushed graph and answer what they promise. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { UsageError } from '../../src/errors.js';
import {
  formatResult,
  loadSavedQueries,
  openDriver,
  pushToNeo4j,
  runStatement,
  savedQueryParams,
  toPlain,
} from '../../src/sinks/neo4j/index.js';
import type { Driver } from 'neo4j-driver';
import { clearDatabase, closeTestDriver, neo4jSettings } from './helpers.js';
import { sampleGraph } from './graphs.js';

let driver: Driver;
const saved = loadSavedQueries();

async function run(name: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const q = saved.find((s) => s.name === name);
  if (!q) throw new Error(`no saved query ${name}`);
  const s = neo4jSettings();
  const r = await runStatement(driver, q.statements[0]!.text, savedQueryParams(q, params), {
    address: s.uri,
    database: s.database,
    readOnly: true,
  }).result;
  expect(formatResult(r, 'table')).toBeTypeOf('string');
  return r.rows.map((row) => Object.fromEntries(r.keys.map((k, i) => [k, toPlain(row[i])])));
}

beforeAll(async () => {
  await clearDatabase();
  await pushToNeo4j(sampleGraph(true), neo4jSettings());
  driver = await openDriver(neo4jSettings());
  await driver.executeQuery('CALL db.awaitIndexes(60)');
});
afterAll(async () => {
  await driver?.close();
  await closeTestDriver();
});

describe('saved queries', () => {
  it('ships the five promised queries and the actor finder, each described, with declared parameters', () => {
    expect(saved.map((q) => q.name)).toEqual(
      expect.arrayContaining([
        'who-met-whom',
        'what-someone-said',
        'proposals-and-rejections',
        'path-between',
        'most-connected',
        'find-actor',
      ]),
    );
    for (const q of saved) {
      expect(q.description.length).toBeGreaterThan(20);
      expect(q.statements.length).toBe(1);
      for (const p of q.params) expect(q.statements[0]!.text).toContain(`$${p.name}`);
    }
  });

  it('who-met-whom: finds who Zelensky met, when, and at which event and place', async () => {
    const rows = await run('who-met-whom', { name: 'zelensky' });
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          person: 'Volodymyr Zelensky',
          met: 'Joe Biden',
          status: 'occurred',
          date: '2023-02-20',
          event: 'Kyiv visit',
          place: 'Kyiv',
        }),
        expect.objectContaining({ person: 'Volodymyr Zelensky', met: 'Emmanuel Macron' }),
      ]),
    );
  });

  it('what-someone-said: returns the quotations of a person matched by an alias', async () => {
    const rows = await run('what-someone-said', { name: 'Zelenskyy' });
    expect(rows).toEqual([
      expect.objectContaining({
        speaker: 'Volodymyr Zelensky',
        to_or_about: 'United Nations',
        quotes: ['Peace is possible'],
      }),
    ]);
  });

  it('proposals-and-rejections: names the proposal and who rejected it', async () => {
    const rows = await run('proposals-and-rejections', { topic: 'peace' });
    expect(rows).toEqual([
      expect.objectContaining({
        proposer: 'Volodymyr Zelensky',
        proposed: ['a ten-point peace formula'],
        rejected_by: ['Russia'],
      }),
    ]);
  });

  it('path-between: finds the chain of facts between Macron and Biden', async () => {
    const rows = await run('path-between', { from: 'Macron', to: 'Biden' });
    expect(rows[0]).toMatchObject({
      actors: ['Emmanuel Macron', 'Volodymyr Zelensky', 'Joe Biden'],
      facts: ['MET_WITH', 'MET_WITH'],
      steps: 2,
    });
  });

  it('most-connected: puts Zelensky first', async () => {
    const rows = await run('most-connected', {});
    expect(rows[0]).toMatchObject({ kind: 'Person', actor: 'Volodymyr Zelensky' });
    expect(rows[0]!.partners).toBeGreaterThanOrEqual(4);
  });

  it('find-actor: finds an actor by an alias through the full-text index', async () => {
    const rows = await run('find-actor', { text: 'UN' });
    expect(rows[0]).toMatchObject({ kind: 'Organization', name: 'United Nations' });
  });

  it('refuses to run a saved query whose required parameter is missing', () => {
    const q = saved.find((s) => s.name === 'what-someone-said')!;
    expect(() => savedQueryParams(q, {})).toThrow(UsageError);
    expect(
      savedQueryParams(
        saved.find((s) => s.name === 'most-connected')!,
        {},
      ).limit,
    ).toEqual(neo4j.int(25));
  });
});
