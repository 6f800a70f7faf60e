/**
 * Pushes add to what the database holds and never lose it: articles pushed in two batches end with
 * the links and evidence one push of all of them gives; the same push twice changes nothing; what a
 * new build of some articles no longer finds goes only with `prune`, and only from those articles.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mentionRows } from '../../src/graph/index.js';
import { buildGraph } from '../../src/pipeline/index.js';
import { pushToNeo4j } from '../../src/sinks/neo4j/index.js';
import { canonicalEvidence } from '../../src/sinks/neo4j/merge.js';
import type { Evidence, KnowledgeGraph } from '../../src/types.js';
import { compareStrings } from '../../src/util/text.js';
import { REPO_ROOT, clearDatabase, closeTestDriver, cypher, neo4jSettings } from './helpers.js';
import { sampleGraph } from './graphs.js';

const settings = () => ({ ...neo4jSettings() });

/** What the database holds per entity and per fact, keyed by id and key. */
interface Holdings {
  links: Map<string, unknown[]>;
  entities: Map<string, unknown>;
  facts: Map<string, unknown>;
}

const numbers = (list: unknown) => (list as Parameters<typeof neo4j.integer.toNumber>[0][]).map(neo4j.integer.toNumber);

async function holdings(): Promise<Holdings> {
  const links = new Map<string, unknown[]>();
  for (const r of await cypher(
    'MATCH (e:Entity)-[m:MENTIONED_IN]->(a:Article) RETURN e.id AS id, a.id AS article, m.count AS count, m.texts AS texts ORDER BY id, article',
  )) {
    const list = links.get(r.id as string) ?? [];
    list.push([r.article, r.count, r.texts]);
    links.set(r.id as string, list);
  }
  const entities = new Map(
    (await cypher('MATCH (e:Entity) RETURN e.id AS id, e.articles AS articles, e.mentionCount AS mentionCount')).map(
      (r) => [r.id as string, { articles: r.articles, mentionCount: r.mentionCount }],
    ),
  );
  const facts = new Map(
    (
      await cypher(
        'MATCH (:Entity)-[r]->(:Entity) RETURN r.key AS key, r.articles AS articles, r.sentences AS sentences, r.starts AS starts, r.ends AS ends, r.evidenceCount AS evidenceCount, r.quotes AS quotes, r.whats AS whats',
      )
    ).map((r) => [r.key as string, { ...r, key: undefined, starts: numbers(r.starts), ends: numbers(r.ends) }]),
  );
  return { links, entities, facts };
}

let dir: string;
let a: KnowledgeGraph;
let b: KnowledgeGraph;
let all: KnowledgeGraph;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-push-merge-'));
  const samples = join(REPO_ROOT, 'examples/articles');
  const files = (await readdir(samples)).sort();
  const folder = async (name: string, names: string[]) => {
    // The same folder name in each, so an article has one id in every build.
    const path = join(dir, name, 'articles');
    await mkdir(path, { recursive: true });
    for (const f of names) await copyFile(join(samples, f), join(path, f));
    return (await buildGraph([path], { workers: 0 })).graph;
  };
  a = await folder('a', files.slice(0, 3));
  b = await folder('b', files.slice(3));
  all = await folder('all', files);
  await clearDatabase();
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeTestDriver();
});

beforeEach(async () => {
  await clearDatabase({ dropSchema: false });
});

/** Per entity, its links as `holdings` reads them, from the graphs pushed in this order (a later graph's rows win). */
function expectedLinks(...graphs: KnowledgeGraph[]): Map<string, unknown[]> {
  const perEntity = new Map<string, Map<string, unknown[]>>();
  for (const g of graphs)
    g.forEachNode((id, attrs) => {
      const rows = perEntity.get(id) ?? new Map<string, unknown[]>();
      for (const m of mentionRows(attrs)) rows.set(m.article, [m.article, m.count, m.texts]);
      perEntity.set(id, rows);
    });
  return new Map(
    [...perEntity].map(([id, rows]) => [id, [...rows.keys()].sort(compareStrings).map((k) => rows.get(k)!)]),
  );
}

/** Per fact, its evidence from the graphs pushed, in the order every push writes it. */
function expectedEvidence(...graphs: KnowledgeGraph[]): Map<string, unknown> {
  const perFact = new Map<string, Evidence[]>();
  for (const g of graphs)
    g.forEachEdge((key, attrs) => perFact.set(key, [...(perFact.get(key) ?? []), ...attrs.evidence]));
  return new Map(
    [...perFact].map(([key, evidence]) => {
      const e = canonicalEvidence(evidence);
      return [key, { articles: e.map((x) => x.article), starts: e.map((x) => x.start), count: e.length }];
    }),
  );
}

