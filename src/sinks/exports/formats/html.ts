/**
 * `html`: the explorer, in one of two shapes, by what `--out` names:
 * - `graph.html` (or `.htm`): one self-contained page, the explorer's stylesheet, data and
 *   script inlined, that opens from disk and can be mailed or attached as one file;
 * - any other path: the explorer folder (index.html, viewer.js, viewer.css, graph-data.js),
 *   written by the viewer sink into the staging folder and moved into place when complete.
 * Either opens from file://, with no server and no network. The graph is laid out with the
 * export's seed when its nodes have no positions.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnowledgeGraph } from '../../../types.js';
import type { ExportFormat, ExportSettings } from '../types.js';

/** Loaded on demand: only this format needs the viewer sink and its assets. */
const viewerSink = () => import('../../viewer/index.js');

/** Script text made safe inside `<script>…</script>`: the only sequences the HTML parser reacts to there. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The explorer page with its stylesheet, data and script inlined in place of their tags. */
export async function selfContainedPage(
  graph: KnowledgeGraph,
  settings: Pick<ExportSettings, 'seed' | 'texts'>,
): Promise<string> {
  const {
    articleTextsPayload,
    jsonScript,
    payloadScript,
    viewerAssetsDir,
    viewerPayload,
    TEXTS_GLOBAL,
    VIEWER_FILES,
    ViewerAssetsError,
  } = await viewerSink();
  const dir = viewerAssetsDir();
  const read = (name: string) => readFile(join(dir, name), 'utf8');
  let html: string, style: string, script: string;
  try {
    [html, style, script] = await Promise.all([
      read(VIEWER_FILES.html),
      read(VIEWER_FILES.style),
      read(VIEWER_FILES.script),
    ]);
  } catch (err) {
    throw new ViewerAssetsError(
      `export: the explorer's files are missing from ${dir} (${(err as Error).message}). Run 'npm run build' first.`,
    );
  }
  const data = payloadScript(viewerPayload(graph, { seed: settings.seed }));
  // The texts go in as the data does, in the page itself: a page on its own has no file beside it.
  const texts = settings.texts ? jsonScript(TEXTS_GLOBAL, articleTextsPayload(graph, settings.texts)) : '';
  const tags: [string, string][] = [
    [
      `<link rel="stylesheet" href="${VIEWER_FILES.style}" />`,
      `<style>\n${style.replace(/<\/(style)/gi, '<\\/$1')}\n</style>`,
    ],
    [`<script src="${VIEWER_FILES.data}"></script>`, `<script>\n${inlineScript(data + texts)}</script>`],
    [`<script src="${VIEWER_FILES.script}"></script>`, `<script>\n${inlineScript(script)}</script>`],
  ];
  let page = html;
  for (const [tag, inline] of tags) {
    const at = page.indexOf(tag);
    if (at < 0) {
      throw new ViewerAssetsError(
        `export: ${join(dir, VIEWER_FILES.html)} has no ${tag} to inline. Rebuild the explorer ('npm run build').`,
      );
    }
    // Spliced, not String.replace: the inlined text may hold `$&` and other replacement patterns.
    page = page.slice(0, at) + inline + page.slice(at + tag.length);
  }
  return page;
}

export const htmlFormat: ExportFormat = {
  id: 'html',
  description: 'the explorer: one self-contained page for --out x.html, else a folder with index.html',
  target: 'file-or-folder',
  extensions: ['.html', '.htm'],
  async write(graph, output, settings) {
    if (output.kind === 'file') {
      const w = await output.file();
      const p = w.write(await selfContainedPage(graph, settings));
      if (p) await p;
    } else {
      const { writeViewerBundle } = await viewerSink();
      await writeViewerBundle(graph, output.dir, { seed: settings.seed }, settings.texts);
    }
    return { nodes: graph.order, edges: graph.size };
  },
};
