/**
 * The explorer: sigma over the graph, with colours, highlight and visibility computed
 * in the reducers from the view state (the graph holds facts and positions only).
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, type EdgeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { downloadAsPNG } from '@sigma/export-image';
import fa2 from 'graphology-layout-forceatlas2';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import type { EntityAttrs, GraphAttrs, KnowledgeGraph, RelationAttrs } from '../../../types.js';
import { setupControls } from './controls.js';
import { byId, el } from './dom.js';
import { collectDates, computeVisibility, hidesIsolated, parallelCurvatures, type Visibility } from './filters.js';
import { labelColor, MUTED_COLOR, typeColor } from './palette.js';
import { renderEdgePanel, renderNodePanel, type PanelActions } from './panel.js';
import { createReader } from './reader.js';
import { setupSearch } from './search.js';
import { formatState, parseState, type ViewState } from './state.js';

// CommonJS packages whose .d.ts describe the export under `.default`; at run time the bundler
// hands over module.exports itself. Take whichever is there.
const inferSettings = ((fa2 as unknown as { default?: typeof fa2 }).default ?? fa2).inferSettings as (
  g: unknown,
) => object;
type FA2Layout = InstanceType<typeof FA2LayoutModule.default>;
const FA2LayoutClass = ((FA2LayoutModule as unknown as { default?: unknown }).default ??
  FA2LayoutModule) as typeof FA2LayoutModule.default;

export type ExplorerSigma = Sigma<EntityAttrs, RelationAttrs, GraphAttrs>;
// sigma's programs are typed over generic attributes; ours are narrower, which the programs never read.
type Program = EdgeProgramType<EntityAttrs, RelationAttrs, GraphAttrs>;
const EDGE_PROGRAMS: Record<string, Program> = {
  arrow: EdgeArrowProgram as unknown as Program,
  line: EdgeRectangleProgram,
  curved: EdgeCurvedArrowProgram as unknown as Program,
};

/** How the drawing degrades with size: the 10k-node/50k-edge target keeps edges and labels while moving. */
export function renderProfile(order: number, size: number) {
  const large = order > 12_000 || size > 60_000;
  const medium = order > 2_000 || size > 10_000;
  return {
    large,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    enableEdgeEvents: !large,
    labelDensity: large ? 0.2 : medium ? 0.5 : 0.8,
    labelRenderedSizeThreshold: large ? 14 : medium ? 10 : 2.5,
    /** Arrows cost a second program; plain lines beyond the medium size. */
    edgeType: medium ? 'line' : 'arrow',
    sizeScale: large ? 0.45 : medium ? 0.6 : 1,
    zIndex: !medium,
    /**
     * Muting everything outside a hovered node's neighbourhood redraws every node and edge
     * (about 0.3 s at 10k nodes / 50k edges), too slow for hover; big graphs highlight on click only.
     */
    hoverHighlight: order + size <= 25_000,
  };
}

/** Neighbours of a focused node beyond which their labels are no longer all forced. */
const FORCED_LABELS_MAX = 40;

/** Edge labels (relationship types) appear once few enough edges are on screen. */
function edgeLabelsWanted(ratio: number, size: number): boolean {
  return size * ratio * ratio < 60;
}

export interface Explorer {
  sigma: ExplorerSigma;
  state: ViewState;
  /** Applies a state (from the URL) to the view; `initial`: sigma has just drawn it, skip the redraw. */
  apply(state: ViewState, initial?: boolean): void;
  selectNode(key: string, center?: boolean): void;
  selectEdge(key: string): void;
  clearSelection(): void;
}

