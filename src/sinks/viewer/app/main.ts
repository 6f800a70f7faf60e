/**
 * Entry point of the explorer page: reads the graph the data script left on `window`,
 * checks it, and starts the explorer, or shows an error page (never a blank page).
 */
import graphology from 'graphology';
import type { KnowledgeGraph } from '../../../types.js';
import { PAYLOAD_GLOBAL, PAYLOAD_VERSION, VIEWER_FILES, type ViewerPayload } from '../payload.js';
import { byId, el } from './dom.js';
import { createExplorer, type Explorer } from './explorer.js';

declare global {
  interface Window {
    [PAYLOAD_GLOBAL]?: unknown;
    /** The running explorer, for the console and the tests. */
    newsgraph?: Explorer;
  }
}

class PayloadError extends Error {}

function readPayload(): ViewerPayload {
  const data = window[PAYLOAD_GLOBAL] as Partial<ViewerPayload> | undefined;
  if (data === undefined) {
    throw new PayloadError(
      `The graph data (${VIEWER_FILES.data}) did not load. Keep it in the same folder as ${VIEWER_FILES.html}.`,
    );
  }
  if (!data || typeof data !== 'object' || !data.graph || typeof data.graph !== 'object') {
    throw new PayloadError(`${VIEWER_FILES.data} does not hold a newsgraph graph.`);
  }
  if (data.version !== PAYLOAD_VERSION) {
    throw new PayloadError(
      `${VIEWER_FILES.data} is of format version ${String(data.version)}; this explorer reads version ${PAYLOAD_VERSION}. Export the graph again.`,
    );
  }
  const g = data.graph;
  if (!Array.isArray(g.nodes) || !Array.isArray(g.edges)) {
    throw new PayloadError(`${VIEWER_FILES.data} has no node or edge list.`);
  }
  return data as ViewerPayload;
}

function toGraph(payload: ViewerPayload): KnowledgeGraph {
  const graph: KnowledgeGraph = new graphology.MultiDirectedGraph({ allowSelfLoops: false });
  try {
    graph.import(payload.graph as never);
  } catch (err) {
    throw new PayloadError(`The graph data is inconsistent: ${(err as Error).message}`);
  }
  graph.forEachNode((key, a) => {
    if (typeof a.x !== 'number' || typeof a.y !== 'number') {
      throw new PayloadError(`Node "${key}" has no position. Export the graph again with newsgraph.`);
    }
  });
  return graph;
}

/** Replaces the page with an error message (as text). */
export function showError(title: string, detail: string): void {
  const box = byId('error');
  box.replaceChildren(el('h1', { text: title }), el('p', { text: detail }));
  box.hidden = false;
  document.getElementById('app')?.setAttribute('hidden', '');
  document.body.classList.add('failed');
}

function start(): void {
  byId('loading').hidden = true;
  let payload: ViewerPayload;
  let graph: KnowledgeGraph;
  try {
    performance.mark('newsgraph:start');
    payload = readPayload();
    graph = toGraph(payload);
    performance.mark('newsgraph:imported');
  } catch (err) {
    showError('newsgraph: cannot show this graph', (err as Error).message);
    return;
  }
  const name = graph.getAttribute('name') || 'newsgraph';
  document.title = `${name} · newsgraph`;
  byId('title').textContent = name;
  byId('empty').hidden = graph.order > 0;
  try {
    window.newsgraph = createExplorer(graph);
    performance.mark('newsgraph:drawn');
  } catch (err) {
    const message = (err as Error).message;
    const webgl = /webgl/i.test(message)
      ? ' The explorer needs WebGL: enable hardware acceleration or try another browser.'
      : '';
    showError('newsgraph: the explorer could not start', `${message}${webgl}`);
    return;
  }
  document.body.classList.add('ready');
  // For the benchmark: the first frame is on screen one animation frame after sigma drew it.
  requestAnimationFrame(() => performance.mark('newsgraph:first-frame'));
}

window.addEventListener('error', (event) => {
  if (!document.body.classList.contains('ready')) showError('newsgraph: the explorer failed', String(event.message));
});

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
