/**
 * The explorer on a graph the White House corpus's size (7,700 entities, most of them without a
 * relationship; one actor in a thousand articles and hundreds of facts), in a real headless
 * Chromium: the first screen draws no entity without relationships, one click shows them, and the
 * panel of the most connected actor lists its relationships before its articles and stays short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraph } from '../../src/graph/build.js';
import { seededRandom } from '../../src/graph/layout.js';
import type { KnowledgeGraph, RelationType } from '../../src/types.js';
import { launchChromium, type Chromium, type Page } from './browser.js';
import { bundleUrl, ensureViewerBuilt, waitForExplorer } from './helpers.js';

const ENTITIES = 7_700;
const CONNECTED = 1_600;
const HUB = 'Person:hub';

/** A graph shaped like the White House one; the hub is in 982 articles and 300 facts with long evidence. */
function corpusSizedGraph(): KnowledgeGraph {
  const rand = seededRandom(7);
  const g = createGraph();
  const articles = g.getAttribute('articles');
  for (let i = 0; i < 1_371; i++)
    articles[`doc-${i}.txt`] = {
      id: `doc-${i}.txt`,
      path: `doc-${i}.txt`,
      title: `Statement ${i}`,
      date: '2024-01-01',
    };
  const ids = Object.keys(articles);
  const addEntity = (key: string, name: string, articleCount: number) =>
    g.addNode(key, {
      label: 'Person',
      name,
      aliases: [name],
      articles: ids.slice(0, articleCount),
      mentions: ids.slice(0, articleCount).map((article) => ({ article, start: 0, end: name.length, text: name })),
    });
  addEntity(HUB, 'Hub Person', 982);
  for (let i = 0; i < ENTITIES - 1; i++) addEntity(`Person:p${i}`, `Person ${i}`, 1 + Math.floor(rand() * 3));
  const bullets = Array.from({ length: 60 }, (_, i) => `• Item ${i} of a bulleted fact sheet about the economy.`).join(
    ' ',
  );
  const types: RelationType[] = ['MET_WITH', 'SAID', 'PROPOSED', 'REJECTED'];
  const fact = (source: string, target: string, type: RelationType, evidenceCount: number) => {
    const key = `${type}:${source}->${target}`;
    if (source === target || g.hasEdge(key)) return;
    g.addDirectedEdgeWithKey(key, source, target, {
      type,
      evidence: Array.from({ length: evidenceCount }, (_, i) => ({
        article: ids[i % ids.length]!,
        sentence: (i + evidenceCount) % 2 === 0 ? bullets : `Sentence ${i} about ${source} and ${target}.`,
        start: i * 100,
        end: i * 100 + 50,
      })),
      ...(type === 'SAID' ? { quotes: Array.from({ length: evidenceCount }, (_, i) => `Quote ${i}`) } : {}),
      // Three years of dated facts, and two stray dates one misread year gives.
      date:
        g.size === 0
          ? '1936-05-01'
          : g.size === 1
            ? '2030'
            : `${2022 + (Math.floor(g.size / 12) % 3)}-${String((g.size % 12) + 1).padStart(2, '0')}`,
    });
  };
  for (let i = 0; i < 300; i++) fact(HUB, `Person:p${i}`, types[i % 4]!, 1 + (i % 40));
  for (let made = 0; made < 2_300;) {
    const s = Math.floor(rand() * CONNECTED);
    const t = Math.floor(rand() * CONNECTED);
    const before = g.size;
    fact(`Person:p${s}`, `Person:p${t}`, types[made % 4]!, 1);
    if (g.size > before) made++;
  }
  return g;
}

let chromium: Chromium;
let graph: KnowledgeGraph;
let url: string;

beforeAll(async () => {
  ensureViewerBuilt();
  graph = corpusSizedGraph();
  url = (await bundleUrl(graph)).url;
  chromium = await launchChromium();
}, 300_000);

afterAll(async () => {
  await chromium?.close();
});

async function open(hash = ''): Promise<Page & { errors: string[] }> {
  const page = await chromium.newPage();
  await page.goto(url + hash);
  await waitForExplorer(page);
  return page;
}

/** Nodes sigma draws (not hidden), and how many of them have no relationship. */
function drawn(page: Page): Promise<{ nodes: number; isolated: number }> {
  return page.evaluate(() => {
    const s = window.newsgraph!.sigma;
    const g = s.getGraph();
    let nodes = 0;
    let isolated = 0;
    g.forEachNode((key) => {
      if (s.getNodeDisplayData(key)?.hidden) return;
      nodes++;
      if (g.degree(key) === 0) isolated++;
    });
    return { nodes, isolated };
  });
}

