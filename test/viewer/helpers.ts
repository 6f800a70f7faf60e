/**
 * Shared set-up of the viewer tests: the built explorer, the sample graph (the real one
 * built from examples/articles once extraction finds people there, else the fixture),
 * temporary bundles, and in-page checks.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGraphFile, writeGraphFile } from '../../src/graph/serialize.js';
import { writeViewerBundle } from '../../src/sinks/viewer/index.js';
import type { KnowledgeGraph } from '../../src/types.js';
import { buildSampleGraph } from '../fixtures/viewer/sample-graph.js';
import type { Page } from './browser.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/index.js');
export const ARTIFACTS = join(ROOT, 'test-artifacts/viewer');

export function tempDir(prefix = 'newsgraph-viewer-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Bundles the browser app into dist/viewer (fast), so the tests never run a stale page. */
export function ensureViewerBuilt(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-viewer.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-viewer failed:\n${r.stdout}\n${r.stderr}`);
}

export interface Sample {
  graph: KnowledgeGraph;
  /** Where it came from: the real pipeline over examples/articles, or the hand-written fixture. */
  source: 'examples/articles' | 'fixture';
  /** A graph.json holding it. */
  path: string;
}

/** Whether a graph has Putin with at least one quotation: what the tests look for. */
function hasPutinQuotes(graph: KnowledgeGraph): boolean {
  const putin = graph.findNode((_k, a) => a.label === 'Person' && /putin/i.test(a.name));
  return (
    !!putin && graph.someOutEdge(putin, (_e, a) => a.type === 'SAID' && (a.quotes?.length ?? (a.quote ? 1 : 0)) > 0)
  );
}

/** The sample graph: `newsgraph build examples/articles` when it yields Putin's quotes, else the fixture. */
export async function loadSample(): Promise<Sample> {
  const dir = tempDir('newsgraph-sample-');
  if (existsSync(CLI)) {
    const r = spawnSync(process.execPath, [CLI, 'build', join(ROOT, 'examples/articles'), '--out', dir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const built = join(dir, 'graph.json');
    if (existsSync(built) && (r.status === 0 || r.status === 1)) {
      const graph = await readGraphFile(built);
      if (hasPutinQuotes(graph)) return { graph, source: 'examples/articles', path: built };
    }
  }
  const graph = buildSampleGraph();
  const path = join(dir, 'fixture-graph.json');
  await writeGraphFile(path, graph);
  return { graph, source: 'fixture', path };
}

/** Writes the explorer for `graph` to a new temporary folder and returns its index.html as a file:// URL. */
export async function bundleUrl(graph: KnowledgeGraph): Promise<{ dir: string; url: string }> {
  const dir = tempDir();
  await writeViewerBundle(graph, dir);
  return { dir, url: `file://${join(dir, 'index.html')}` };
}

/** Waits until the page has either started the explorer or shown its error page. */
export async function waitForExplorer(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.classList.contains('ready') || document.body.classList.contains('failed'),
  );
  // Two frames: sigma renders on the next animation frame after start.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Counts strongly coloured pixels in a screenshot of `selector`: nodes and edges (WebGL)
 * are coloured, the background is white and the labels are grey, so a blank or failed
 * WebGL canvas counts (close to) zero.
 */
export async function colouredPixels(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]!,
        g = data[i + 1]!,
        b = data[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
    }
    return n;
  }, png.toString('base64'));
}

/** Putin's node key and his quotes in `graph`. */
export function putinQuotes(graph: KnowledgeGraph): { key: string; quotes: string[] } {
  const key = graph.findNode((_k, a) => a.label === 'Person' && /putin/i.test(a.name));
  if (!key) throw new Error('the sample graph has no Putin');
  const quotes: string[] = [];
  graph.forEachOutEdge(key, (_e, a) => {
    if (a.type === 'SAID') quotes.push(...(a.quotes ?? (a.quote ? [a.quote] : [])));
  });
  return { key, quotes };
}
