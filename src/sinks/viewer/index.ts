/**
 * The visual explorer's Node side: lays the graph out, writes the explorer folder
 * (`export --format html`) and serves it (`view`). The page itself is browser code in
 * app/, bundled by scripts/build-viewer.mjs into dist/viewer/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutputError, NewsgraphError } from '../../errors.js';
import { applyLayout, sizeForDegree, toSerialized, type LayoutOptions } from '../../graph/index.js';
import type { KnowledgeGraph } from '../../types.js';
import {
  PAYLOAD_GLOBAL,
  PAYLOAD_VERSION,
  TEXTS_GLOBAL,
  VIEWER_FILES,
  type ArticleTextsPayload,
  type ViewerPayload,
} from './payload.js';

export {
  PAYLOAD_GLOBAL,
  PAYLOAD_VERSION,
  TEXTS_GLOBAL,
  VIEWER_FILES,
  type ArticleTextsPayload,
  type ViewerPayload,
} from './payload.js';

/** The explorer's static files could not be found (the package was not built). */
export class ViewerAssetsError extends NewsgraphError {
  constructor(message: string) {
    super('INTERNAL', message);
  }
}

/** The folder holding the built explorer (dist/viewer), found from this file in src/ or dist/. */
export function viewerAssetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'viewer');
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../viewer');
}

interface Assets {
  html: string;
  script: string;
  style: string;
}

async function readAssets(): Promise<Assets> {
  const dir = viewerAssetsDir();
  try {
    const [html, script, style] = await Promise.all(
      [VIEWER_FILES.html, VIEWER_FILES.script, VIEWER_FILES.style].map((f) => readFile(join(dir, f), 'utf8')),
    );
    return { html: html!, script: script!, style: style! };
  } catch (err) {
    throw new ViewerAssetsError(
      `viewer: the explorer's files are missing from ${dir} (${(err as Error).message}). Run 'npm run build' first.`,
    );
  }
}

/**
 * The payload the page reads: the graph with positions and sizes. A graph that already
 * has positions for every node keeps them; otherwise a copy is laid out (seeded).
 */
export function viewerPayload(graph: KnowledgeGraph, layout: LayoutOptions = {}): ViewerPayload {
  let laidOut = graph;
  const positioned = graph.everyNode((_k, a) => Number.isFinite(a.x) && Number.isFinite(a.y));
  if (!positioned || graph.order === 0) {
    laidOut = graph.copy();
    applyLayout(laidOut, layout);
  }
  const serialized = toSerialized(laidOut);
  for (const n of serialized.nodes) {
    // Mentions (every surface form with its offsets) are the bulk of a node and the page never shows
    // them: the panel lists aliases and articles. Leaving them out shrinks the page's data.
    n.attributes = {
      ...n.attributes,
      mentions: [],
      size: Number.isFinite(n.attributes.size) ? n.attributes.size : sizeForDegree(laidOut.degree(n.key)),
    };
  }
  return { version: PAYLOAD_VERSION, graph: serialized };
}

/**
 * A data script: one assignment of `value` to `window[global]`, as `JSON.parse` of a string literal,
 * which V8 reads faster than the same data written as an object literal (the data is most of the
 * page's load time for big graphs). `<` stays escaped inside the JSON, so the file holds no `<`
 * and stays inert even if someone inlines it in a <script>.
 */
export function jsonScript(global: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c');
  const literal = json
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `window.${global} = JSON.parse('${literal}');\n`;
}

/** The graph's data script (graph-data.js). */
export function payloadScript(payload: ViewerPayload): string {
  return jsonScript(PAYLOAD_GLOBAL, payload);
}