export function createExplorer(graph: KnowledgeGraph): Explorer {
  const container = byId('sigma');
  const panel = byId('panel');
  const profile = renderProfile(graph.order, graph.size);
  const curvatures = parallelCurvatures(graph);
  const dates = collectDates(graph);

  let state: ViewState = parseState(location.hash);
  let visibility: Visibility = computeVisibility(graph, state);
  let hovered: string | null = null;
  /** Nodes of the focused neighbourhood (hovered or selected node and its neighbours, or a selected edge's ends). */
  let focusNodes: Set<string> | null = null;
  let focusNode: string | null = null;

  const selectedNode = () => (state.selection?.kind === 'node' ? state.selection.key : null);
  const selectedEdge = () => (state.selection?.kind === 'edge' ? state.selection.key : null);

  const updateFocus = () => {
    focusNode = hovered ?? selectedNode();
    const edge = hovered ? null : selectedEdge();
    if (focusNode && graph.hasNode(focusNode)) focusNodes = new Set([focusNode, ...graph.neighbors(focusNode)]);
    else if (edge && graph.hasEdge(edge)) focusNodes = new Set(graph.extremities(edge));
    else focusNodes = null;
  };

  const nodeReducer = (key: string, a: EntityAttrs): Partial<NodeDisplayData> => {
    const d: Partial<NodeDisplayData> = {
      x: a.x ?? 0,
      y: a.y ?? 0,
      size: (a.size ?? 3) * profile.sizeScale,
      label: a.name,
      color: labelColor(a.label),
    };
    const selected = key === selectedNode();
    if (visibility.hiddenNodes.has(key) && !selected) d.hidden = true;
    if (focusNodes) {
      if (focusNodes.has(key)) {
        // A hub's hundreds of neighbours, all labelled, pile into a blob: past a few dozen, sigma's
        // label grid chooses among them (the largest first), and only the focused node is forced.
        d.forceLabel = key === focusNode || focusNodes.size <= FORCED_LABELS_MAX;
        d.zIndex = 1;
      } else {
        d.color = MUTED_COLOR;
        d.label = null;
      }
    }
    if (selected || key === focusNode) d.highlighted = true;
    return d;
  };

  const edgeReducer = (key: string, a: RelationAttrs): Partial<EdgeDisplayData> => {
    const curvature = curvatures.get(key);
    const d: Partial<EdgeDisplayData> & { curvature?: number } = {
      type: curvature === undefined ? profile.edgeType : 'curved',
      color: typeColor(a.type),
      size: 1,
      label: a.type,
    };
    if (curvature !== undefined) d.curvature = curvature;
    const selected = key === selectedEdge();
    if (visibility.hiddenEdges.has(key) && !selected) d.hidden = true;
    if (focusNode) {
      const [s, t] = graph.extremities(key);
      if (s !== focusNode && t !== focusNode) d.hidden = true;
      else d.size = 2;
    }
    if (selected) {
      d.size = 4;
      d.forceLabel = true;
      d.zIndex = 1;
    }
    return d;
  };

  updateFocus();
  // The constructor draws the first frame with the reducers above, so the URL's state shows at once.
  const sigma: ExplorerSigma = new Sigma<EntityAttrs, RelationAttrs, GraphAttrs>(graph, container, {
    nodeReducer,
    edgeReducer,
    defaultEdgeType: profile.edgeType,
    edgeProgramClasses: EDGE_PROGRAMS,
    enableEdgeEvents: profile.enableEdgeEvents,
    hideEdgesOnMove: profile.hideEdgesOnMove,
    hideLabelsOnMove: profile.hideLabelsOnMove,
    labelDensity: profile.labelDensity,
    labelRenderedSizeThreshold: profile.labelRenderedSizeThreshold,
    labelFont: 'system-ui, sans-serif',
    edgeLabelFont: 'system-ui, sans-serif',
    edgeLabelSize: 11,
    renderEdgeLabels: edgeLabelsWanted(1, graph.size),
    zIndex: profile.zIndex,
    minCameraRatio: 0.001,
    maxCameraRatio: 20,
  });
  const camera = sigma.getCamera();

  // With the entities that have no relationship hidden, the view frames the connected part (they
  // ring it in the layout), so the first screen is the network rather than a ring of dots.
  const connectedBox = (() => {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    graph.forEachNode((key, a) => {
      if (graph.degree(key) === 0) return;
      minX = Math.min(minX, a.x ?? 0);
      maxX = Math.max(maxX, a.x ?? 0);
      minY = Math.min(minY, a.y ?? 0);
      maxY = Math.max(maxY, a.y ?? 0);
    });
    return minX < maxX && minY < maxY
      ? { x: [minX, maxX] as [number, number], y: [minY, maxY] as [number, number] }
      : null;
  })();
  let framedConnected = false;
  const frame = () => {
    const wanted = connectedBox !== null && hidesIsolated(graph, state);
    if (wanted === framedConnected) return;
    framedConnected = wanted;
    sigma.setCustomBBox(wanted ? connectedBox : null);
  };

  // ---- URL ----
  let lastHash = '';
  const writeUrl = () => {
    state.camera = camera.getState();
    const hash = formatState(state);
    if (hash === lastHash) return;
    lastHash = hash;
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  };
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrlSoon = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrl, 200);
  };

  // ---- selection and panel ----
  const reader = createReader(graph, (key) => explorer.selectNode(key, true));
  /** The first end of a path being chosen: the next node selected is the other. */
  let pathStart: string | null = null;
  const actions: PanelActions = {
    selectNode: (key) => explorer.selectNode(key, true),
    selectEdge: (key) => explorer.selectEdge(key),
    clear: () => explorer.clearSelection(),
    openEvidence: (evidence) => void reader.open(evidence),
    focusOn: (key, depth) => {
      state.ego = { key, depth };
      state.path = undefined;
      pathStart = null;
      filtersChanged();
    },
    startPath: (key) => {
      pathStart = key;
      showStatus();
    },
  };
  const showPanel = () => {
    const sel = state.selection;
    if (sel?.kind === 'node' && graph.hasNode(sel.key)) renderNodePanel(panel, graph, sel.key, actions);
    else if (sel?.kind === 'edge' && graph.hasEdge(sel.key)) renderEdgePanel(panel, graph, sel.key, actions);
    else {
      state.selection = null;
      panel.replaceChildren();
    }
    const wasHidden = panel.hidden;
    panel.hidden = !state.selection;
    // The stage narrows or widens with the panel: sigma measures its container again.
    if (panel.hidden !== wasHidden) {
      sigma.resize();
      sigma.refresh({ skipIndexation: true });
    }
  };
  const refresh = () => {
    updateFocus();
    sigma.refresh({ skipIndexation: true });
  };

  const status = byId('status');
  const focusLine = byId('focus');
  const name = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, 'name') : key);
  const showAll = el('button', { class: 'link small', text: 'Show all', attrs: { type: 'button', id: 'focus-clear' } });
  showAll.addEventListener('click', () => {
    state.ego = undefined;
    state.path = undefined;
    pathStart = null;
    filtersChanged();
  });
  const showStatus = () => {
    const nodes = graph.order - visibility.hiddenNodes.size;
    const edges = graph.size - visibility.hiddenEdges.size;
    status.textContent = `${nodes} of ${graph.order} nodes, ${edges} of ${graph.size} edges shown`;
    let focus = '';
    if (pathStart !== null) focus = `Path from ${name(pathStart)}: choose the other end (click a node or search).`;
    else if (state.path) {
      const path = visibility.path;
      focus = path
        ? `Path: ${path.map(name).join(' → ')} (${path.length - 1} step${path.length === 2 ? '' : 's'})`
        : `No chain of relationships joins ${name(state.path[0])} and ${name(state.path[1])}.`;
    } else if (state.ego)
      focus = `Neighbourhood of ${name(state.ego.key)}, ${state.ego.depth} step${state.ego.depth === 1 ? '' : 's'}`;
    focusLine.hidden = focus === '';
    focusLine.replaceChildren(focus, ' ', showAll);
  };

  const filtersChanged = () => {
    controls.sync(state);
    visibility = computeVisibility(graph, state);
    showStatus();
    frame();
    refresh();
    writeUrl();
  };
  const controls = setupControls(graph, dates, () => state, filtersChanged);

  const centerOn = (key: string) => {
    const pos = sigma.getNodeDisplayData(key);
    if (!pos) return;
    void camera.animate({ x: pos.x, y: pos.y, ratio: Math.min(camera.getState().ratio, 0.5) }, { duration: 400 });
  };

  const search = setupSearch(graph, byId<HTMLInputElement>('search'), byId('search-results'), (key) =>
    explorer.selectNode(key, true),
  );

  const explorer: Explorer = {
    sigma,
    get state() {
      return state;
    },
    apply(next, initial = false) {
      state = next;
      if (!initial) visibility = computeVisibility(graph, state);
      controls.sync(state);
      showStatus();
      showPanel();
      frame();
      if (!initial) refresh();
      if (state.camera) camera.setState(state.camera);
      lastHash = formatState({ ...state, camera: state.camera ?? camera.getState() });
    },
    selectNode(key, center = false) {
      if (!graph.hasNode(key)) return;
      if (pathStart !== null && key !== pathStart) {
        state.path = [pathStart, key];
        state.ego = undefined;
        pathStart = null;
        visibility = computeVisibility(graph, state);
        showStatus();
      }
      state.selection = { kind: 'node', key };
      showPanel();
      refresh();
      if (center) centerOn(key);
      writeUrl();
    },
    selectEdge(key) {
      if (!graph.hasEdge(key)) return;
      state.selection = { kind: 'edge', key };
      showPanel();
      refresh();
      writeUrl();
    },
    clearSelection() {
      state.selection = null;
      search.close();
      showPanel();
      refresh();
      writeUrl();
    },
  };

  // ---- sigma events ----
  // Hovering while dragging the stage is not pointing at a node: no redraw then.
  const mouse = sigma.getMouseCaptor();
  sigma.on('enterNode', ({ node }) => {
    if (!profile.hoverHighlight || mouse.isMouseDown) return;
    hovered = node;
    refresh();
  });
  sigma.on('leaveNode', () => {
    if (hovered === null) return;
    hovered = null;
    refresh();
  });
  sigma.on('clickNode', ({ node }) => explorer.selectNode(node));
  sigma.on('clickEdge', ({ edge }) => explorer.selectEdge(edge));
  sigma.on('clickStage', () => explorer.clearSelection());
  let edgeLabels = edgeLabelsWanted(camera.getState().ratio, graph.size);
  camera.on('updated', (cam) => {
    const wanted = edgeLabelsWanted(cam.ratio, graph.size);
    if (wanted !== edgeLabels) {
      edgeLabels = wanted;
      sigma.setSetting('renderEdgeLabels', wanted);
    }
    writeUrlSoon();
  });

  // ---- buttons and keys ----
  let layout: FA2Layout | null = null;
  const layoutToggle = byId<HTMLButtonElement>('layout-toggle');
  layoutToggle.addEventListener('click', () => {
    layout ??= new FA2LayoutClass(graph, { settings: inferSettings(graph), getEdgeWeight: null });
    if (layout.isRunning()) layout.stop();
    else layout.start();
    layoutToggle.setAttribute('aria-pressed', String(layout.isRunning()));
    layoutToggle.textContent = layout.isRunning() ? 'Stop layout' : 'Continue layout';
  });
  byId('reset-camera').addEventListener('click', () => void camera.animatedReset({ duration: 300 }));
  byId('export-png').addEventListener('click', () => {
    const name = (graph.getAttribute('name') || 'newsgraph').replace(/[^\w.-]+/g, '_');
    void downloadAsPNG(sigma as unknown as Sigma, { fileName: name, backgroundColor: '#ffffff' });
  });
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === 'Escape' && reader.isOpen) {
      reader.close();
    } else if (event.key === 'Escape') {
      explorer.clearSelection();
      if (typing) (event.target as HTMLElement).blur();
    } else if (event.key === '/' && !typing) {
      event.preventDefault();
      byId('search').focus();
    }
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') !== lastHash) explorer.apply(parseState(location.hash));
  });

  explorer.apply(state, true);
  return explorer;
}