describe('the explorer on a corpus-sized graph', () => {
  it("narrows the view to a node's neighbourhood, one step or two, and to a path between two actors", async () => {
    const within = (depth: number) => {
      let frontier = new Set([HUB]);
      const seen = new Set(frontier);
      for (let d = 0; d < depth; d++) {
        const next = new Set<string>();
        for (const n of frontier)
          for (const m of graph.neighbors(n))
            if (!seen.has(m)) {
              seen.add(m);
              next.add(m);
            }
        frontier = next;
      }
      return seen.size;
    };
    const page = await open(`#node=${encodeURIComponent(HUB)}`);
    await page.locator('#panel button[data-focus="1"]').click();
    expect((await drawn(page)).nodes).toBe(within(1));
    await page.locator('#panel button[data-focus="2"]').click();
    expect((await drawn(page)).nodes).toBe(within(2));
    expect(within(2)).toBeGreaterThan(within(1));
    expect(page.url()).toContain('depth=2');
    // A path: from one neighbour of the hub to another, through the hub.
    await page.evaluate(() => window.newsgraph!.selectNode('Person:p0'));
    await page.locator('#panel button[data-focus="path"]').click();
    expect(await page.locator('#focus').textContent()).toContain('choose the other end');
    await page.evaluate(() => window.newsgraph!.selectNode('Person:p1'));
    const path = await page.locator('#focus').textContent();
    expect(path).toMatch(/^Path: Person 0 → .+ → Person 1 \(\d+ steps?\)/);
    const steps = Number(/\((\d+) step/.exec(path!)![1]);
    expect((await drawn(page)).nodes).toBe(steps + 1);
    await page.locator('#focus-clear').click();
    expect(await page.locator('#focus').isHidden()).toBe(true);
    expect((await drawn(page)).isolated).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('spans the usual dates on the time slider, the full range on one click, and plays the range forward', async () => {
    const page = await open();
    expect(await page.locator('#date-from-value').textContent()).toBe('2022-01');
    expect(await page.locator('#date-to-value').textContent()).toBe('2024-12');
    expect(await page.locator('#date-histogram .bar').count()).toBe(36);
    await page.locator('#date-full').click();
    expect(await page.locator('#date-from-value').textContent()).toBe('1936-05-01');
    expect(await page.locator('#date-to-value').textContent()).toBe('2030');
    await page.locator('#date-full').click();
    await page.locator('#date-play').click();
    await page.waitForFunction(() => document.getElementById('date-play')!.textContent === 'Play', null, {
      timeout: 30_000,
    });
    expect(await page.locator('#date-to-value').textContent()).toBe('2024-12');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('opens on the connected part, without entities that have no relationship, and shows them on one click', async () => {
    let isolated = 0;
    graph.forEachNode((key) => (isolated += graph.degree(key) === 0 ? 1 : 0));
    expect(isolated).toBeGreaterThan(5_000);
    const page = await open();
    const first = await drawn(page);
    expect(first.isolated).toBe(0);
    expect(first.nodes).toBe(graph.order - isolated);
    expect(await page.locator('#isolated-count').textContent()).toBe(String(isolated));
    await page.locator('#show-isolated').check();
    expect(await drawn(page)).toEqual({ nodes: graph.order, isolated });
    expect(page.url()).toContain('isolated=show');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("lists the most connected actor's relationships before its articles, in a panel under 20,000 px", async () => {
    const page = await open(`#node=${encodeURIComponent(HUB)}`);
    const panel = page.locator('#panel');
    await panel.locator('.relations').waitFor();
    const order = await panel.evaluate((root) =>
      [...root.querySelectorAll('section.relations, details.articles')].map((e) => e.className),
    );
    expect(order).toEqual(['relations', 'articles']);
    expect(await panel.locator('details.articles summary').textContent()).toContain('982');
    const height = await panel.evaluate((root) => root.scrollHeight);
    expect(height).toBeLessThan(20_000);
    // Opening the articles shows a page of them, and the next on request.
    // The list is filled on the details' toggle event, which the browser queues after the click.
    const articles = panel.locator('ul.article-list > li');
    await panel.locator('details.articles summary').click();
    await articles.nth(24).waitFor();
    expect(await articles.count()).toBe(25);
    await panel.locator('details.articles button.more').click();
    await articles.nth(49).waitFor();
    expect(await articles.count()).toBe(50);
    // A sentence of a bulleted page is cut, and whole on request.
    const cut = await panel.locator('blockquote.sentence', { hasText: '…' }).first().elementHandle();
    expect((await cut.textContent())!.length).toBeLessThan(400);
    await (await cut.$('button'))!.click();
    expect((await cut.textContent())!.length).toBeGreaterThan(2_000);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
