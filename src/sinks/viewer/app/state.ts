/**
 * The explorer's view state and its URL form. Everything a link must reproduce lives
 * here (selection, filters, date range, camera); it is written to the URL's hash so
 * it works from file:// too, and read back on load and on `hashchange`.
 */

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | null;

export interface ViewState {
  selection: Selection;
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  minDegree: number;
  /** Only this node and its neighbours up to `depth` steps away (an ego network). */
  ego?: { key: string; depth: number };
  /** Only a shortest path between these two nodes, whatever the direction of its edges. */
  path?: [string, string];
  /** Entities without relationships: shown or hidden; undefined = the graph's default (filters.ts). */
  isolated?: 'show' | 'hide';
  /** Inclusive bounds, ISO dates (YYYY, YYYY-MM or YYYY-MM-DD); undefined = open. */
  from?: string;
  to?: string;
  camera?: CameraView;
}

export function emptyState(): ViewState {
  return { selection: null, hiddenLabels: new Set(), hiddenTypes: new Set(), minDegree: 0 };
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function list(value: string | null): Set<string> {
  return new Set((value ?? '').split(',').filter((s) => s.length > 0));
}

/** Parses a hash (with or without its '#'); unknown or malformed parts are ignored, never fatal. */
export function parseState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = emptyState();
  const node = params.get('node');
  const edge = params.get('edge');
  if (node) state.selection = { kind: 'node', key: node };
  else if (edge) state.selection = { kind: 'edge', key: edge };
  state.hiddenLabels = list(params.get('hideLabels'));
  state.hiddenTypes = list(params.get('hideTypes'));
  const deg = Number(params.get('minDegree'));
  if (Number.isInteger(deg) && deg > 0) state.minDegree = deg;
  const ego = params.get('ego');
  const depth = Number(params.get('depth') ?? 1);
  if (ego) state.ego = { key: ego, depth: depth === 2 ? 2 : 1 };
  const pathFrom = params.get('pathFrom');
  const pathTo = params.get('pathTo');
  if (pathFrom && pathTo) state.path = [pathFrom, pathTo];
  const isolated = params.get('isolated');
  if (isolated === 'show' || isolated === 'hide') state.isolated = isolated;
  const from = params.get('from');
  const to = params.get('to');
  if (from && DATE.test(from)) state.from = from;
  if (to && DATE.test(to)) state.to = to;
  const cam = (params.get('camera') ?? '').split(',').map(Number);
  if (cam.length === 4 && cam.every(Number.isFinite) && cam[2]! > 0) {
    state.camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]!, angle: cam[3]! };
  }
  return state;
}

const round = (v: number) => String(Math.round(v * 10_000) / 10_000);

/** The hash for `state` (without '#'); default values are left out so links stay short. */
export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selection) params.set(state.selection.kind, state.selection.key);
  if (state.hiddenLabels.size) params.set('hideLabels', [...state.hiddenLabels].sort().join(','));
  if (state.hiddenTypes.size) params.set('hideTypes', [...state.hiddenTypes].sort().join(','));
  if (state.minDegree > 0) params.set('minDegree', String(state.minDegree));
  if (state.ego) {
    params.set('ego', state.ego.key);
    if (state.ego.depth !== 1) params.set('depth', String(state.ego.depth));
  }
  if (state.path) {
    params.set('pathFrom', state.path[0]);
    params.set('pathTo', state.path[1]);
  }
  if (state.isolated) params.set('isolated', state.isolated);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.camera) {
    const c = state.camera;
    params.set('camera', [c.x, c.y, c.ratio, c.angle].map(round).join(','));
  }
  return params.toString();
}
