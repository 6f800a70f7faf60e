/**
 * The explorer as a person uses it, in a real headless Chromium, from the
 * self-contained folder (file://, no server): drawing, search, panel, filters, URL
 * state, keyboard, PNG export, the in-page layout, and text that stays text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium, type Page } from './browser.js';
import {
  ARTIFACTS,
  bundleUrl,
  colouredPixels,
  ensureViewerBuilt,
  loadSample,
  putinQuotes,
  waitForExplorer,
  type Sample,
} from './helpers.js';
import { buildSampleGraph, HOSTILE_QUOTE } from '../fixtures/viewer/sample-graph.js';

let chromium: Chromium;
let sample: Sample;
let url: string;

beforeAll(async () => {
  ensureViewerBuilt();
  sample = await loadSample();
  console.log(
    `viewer tests: sample graph from ${sample.source} (${sample.graph.order} nodes, ${sample.graph.size} edges)`,
  );
  url = (await bundleUrl(sample.graph)).url;
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
});

async function open(address = url): Promise<Page & { errors: string[] }> {
  const page = await chromium.newPage();
  await page.goto(address);
  await waitForExplorer(page);
  return page;
}

/** Display data sigma computed for a node (after the reducers). */
function nodeDisplay(page: Page, key: string) {
  return page.evaluate((k) => {
    const d = window.newsgraph!.sigma.getNodeDisplayData(k);
    return d ? { hidden: d.hidden, color: d.color, highlighted: d.highlighted } : null;
  }, key);
}

/** Whether sigma hides a node or an edge (after filters and reducers). */
function isHidden(page: Page, kind: 'node' | 'edge', key: string): Promise<boolean> {
  return page.evaluate(
    ([kind, k]) => {
      const s = window.newsgraph!.sigma;
      return (kind === 'node' ? s.getNodeDisplayData(k) : s.getEdgeDisplayData(k))!.hidden;
    },
    [kind, key] as const,
  );
}

async function searchAndPick(page: Page, query: string): Promise<void> {
  await page.locator('#search').fill(query);
  await page.locator('#search-results button').first().waitFor();
  await page.locator('#search').press('Enter');
}