describe('pushing one batch of articles after another', () => {
  it("keeps every link and every evidence of the first batch and adds the second's", async () => {
    expect(Object.keys(a.getAttribute('articles'))).toHaveLength(3);
    expect(Object.keys(b.getAttribute('articles'))).toHaveLength(2);
    await pushToNeo4j(a, settings());
    await pushToNeo4j(b, settings());
    const held = await holdings();
    const links = expectedLinks(a, b);
    // Entities of both batches: the ones whose links the second push used to erase.
    expect([...links.keys()].filter((id) => a.hasNode(id) && b.hasNode(id)).length).toBeGreaterThan(10);
    expect(held.links).toEqual(links);
    for (const [id, rows] of links) {
      const total = rows.reduce((n: number, r) => n + ((r as [string, number])[1] ?? 0), 0);
      expect(held.entities.get(id)).toEqual({ articles: rows.map((r) => (r as string[])[0]), mentionCount: total });
    }
    const evidence = expectedEvidence(a, b);
    expect([...evidence.keys()].filter((key) => a.hasEdge(key) && b.hasEdge(key)).length).toBeGreaterThan(0);
    expect(
      new Map(
        [...held.facts].map(([key, f]) => {
          const fact = f as { articles: string[]; starts: number[]; evidenceCount: number };
          return [key, { articles: fact.articles, starts: fact.starts, count: fact.evidenceCount }];
        }),
      ),
    ).toEqual(evidence);
  });

  it('gives the entities that one build of all the articles resolves alike what one push of all gives', async () => {
    await pushToNeo4j(all, settings());
    const once = await holdings();
    await clearDatabase({ dropSchema: false });
    await pushToNeo4j(a, settings());
    await pushToNeo4j(b, settings());
    const batches = await holdings();
    const byBatch = expectedLinks(a, b);
    const byAll = expectedLinks(all);
    const alike = [...byAll.keys()].filter(
      (id) => a.hasNode(id) && b.hasNode(id) && JSON.stringify(byBatch.get(id)) === JSON.stringify(byAll.get(id)),
    );
    expect(alike.length).toBeGreaterThan(10);
    for (const id of alike) {
      expect({ id, links: batches.links.get(id) }).toEqual({ id, links: once.links.get(id) });
      expect({ id, ...(batches.entities.get(id) as object) }).toEqual({ id, ...(once.entities.get(id) as object) });
    }
  });

  it('changes nothing when the same graph is pushed again, or an earlier batch after a later one', async () => {
    await pushToNeo4j(a, settings());
    await pushToNeo4j(b, settings());
    const first = await holdings();
    await pushToNeo4j(b, settings());
    await pushToNeo4j(a, settings());
    expect(await holdings()).toEqual(first);
  });
});

describe('prune', () => {
  /** The sample graph's article a2 built again: the UN is gone, and with it what Zelensky said to it. */
  function a2Again(): KnowledgeGraph {
    const g = sampleGraph();
    g.dropNode('Organization:united nations');
    for (const id of Object.keys(g.getAttribute('articles')))
      if (id !== 'a2.txt') delete g.getAttribute('articles')[id];
    g.forEachNode((key, attrs) => {
      const mentions = attrs.mentions.filter((m) => m.article === 'a2.txt');
      if (mentions.length === 0) g.dropNode(key);
      else g.mergeNodeAttributes(key, { mentions, articles: ['a2.txt'] });
    });
    g.forEachEdge((key, attrs) => {
      const evidence = attrs.evidence.filter((e) => e.article === 'a2.txt');
      if (evidence.length === 0) g.dropEdge(key);
      else g.setEdgeAttribute(key, 'evidence', evidence);
    });
    return g;
  }

  it('without prune, keeps what the new build of an article no longer finds', async () => {
    await pushToNeo4j(sampleGraph(), settings());
    const before = await holdings();
    const summary = await pushToNeo4j(a2Again(), settings());
    expect(summary.pruned).toBeUndefined();
    expect(await holdings()).toEqual(before);
  });

  it("removes the article's stale links, evidence, facts and lone entities, and nothing of other articles", async () => {
    await pushToNeo4j(sampleGraph(), settings());
    const before = await holdings();
    const said = [...before.facts.keys()].find((k) => k.startsWith('SAID:'))!;
    const summary = await pushToNeo4j(a2Again(), { ...settings(), prune: true });
    const after = await holdings();
    expect(summary.pruned).toMatchObject({ facts: 1, entities: 1 });
    expect(after.facts.has(said)).toBe(false);
    expect(after.entities.has('Organization:united nations')).toBe(false);
    // Article a1's links and facts are as they were.
    for (const [id, links] of before.links) {
      const a1 = (links as unknown[][]).filter((l) => l[0] === 'a1.txt');
      expect(((after.links.get(id) ?? []) as unknown[][]).filter((l) => l[0] === 'a1.txt')).toEqual(a1);
    }
    for (const [key, fact] of before.facts)
      if (!(fact as { articles: string[] }).articles.includes('a2.txt')) expect(after.facts.get(key)).toEqual(fact);
    expect(summary.pruned!.links).toBeGreaterThanOrEqual(1);
    // Pruning again finds nothing more.
    const again = await pushToNeo4j(a2Again(), { ...settings(), prune: true });
    expect(again.pruned).toEqual({ links: 0, facts: 0, evidence: 0, entities: 0 });
    expect(await holdings()).toEqual(after);
  });
});
