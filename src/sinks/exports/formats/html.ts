/**
 * `html`: the self-contained explorer folder (index.html, viewer.js, viewer.css,
 * graph-data.js; opens from disk), written by the viewer sink into the staging folder
 * and moved into place only when complete. The graph is laid out with the export's seed
 * when its nodes have no positions.
 */
import type { ExportFormat } from '../types.js';

export const htmlFormat: ExportFormat = {
  id: 'html',
  description: 'the self-contained explorer: a folder with index.html that opens from disk',
  target: 'folder',
  extensions: ['.html'],
  async write(graph, output, settings) {
    // Loaded on demand: only this format needs the viewer sink and its assets.
    const { writeViewerBundle, VIEWER_FILES } = await import('../../viewer/index.js');
    await writeViewerBundle(graph, output.dir, { seed: settings.seed });
    return Object.values(VIEWER_FILES);
  },
};