describe('the explorer (file://)', () => {
  it('draws the graph beside the panel when a link opens with a node selected, and the panel takes clicks', async () => {
    const key = sample.graph.findNode((k) => sample.graph.degree(k) > 2)!;
    const page = await open(`${url}#node=${encodeURIComponent(key)}`);
    expect(await colouredPixels(page, '#sigma')).toBeGreaterThan(500);
    const button = page.locator('#panel button[data-focus="1"]');
    const box = (await button.boundingBox())!;
    const top = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('#panel') !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(top).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('draws the sample graph on the canvas and saves a screenshot', async () => {
    const page = await open();
    expect(await page.evaluate(() => document.body.classList.contains('ready'))).toBe(true);
    expect(await colouredPixels(page, '#sigma')).toBeGreaterThan(500);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sample-graph.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('lists every label in the legend with its count', async () => {
    const page = await open();
    const counts: Record<string, number> = {};
    sample.graph.forEachNode((_k, a) => (counts[a.label] = (counts[a.label] ?? 0) + 1));
    for (const [label, count] of Object.entries(counts)) {
      await expect.poll(() => page.locator(`#legend [data-label="${label}"] .count`).textContent()).toBe(String(count));
    }
    await page.close();
  });

  it('searching "Putin" selects him and the panel shows one of his quotes', async () => {
    const { key, quotes } = putinQuotes(sample.graph);
    const page = await open();
    await searchAndPick(page, 'Putin');
    await expect.poll(() => page.locator('#panel h2').textContent()).toMatch(/Putin/);
    expect(decodeURIComponent(page.url())).toContain(`node=${key}`);
    expect((await nodeDisplay(page, key))?.highlighted).toBe(true);
    const panelText = (await page.locator('#panel').textContent()) ?? '';
    expect(quotes.some((q) => panelText.includes(q))).toBe(true);
    expect(panelText).toMatch(/Articles \(\d+\)/);
    await page.waitForFunction(() => !window.newsgraph!.sigma.getCamera().isAnimated());
    await page.screenshot({ path: join(ARTIFACTS, 'sample-graph-putin.png') });
    await page.close();
  });

  it('completes on aliases as well as names', async () => {
    const alias = sample.graph.reduceNodes<string | null>(
      (found, _k, a) => found ?? a.aliases.find((s) => s !== a.name && !a.name.includes(s)) ?? null,
      null,
    );
    expect(alias).toBeTruthy();
    const page = await open();
    await page.locator('#search').fill(alias!);
    await expect.poll(() => page.locator('#search-results').textContent()).toContain(alias!);
    await page.close();
  });

  it('hovering a node mutes everything outside its neighbourhood', async () => {
    const { key } = putinQuotes(sample.graph);
    const page = await open();
    const far = sample.graph.findNode((k) => k !== key && !sample.graph.areNeighbors(k, key))!;
    const pos = await page.evaluate((k) => {
      const s = window.newsgraph!.sigma;
      const d = s.getNodeDisplayData(k)!;
      return s.framedGraphToViewport(d);
    }, key);
    const box = (await page.locator('#sigma').boundingBox())!;
    await page.mouse.move(box.x + pos.x, box.y + pos.y);
    await expect.poll(async () => (await nodeDisplay(page, far))?.color).toBe('#e2e2e2');
    await page.mouse.move(box.x + 2, box.y + 2);
    await expect.poll(async () => (await nodeDisplay(page, far))?.color).not.toBe('#e2e2e2');
    await page.close();
  });

  it('clicking a node on the canvas opens its panel', async () => {
    const { key } = putinQuotes(sample.graph);
    const page = await open();
    const pos = await page.evaluate((k) => {
      const s = window.newsgraph!.sigma;
      return s.framedGraphToViewport(s.getNodeDisplayData(k)!);
    }, key);
    const box = (await page.locator('#sigma').boundingBox())!;
    await page.mouse.click(box.x + pos.x, box.y + pos.y);
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe(sample.graph.getNodeAttribute(key, 'name'));
    await page.close();
  });

  it('clicking an edge on the canvas opens the panel for that edge', async () => {
    const page = await open();
    // Points along a straight edge, on the visible canvas and away from every node (and its label).
    const target = await page.evaluate(() => {
      const s = window.newsgraph!.sigma;
      const g = s.getGraph();
      // On the canvas, and not under the legend or another control drawn over it.
      const rect = s.getContainer().getBoundingClientRect();
      const onCanvas = (p: { x: number; y: number }): boolean =>
        s.getContainer().contains(document.elementFromPoint(rect.left + p.x, rect.top + p.y));
      const nodes = g.nodes().map((k) => s.framedGraphToViewport(s.getNodeDisplayData(k)!));
      for (const edge of g.edges()) {
        const d = s.getEdgeDisplayData(edge)!;
        if (d.type === 'curved' || d.hidden) continue;
        const [a, b] = g.extremities(edge).map((k) => s.framedGraphToViewport(s.getNodeDisplayData(k)!));
        if (Math.hypot(a!.x - b!.x, a!.y - b!.y) <= 120) continue;
        const points = [0.5, 0.4, 0.6, 0.3, 0.7]
          .map((t) => ({ x: a!.x + (b!.x - a!.x) * t, y: a!.y + (b!.y - a!.y) * t }))
          .filter((p) => onCanvas(p) && nodes.every((n) => Math.hypot(n.x - p.x, n.y - p.y) > 30));
        if (points.length > 0) return { edge, points };
      }
      return null;
    });
    expect(target).not.toBeNull();
    const box = (await page.locator('#sigma').boundingBox())!;
    for (const p of target!.points) {
      await page.mouse.click(box.x + p.x, box.y + p.y);
      if (page.url().includes('edge=')) break;
    }
    await expect.poll(() => page.url()).toContain('edge=');
    expect(await page.locator('#panel h2').textContent()).toContain('→');
    expect(await page.locator('#panel .sentence').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows a relationship with its evidence and source article when its edge is chosen', async () => {
    const { key } = putinQuotes(sample.graph);
    const edge = sample.graph.findOutEdge(key, (_e, a) => a.type === 'SAID')!;
    const evidence = sample.graph.getEdgeAttribute(edge, 'evidence')[0]!;
    const page = await open();
    await searchAndPick(page, 'Putin');
    await page.locator(`#panel button[data-edge="${edge}"]`).click();
    await expect.poll(() => page.locator('#panel .badge').first().textContent()).toBe('SAID');
    const text = (await page.locator('#panel').textContent()) ?? '';
    expect(text).toContain(evidence.sentence);
    const article = sample.graph.getAttribute('articles')[evidence.article]!;
    expect(text).toContain(article.title ?? article.id);
    expect(decodeURIComponent(page.url())).toContain(`edge=${edge}`);
    await page.close();
  });

  it('a label filter hides the events', async () => {
    const page = await open();
    const event = sample.graph.findNode((_k, a) => a.label === 'Event')!;
    expect((await nodeDisplay(page, event))?.hidden).toBe(false);
    await page.locator('#legend [data-label="Event"]').click();
    await expect.poll(async () => (await nodeDisplay(page, event))?.hidden).toBe(true);
    expect(await page.locator('#legend [data-label="Event"]').getAttribute('aria-pressed')).toBe('false');
    const person = sample.graph.findNode((_k, a) => a.label === 'Person')!;
    expect((await nodeDisplay(page, person))?.hidden).toBe(false);
    await page.close();
  });

  it('hides relationship types and low-degree nodes', async () => {
    const page = await open();
    const hidden = (kind: 'node' | 'edge', key: string) => isHidden(page, kind, key);
    const said = sample.graph.findEdge((_e, a) => a.type === 'SAID')!;
    await page.locator('#types [data-type="SAID"]').click();
    await expect.poll(() => hidden('edge', said)).toBe(true);

    const leaf = sample.graph.findNode((k) => sample.graph.degree(k) === 1)!;
    await page.locator('#min-degree').fill('2');
    await expect.poll(() => hidden('node', leaf)).toBe(true);
    await page.locator('#min-degree').fill('0');
    await expect.poll(() => hidden('node', leaf)).toBe(false);
    await page.close();
  });

  it('the time slider hides events and dated edges outside the date range', async () => {
    // The fixture, whatever the sample is: it has events on three different days.
    const graph = buildSampleGraph();
    const page = await open((await bundleUrl(graph)).url);
    const hidden = (kind: 'node' | 'edge', key: string) => isHidden(page, kind, key);
    const early = graph.findNode((_k, a) => a.label === 'Event' && a.date === '2025-08-15')!;
    const late = graph.findNode((_k, a) => a.label === 'Event' && a.date === '2025-08-18')!;
    const earlyEdge = graph.findEdge((_e, a) => a.date === '2025-08-15')!;
    const undated = graph.findNode((_k, a) => a.label === 'Person')!;
    await expect.poll(() => hidden('node', early)).toBe(false);
    const max = Number(await page.locator('#date-from').getAttribute('max'));
    expect(max).toBeGreaterThan(1);
    await page.locator('#date-from').fill(String(max));
    await expect.poll(() => hidden('node', early)).toBe(true);
    expect(await hidden('edge', earlyEdge)).toBe(true);
    expect(await hidden('node', late)).toBe(false);
    expect(await hidden('node', undated)).toBe(false);
    expect(decodeURIComponent(page.url())).toMatch(/from=2025-08-1[6-9]/);
    const link = page.url();
    await page.close();

    const again = await open(link);
    await expect.poll(() => isHidden(again, 'node', early)).toBe(true);
    expect(await again.locator('#date-from').inputValue()).toBe(String(max));
    await again.close();
  });

  it('restores selection, filters and camera from the URL', async () => {
    const { key } = putinQuotes(sample.graph);
    const page = await open();
    await searchAndPick(page, 'Putin');
    await page.locator('#legend [data-label="Event"]').click();
    await page.locator('#min-degree').fill('1');
    await page.evaluate(() => window.newsgraph!.sigma.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.7, angle: 0 }));
    await expect.poll(() => page.url()).toContain('camera=0.4%2C0.6%2C0.7%2C0');
    const link = page.url();
    await page.close();

    const again = await open(link);
    await expect.poll(() => again.locator('#panel h2').textContent()).toMatch(/Putin/);
    expect(await again.locator('#legend [data-label="Event"]').getAttribute('aria-pressed')).toBe('false');
    expect(await again.locator('#min-degree').inputValue()).toBe('1');
    const event = sample.graph.findNode((_k, a) => a.label === 'Event')!;
    expect((await nodeDisplay(again, event))?.hidden).toBe(true);
    expect((await nodeDisplay(again, key))?.highlighted).toBe(true);
    const cam = await again.evaluate(() => window.newsgraph!.sigma.getCamera().getState());
    expect(cam).toMatchObject({ x: 0.4, y: 0.6, ratio: 0.7 });
    await again.close();
  });

  it('is usable from the keyboard: search, Tab into the results, Enter, Escape clears the selection', async () => {
    const page = await open();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('Putin');
    await page.locator('#search-results button').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hit'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(false);
    expect(page.url()).not.toContain('node=');
    await page.close();
  });

  it('exports the current view as a PNG file', async () => {
    const page = await open();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2_000);
    await page.close();
  });

  it('continues the layout in a web worker from file://, and stops it', async () => {
    const page = await open();
    const before = await page.evaluate(() => window.newsgraph!.sigma.getGraph().mapNodes((_k, a) => [a.x, a.y]));
    await page.locator('#layout-toggle').click();
    expect(await page.locator('#layout-toggle').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => {
        const now = await page.evaluate(() => window.newsgraph!.sigma.getGraph().mapNodes((_k, a) => [a.x, a.y]));
        return JSON.stringify(now) !== JSON.stringify(before);
      })
      .toBe(true);
    await page.locator('#layout-toggle').click();
    expect(await page.locator('#layout-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('untrusted text', () => {
  it('renders a quote containing <script> as text, never as HTML', async () => {
    const graph = buildSampleGraph({ hostile: true });
    const page = await open((await bundleUrl(graph)).url);
    await searchAndPick(page, 'Putin');
    await expect.poll(() => page.locator('#panel').textContent()).toContain(HOSTILE_QUOTE);
    expect(await page.locator('#panel script, #panel img, #panel i, #panel b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await page.locator('#search').fill('thread');
    await expect.poll(() => page.locator('#search-results').textContent()).toContain('comment <i>thread</i>');
    expect(await page.locator('#search-results i').count()).toBe(0);
    await page.close();
  });
});

describe('bad and empty input', () => {
  it('shows "no nodes" for an empty graph instead of failing', async () => {
    const graph = buildSampleGraph();
    graph.clear();
    const page = await open((await bundleUrl(graph)).url);
    expect(await page.evaluate(() => document.body.classList.contains('ready'))).toBe(true);
    expect(await page.locator('#empty').textContent()).toMatch(/no nodes/i);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    // The drawing check the other tests rely on sees nothing here.
    expect(await colouredPixels(page, '#sigma')).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['missing', null],
    ['malformed', 'window.__NEWSGRAPH__ = {"version": 1, "graph": {"nodes": 3}};'],
    ['not JavaScript', '{ this is not a graph'],
  ])('shows an error page when the graph data is %s', async (_what, content) => {
    const { dir, url: address } = await bundleUrl(buildSampleGraph());
    const { rmSync, writeFileSync } = await import('node:fs');
    if (content === null) rmSync(join(dir, 'graph-data.js'));
    else writeFileSync(join(dir, 'graph-data.js'), content);
    const page = await open(address);
    expect(await page.locator('#error').isVisible()).toBe(true);
    expect(await page.locator('#error h1').textContent()).toMatch(/cannot show this graph/);
    expect(await page.locator('#error p').textContent()).toMatch(/graph-data\.js/);
    await page.close();
  });
});
