/**
 * The filter column: the legend (colour, count, click to show or hide a label),
 * relationship types, minimum degree, entities without relationships and the time slider. Controls read and write
 * the view state through `onChange`; `sync` redraws them from a state.
 */
import type { KnowledgeGraph } from '../../../types.js';
import { byId, el } from './dom.js';
import { labelColor, LABELS, typeColor, TYPES } from './palette.js';
import { hidesIsolated } from './filters.js';
import type { ViewState } from './state.js';

export interface Controls {
  /** Makes every control show `state`. */
  sync(state: ViewState): void;
}

function toggleList(
  root: HTMLElement,
  entries: { key: string; count: number; color: string }[],
  hidden: (state: ViewState) => Set<string>,
  getState: () => ViewState,
  onChange: () => void,
  kind: string,
): (state: ViewState) => void {
  const buttons = entries.map(({ key, count, color }) => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.backgroundColor = color;
    const button = el(
      'button',
      {
        class: 'toggle',
        attrs: { type: 'button', 'aria-pressed': 'true', [`data-${kind}`]: key },
        title: `Show or hide ${key}`,
      },
      [swatch, el('span', { class: 'toggle-name', text: key }), el('span', { class: 'count', text: String(count) })],
    );
    button.addEventListener('click', () => {
      const set = hidden(getState());
      if (set.has(key)) set.delete(key);
      else set.add(key);
      onChange();
    });
    root.append(el('li', {}, [button]));
    return button;
  });
  return (state) => {
    for (const b of buttons)
      b.setAttribute('aria-pressed', String(!hidden(state).has(b.getAttribute(`data-${kind}`)!)));
  };
}

/** Builds the controls for `graph`; `dates` are the time slider's stops. */
export function setupControls(
  graph: KnowledgeGraph,
  dates: string[],
  getState: () => ViewState,
  onChange: () => void,
): Controls {
  const labelCounts = new Map<string, number>();
  graph.forEachNode((_k, a) => labelCounts.set(a.label, (labelCounts.get(a.label) ?? 0) + 1));
  const typeCounts = new Map<string, number>();
  graph.forEachEdge((_k, a) => typeCounts.set(a.type, (typeCounts.get(a.type) ?? 0) + 1));

  const syncLabels = toggleList(
    byId('legend'),
    LABELS.filter((l) => labelCounts.has(l)).map((key) => ({
      key,
      count: labelCounts.get(key)!,
      color: labelColor(key),
    })),
    (s) => s.hiddenLabels,
    getState,
    onChange,
    'label',
  );
  const syncTypes = toggleList(
    byId('types'),
    TYPES.filter((t) => typeCounts.has(t)).map((key) => ({ key, count: typeCounts.get(key)!, color: typeColor(key) })),
    (s) => s.hiddenTypes,
    getState,
    onChange,
    'type',
  );

  let maxDegree = 0;
  graph.forEachNode((key) => (maxDegree = Math.max(maxDegree, graph.degree(key))));
  const degree = byId<HTMLInputElement>('min-degree');
  const degreeValue = byId<HTMLOutputElement>('min-degree-value');
  degree.max = String(maxDegree);
  degree.addEventListener('input', () => {
    getState().minDegree = Number(degree.value);
    degreeValue.textContent = degree.value;
    onChange();
  });

  const isolated = byId<HTMLInputElement>('show-isolated');
  let isolatedCount = 0;
  graph.forEachNode((key) => (isolatedCount += graph.degree(key) === 0 ? 1 : 0));
  byId<HTMLOutputElement>('isolated-count').textContent = String(isolatedCount);
  isolated.addEventListener('change', () => {
    getState().isolated = isolated.checked ? 'show' : 'hide';
    onChange();
  });

  const from = byId<HTMLInputElement>('date-from');
  const to = byId<HTMLInputElement>('date-to');
  const fromValue = byId<HTMLOutputElement>('date-from-value');
  const toValue = byId<HTMLOutputElement>('date-to-value');
  byId('dates').hidden = dates.length === 0;
  for (const input of [from, to]) {
    input.min = '0';
    input.max = String(Math.max(0, dates.length - 1));
    input.step = '1';
  }
  /** Slider stop of a date: the first stop on or after it (from), the last on or before it (to). */
  const stopOf = (date: string | undefined, end: boolean): number => {
    if (!date) return end ? dates.length - 1 : 0;
    if (end) {
      let i = dates.length - 1;
      while (i > 0 && dates[i]! > date) i--;
      return i;
    }
    const i = dates.findIndex((d) => d >= date);
    return i < 0 ? dates.length - 1 : i;
  };
  const onDates = (moved: 'from' | 'to') => {
    let f = Number(from.value);
    let t = Number(to.value);
    if (f > t) {
      if (moved === 'from') t = f;
      else f = t;
      from.value = String(f);
      to.value = String(t);
    }
    const state = getState();
    state.from = f > 0 ? dates[f] : undefined;
    state.to = t < dates.length - 1 ? dates[t] : undefined;
    fromValue.textContent = dates[f] ?? '';
    toValue.textContent = dates[t] ?? '';
    onChange();
  };
  from.addEventListener('input', () => onDates('from'));
  to.addEventListener('input', () => onDates('to'));

  return {
    sync(state) {
      syncLabels(state);
      syncTypes(state);
      degree.value = String(state.minDegree);
      degreeValue.textContent = String(state.minDegree);
      isolated.checked = !hidesIsolated(graph, state);
      if (dates.length) {
        from.value = String(stopOf(state.from, false));
        to.value = String(stopOf(state.to, true));
        fromValue.textContent = state.from ?? dates[0]!;
        toValue.textContent = state.to ?? dates[dates.length - 1]!;
      }
    },
  };
}