/** The texts of the graph's articles that `texts` holds, with the graph's mentions in each. */
export function articleTextsPayload(graph: KnowledgeGraph, texts: ReadonlyMap<string, string>): ArticleTextsPayload {
  const out: ArticleTextsPayload = {};
  for (const id of Object.keys(graph.getAttribute('articles')).sort()) {
    const text = texts.get(id);
    if (text !== undefined) out[id] = { text, mentions: [] };
  }
  graph.forEachNode((key, a) => {
    for (const m of a.mentions) out[m.article]?.mentions.push([m.start, m.end, key]);
  });
  for (const entry of Object.values(out)) entry.mentions.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return out;
}

/**
 * Writes the self-contained explorer for `graph` into `outDir`: index.html, viewer.js,
 * viewer.css and graph-data.js, and with `texts` (the articles' texts, graph/article-texts.ts)
 * article-text.js for the reader. Opens from file://, needs no server and no network.
 */
export async function writeViewerBundle(
  graph: KnowledgeGraph,
  outDir: string,
  layout: LayoutOptions = {},
  texts?: ReadonlyMap<string, string>,
): Promise<void> {
  const assets = await readAssets();
  const data = payloadScript(viewerPayload(graph, layout));
  const textScript = texts ? jsonScript(TEXTS_GLOBAL, articleTextsPayload(graph, texts)) : undefined;
  try {
    await mkdir(outDir, { recursive: true });
    await Promise.all([
      writeFile(join(outDir, VIEWER_FILES.html), assets.html),
      writeFile(join(outDir, VIEWER_FILES.script), assets.script),
      writeFile(join(outDir, VIEWER_FILES.style), assets.style),
      writeFile(join(outDir, VIEWER_FILES.data), data),
      ...(textScript ? [writeFile(join(outDir, VIEWER_FILES.texts), textScript)] : []),
    ]);
  } catch (err) {
    throw new OutputError(`viewer: cannot write the explorer to ${outDir}: ${(err as Error).message}.`, { cause: err });
  }
}

export interface ViewerServerOptions {
  /** Port to listen on; 0 picks a free one (default 0 here; the CLI has its own default). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: the explorer is for this machine only). */
  host?: string;
  layout?: LayoutOptions;
  /** The articles' texts, served to the reader (graph/article-texts.ts); without, evidence opens without its article. */
  texts?: ReadonlyMap<string, string>;
}

export interface ViewerServer {
  /** The explorer's address, e.g. http://127.0.0.1:4173/ */
  url: string;
  /** Stops the server; safe to call twice. */
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** What the served page may do: its own scripts, the layout's blob worker, no other origin. */
const CSP =
  "default-src 'none'; script-src 'self'; worker-src blob:; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Serves the explorer for `graph` on localhost until `close()`. */
export async function startViewerServer(
  graph: KnowledgeGraph,
  options: ViewerServerOptions = {},
): Promise<ViewerServer> {
  const assets = await readAssets();
  const files = new Map<string, { body: string; type: string }>([
    ['/', { body: assets.html, type: CONTENT_TYPES.html! }],
    [`/${VIEWER_FILES.html}`, { body: assets.html, type: CONTENT_TYPES.html! }],
    [`/${VIEWER_FILES.script}`, { body: assets.script, type: CONTENT_TYPES.js! }],
    [`/${VIEWER_FILES.style}`, { body: assets.style, type: CONTENT_TYPES.css! }],
    [`/${VIEWER_FILES.data}`, { body: payloadScript(viewerPayload(graph, options.layout)), type: CONTENT_TYPES.js! }],
  ]);
  if (options.texts)
    files.set(`/${VIEWER_FILES.texts}`, {
      body: jsonScript(TEXTS_GLOBAL, articleTextsPayload(graph, options.texts)),
      type: CONTENT_TYPES.js!,
    });
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path);
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return;
    }
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${path}\n`);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Content-Length': Buffer.byteLength(file.body) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE'
          ? `port ${options.port} is in use. Pass another --port, or --port 0 for any free port`
          : err.message;
      reject(new OutputError(`view: cannot listen on ${host}:${options.port ?? 0}: ${why}.`, { cause: err }));
    });
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/`,
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
