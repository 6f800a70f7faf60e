/**
 * Following a fact back to its text, in a real headless Chromium: the sample articles built with the
 * CLI (which keeps articles.jsonl) and exported as the explorer folder, the single page, and served by
 * `view`'s server; an evidence opens its article with the sentence highlighted and the entities marked,
 * and an export made with --no-text says the text is not there.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticleTexts, readGraphFile } from '../../src/graph/index.js';
import { startViewerServer, TEXTS_GLOBAL } from '../../src/sinks/viewer/index.js';
import type { KnowledgeGraph } from '../../src/types.js';
import { launchChromium, type Chromium, type Page } from './browser.js';
import { CLI, ROOT, ensureViewerBuilt, tempDir, waitForExplorer } from './helpers.js';

let chromium: Chromium;
let dir: string;
let graph: KnowledgeGraph;
/** The first fact with evidence, and that evidence. */
let edge: string;

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`newsgraph ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stderr;
}

beforeAll(async () => {
  ensureViewerBuilt();
  dir = tempDir('newsgraph-reader-');
  cli('build', join(ROOT, 'examples/articles'), '--out', join(dir, 'out'), '--no-progress', '--no-cache');
  graph = await readGraphFile(join(dir, 'out/graph.json'));
  edge = graph.findEdge((_k, a) => a.type === 'SAID' && a.evidence.length > 0)!;
  cli('export', join(dir, 'out/graph.json'), '--format', 'html', '--out', join(dir, 'explorer'));
  cli('export', join(dir, 'out/graph.json'), '--out', join(dir, 'page.html'));
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
});

async function openEvidence(url: string): Promise<Page & { errors: string[] }> {
  const page = await chromium.newPage();
  await page.goto(`${url}#edge=${encodeURIComponent(edge)}`);
  await waitForExplorer(page);
  await page.locator('#panel button.read').first().click();
  await page.locator('#reader:not([hidden]) .reader-text').waitFor();
  return page;
}

describe('the reader', () => {
  it('keeps every article text beside graph.json, the text every offset of the graph points into', async () => {
    const texts = (await readArticleTexts(join(dir, 'out/articles.jsonl')))!;
    expect(texts.size).toBe(Object.keys(graph.getAttribute('articles')).length);
    graph.forEachEdge((_k, a) => {
      for (const e of a.evidence) expect(texts.get(e.article)!.slice(e.start, e.end)).toBe(e.sentence);
    });
    graph.forEachNode((_k, a) => {
      for (const m of a.mentions) expect(texts.get(m.article)!.slice(m.start, m.end)).toBe(m.text);
    });
  });

  it.each([
    ['the explorer folder', () => `file://${join(dir, 'explorer/index.html')}`],
    ['the single page', () => `file://${join(dir, 'page.html')}`],
  ])('opens an evidence of %s on its article, the sentence highlighted and the entities marked', async (_n, url) => {
    const page = await openEvidence(url());
    const first = graph.getEdgeAttribute(edge, 'evidence')[0]!;
    const reader = page.locator('#reader');
    expect(await reader.locator('mark.evidence-sentence').textContent()).toBe(first.sentence);
    expect((await reader.locator('.reader-text').textContent())!.length).toBeGreaterThan(first.sentence.length * 2);
    expect(await reader.locator('button.mention').count()).toBeGreaterThan(3);
    // A marked entity opens its panel.
    const mention = reader.locator('button.mention').first();
    const key = (await mention.getAttribute('data-node'))!;
    await mention.click();
    expect(await reader.isHidden()).toBe(true);
    expect(decodeURIComponent(page.url())).toContain(`node=${key}`);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says the text is not there when the explorer was exported with --no-text', async () => {
    cli('export', join(dir, 'out/graph.json'), '--format', 'html', '--out', join(dir, 'no-text'), '--no-text');
    const page = await openEvidence(`file://${join(dir, 'no-text/index.html')}`);
    expect(await page.locator('#reader').textContent()).toContain('does not include the article');
    expect(await page.locator('#reader mark.evidence-sentence').textContent()).toBe(
      graph.getEdgeAttribute(edge, 'evidence')[0]!.sentence,
    );
    await page.keyboard.press('Escape');
    expect(await page.locator('#reader').isHidden()).toBe(true);
    await page.close();
  });

  it("is served by view's server with the texts it is given", async () => {
    const texts = await readArticleTexts(join(dir, 'out/articles.jsonl'));
    const server = await startViewerServer(graph, { texts: texts! });
    try {
      const page = await openEvidence(server.url);
      expect(await page.locator('#reader button.mention').count()).toBeGreaterThan(3);
      await page.close();
      const script = await (await fetch(new URL('article-text.js', server.url))).text();
      expect(script.startsWith(`window.${TEXTS_GLOBAL} = JSON.parse(`)).toBe(true);
    } finally {
      await server.close();
    }
    expect(readFileSync(join(dir, 'explorer/article-text.js'), 'utf8')).not.toContain('<');
  });
});
