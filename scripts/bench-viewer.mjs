#!/usr/bin/env node
// npm run bench:viewer — how fast the explorer is, in Debian's headless Chromium.
// For graphs of 1k, 10k and 50k nodes (5 edges a node, seeded, clustered like news graphs):
//   - layout: time to precompute positions in Node (applyLayout, the same call `view` and `export` make);
//   - first render: from navigation start until the first frame is drawn, GPU work included (opening the
//     exported folder from file://), with where the time went (data script, graph import, sigma's first draw);
//   - pan: the cost of each frame while dragging the graph with the mouse: sigma's render plus the GPU
//     finishing it (a 1-pixel readPixels forces that), median and p95, and the frames/s that allows.
//     Headless Chromium draws WebGL in software (SwiftShader), so these are upper bounds for a real GPU.
// Target: 10k nodes / 50k edges renders in <= 2 s and pans at >= 30 frames/s.
// Usage: node scripts/bench-viewer.mjs [--sizes 1000,10000,50000] [--json]   (needs `npm run build`)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1000,10000,50000')
  .split(',')
  .map(Number);
const asJson = args.includes('--json');
const EDGES_PER_NODE = 5;

let lib;
try {
  lib = {
    ...(await import(join(root, 'dist/graph/layout.js'))),
    ...(await import(join(root, 'dist/graph/build.js'))),
    ...(await import(join(root, 'dist/sinks/viewer/index.js'))),
    ...(await import(join(root, 'dist/relation-types.js'))),
  };
} catch (err) {
  console.error(`bench-viewer: cannot load dist/ (${err.message}). Run 'npm run build' first.`);
  process.exit(1);
}
const { chromium } = await import('playwright-core');
const { spawnSync } = await import('node:child_process');
if (spawnSync(process.execPath, [join(root, 'scripts/chromium.mjs'), 'ensure'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);

const LABELS = ['Person', 'Person', 'Person', 'Country', 'Organization', 'Event', 'Place'];
const TYPES = lib.RELATION_TYPES;

/** A graph of `n` nodes in clusters of ~40, with 5n edges: mostly inside a cluster, some across. */
function generate(n, rng) {
  const g = lib.createGraph();
  g.setAttribute('name', `bench ${n}`);
  g.setAttribute('articles', { a1: { id: 'a1', path: 'a1.txt', title: 'Bench article', date: '2025-08-15' } });
  for (let i = 0; i < n; i++) {
    const label = LABELS[Math.floor(rng() * LABELS.length)];
    const name = `${label} ${i}`;
    g.addNode(`n${i}`, {
      label,
      name,
      aliases: [name, `N${i}`],
      mentions: [{ article: 'a1', start: 0, end: name.length, text: name }],
      articles: ['a1'],
      ...(label === 'Event' ? { date: `2025-0${1 + (i % 9)}-1${i % 10}` } : {}),
    });
  }
  const cluster = 40;
  let added = 0;
  while (added < n * EDGES_PER_NODE) {
    const s = Math.floor(rng() * n);
    const t =
      rng() < 0.8
        ? Math.min(n - 1, Math.floor(s / cluster) * cluster + Math.floor(rng() * cluster))
        : Math.floor(rng() * n);
    if (s === t) continue;
    const type = TYPES[Math.floor(rng() * TYPES.length)];
    const key = `${type}:n${s}->n${t}`;
    if (g.hasEdge(key)) continue;
    g.addDirectedEdgeWithKey(key, `n${s}`, `n${t}`, {
      type,
      evidence: [{ article: 'a1', sentence: `n${s} and n${t}.`, start: 0, end: 10 }],
      ...(type === 'SAID' ? { quote: 'a quote', quotes: ['a quote'] } : {}),
      date: `2025-0${1 + (s % 9)}-15`,
    });
    added++;
  }
  return g;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const profile = mkdtempSync(join(tmpdir(), 'newsgraph-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ],
});

const rows = [];
try {
  for (const n of sizes) {
    const graph = generate(n, lib.seededRandom(n));
    let t = performance.now();
    lib.applyLayout(graph, { seed: 1 });
    const layoutMs = performance.now() - t;

    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
    t = performance.now();
    await lib.writeViewerBundle(graph, dir);
    const writeMs = performance.now() - t;
    const dataMB = statSync(join(dir, 'graph-data.js')).size / 1e6;

    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${join(dir, 'index.html')}`, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('newsgraph:first-frame').length > 0, null, {
      timeout: 600_000,
      polling: 50,
    });
    const startup = await page.evaluate(() => {
      // Wait for the GPU to finish the first frame too.
      for (const c of document.querySelectorAll('#sigma canvas')) {
        const gl = c.getContext('webgl2') ?? c.getContext('webgl');
        if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      }
      const at = (name) => Math.round(performance.getEntriesByName(name)[0].startTime);
      return {
        data: at('newsgraph:start'),
        imported: at('newsgraph:imported'),
        drawn: at('newsgraph:drawn'),
        gpu: Math.round(performance.now()),
      };
    });
    const firstRenderMs = startup.gpu;
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    // Pan: drag the stage with the mouse, as a person would, recording every animation frame.
    const box = await page.locator('#sigma').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.evaluate(() => {
      // Time each frame: sigma's render, then the GPU finishing it.
      const s = window.newsgraph.sigma;
      window.__renders = [];
      window.__refreshes = 0;
      const gls = [...document.querySelectorAll('#sigma canvas')]
        .map((c) => c.getContext('webgl2') ?? c.getContext('webgl'))
        .filter(Boolean);
      let start = 0;
      s.on('beforeRender', () => (start = performance.now()));
      s.on('afterRender', () => {
        const js = performance.now() - start;
        for (const gl of gls) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        window.__renders.push([js, performance.now() - start]);
      });
      const refresh = s.refresh.bind(s);
      s.refresh = (...a) => (window.__refreshes++, refresh(...a));
    });
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const steps = 60;
    const started = performance.now();
    for (let i = 1; i <= steps; i++) {
      const a = (i / steps) * Math.PI * 2;
      await page.mouse.move(cx + Math.sin(a) * 200, cy + (1 - Math.cos(a)) * 120);
      // Pace the moves at about 60 per second so each can give a frame.
      const due = started + i * 16;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await page.mouse.up();
    const { renders, refreshes } = await page.evaluate(() => ({
      renders: window.__renders,
      refreshes: window.__refreshes,
    }));
    if (process.env.BENCH_DEBUG)
      console.error(n, 'refreshes', refreshes, 'renders', renders.map((x) => x.map(Math.round).join('/')).join(' '));
    const cpu = renders.map((r) => r[0]);
    const gpu = renders.map((r) => r[1]);
    await page.close();
    rmSync(dir, { recursive: true, force: true });

    const row = {
      nodes: graph.order,
      edges: graph.size,
      layoutMs: Math.round(layoutMs),
      writeMs: Math.round(writeMs),
      dataMB: Math.round(dataMB * 10) / 10,
      firstRenderMs: Math.round(firstRenderMs),
      startup,
      cpuFrameMedianMs: Math.round(median(cpu) * 10) / 10,
      cpuFrameP95Ms: Math.round(pct(cpu, 0.95) * 10) / 10,
      cpuFps: Math.round(1000 / Math.max(median(cpu), 1000 / 60)),
      frameMedianMs: Math.round(median(gpu) * 10) / 10,
      frameP95Ms: Math.round(pct(gpu, 0.95) * 10) / 10,
      fps: Math.round((1000 / Math.max(median(gpu), 1000 / 60)) * 10) / 10,
      frames: renders.length,
      refreshes,
    };
    rows.push(row);
    if (!asJson) {
      if (rows.length === 1) {
        console.log(
          '| nodes | edges | layout in Node (ms) | write folder (ms) | data (MB) | first render (ms): data · import · sigma drawn · GPU done | pan frame, sigma only: median / p95 (ms) → frames/s | pan frame with SwiftShader GPU: median / p95 (ms) → frames/s |',
        );
        console.log('|---:|---:|---:|---:|---:|---|---|---|');
      }
      const st = row.startup;
      console.log(
        `| ${row.nodes} | ${row.edges} | ${row.layoutMs} | ${row.writeMs} | ${row.dataMB} | **${row.firstRenderMs}**: ${st.data} · ${st.imported} · ${st.drawn} · ${st.gpu} | ${row.cpuFrameMedianMs} / ${row.cpuFrameP95Ms} → ${row.cpuFps} | ${row.frameMedianMs} / ${row.frameP95Ms} → ${row.fps} |`,
      );
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const { loadavg, cpus } = await import('node:os');
  console.log(
    `\nTarget: 10k nodes / 50k edges renders in <= 2000 ms and pans at >= 30 frames/s (frame <= 33 ms).` +
      ` Headless Chromium, software WebGL (SwiftShader), 1280x800; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}.` +
      ` Times from navigation start; frames/s is capped at 60.`,
  );
}
