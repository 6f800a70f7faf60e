/**
 * `newsgraph view` end to end: the built CLI serves the explorer on localhost, a real
 * headless Chromium draws it, and bad input is a clear CLI error, never a blank page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from './browser.js';
import {
  CLI,
  colouredPixels,
  ensureViewerBuilt,
  loadSample,
  putinQuotes,
  tempDir,
  waitForExplorer,
  type Sample,
} from './helpers.js';

let chromium: Chromium;
let sample: Sample;
const children: ChildProcess[] = [];

/** Starts `newsgraph view` and resolves with the address it prints. */
function startView(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'view', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`view exited with ${code} before printing its address: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first.`);
  ensureViewerBuilt();
  sample = await loadSample();
  chromium = await launchChromium();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await chromium?.close();
});

describe('newsgraph view', () => {
  it('serves the explorer on localhost, prints its address, and the page draws the graph', async () => {
    const { child, url } = await startView([sample.path, '--port', '0']);
    const page = await chromium.newPage();
    await page.goto(url);
    await waitForExplorer(page);
    expect(await page.evaluate(() => document.body.classList.contains('ready'))).toBe(true);
    expect(await colouredPixels(page, '#sigma')).toBeGreaterThan(500);

    const { quotes } = putinQuotes(sample.graph);
    await page.locator('#search').fill('Putin');
    await page.locator('#search-results button').first().click();
    await expect.poll(() => page.locator('#panel h2').textContent()).toMatch(/Putin/);
    const panel = (await page.locator('#panel').textContent()) ?? '';
    expect(quotes.some((q) => panel.includes(q))).toBe(true);
    // The content security policy lets the page and its layout worker run and reports nothing.
    expect(page.errors, page.errors.join('\n')).toEqual([]);
    await page.close();

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('answers 404 for anything but the explorer files', async () => {
    const { child, url } = await startView([sample.path, '--port', '0']);
    expect((await fetch(`${url}graph-data.js`)).status).toBe(200);
    expect((await fetch(`${url}../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${url}nothing-here`)).status).toBe(404);
    child.kill('SIGTERM');
    await exited(child);
  });

  it.each([
    ['a missing graph file', () => join(tempDir(), 'nope.json'), /no such file/],
    [
      'a malformed graph file',
      () => {
        const path = join(tempDir(), 'bad.json');
        writeFileSync(path, '{"nodes": [');
        return path;
      },
      /not valid JSON/,
    ],
    [
      'a JSON file that is not a graph',
      () => {
        const path = join(tempDir(), 'other.json');
        writeFileSync(path, '{"hello": "world"}');
        return path;
      },
      /not a newsgraph graph/,
    ],
  ])('fails with a clear CLI error naming %s', (_what, make, message) => {
    const path = make();
    const r = spawnSync(process.execPath, [CLI, 'view', path, '--port', '0'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).not.toMatch(/http:\/\//);
  });

  it('rejects a port that is not a number', () => {
    const r = spawnSync(process.execPath, [CLI, 'view', sample.path, '--port', 'eighty'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/port/i);
  });
});
