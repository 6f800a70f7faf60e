#!/usr/bin/env node
// Bundles the explorer (src/sinks/viewer/app/, browser-only code) into dist/viewer/:
// viewer.js (one classic script, so the page opens from file://), viewer.css and index.html.
// `platform: 'browser'` makes a Node import in the app fail the build. Run by `npm run build`.
// NEWSGRAPH_VIEWER_MINIFY=0 keeps the bundle readable, for profiling the page with its real names.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = join(root, 'src/sinks/viewer/app');
const out = join(root, 'dist/viewer');

const started = Date.now();
await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: [join(app, 'main.ts')],
  outfile: join(out, 'viewer.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari16'],
  minify: process.env.NEWSGRAPH_VIEWER_MINIFY !== '0',
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: true,
});
await copyFile(join(app, 'index.html'), join(out, 'index.html'));
await copyFile(join(app, 'viewer.css'), join(out, 'viewer.css'));
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`build-viewer: dist/viewer/ (${(bytes / 1024).toFixed(0)} KiB of JS) in ${Date.now() - started} ms`);
