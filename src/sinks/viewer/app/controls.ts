/**
 * The filter column: the legend (colour, count, click to show or hide a label),
 * relationship types, minimum degree, entities without relationships and the time slider (over the
 * usual range of dates, the full one a click away, with a histogram and a Play button). Controls read and write
 * the view state through `onChange`; `sync` redraws them from a state.
 */
import type { KnowledgeGraph } from '../../../types.js';
import { byId, el } from './dom.js';
import { labelColor, LABELS, typeColor, TYPES } from './palette.js';
import { coreDates, dateHistogram, hidesIsolated, inDateRange } from './filters.js';
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

/** Frames of the Play button's walk through the dates, and the time between them. */
const PLAY_FRAMES = 40;
const PLAY_INTERVAL_MS = 250;

/** Builds the controls for `graph`; `dates` are the dates of its dated facts, sorted, with their counts. */
export function setupControls(
  graph: KnowledgeGraph,
  { dates, counts: dateCounts }: { dates: string[]; counts: ReadonlyMap<string, number> },
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
  const fullButton = byId<HTMLButtonElement>('date-full');
  const playButton = byId<HTMLButtonElement>('date-play');
  const histogram = byId('date-histogram');
  byId('dates').hidden = dates.length === 0;
  const core = coreDates(dates, dateCounts);
  // The slider spans the core dates unless the user asked for all of them.
  let full = core.length === dates.length;
  fullButton.hidden = full;
  let stops = full ? dates : core;
  const setStops = (wantFull: boolean) => {
    full = wantFull;
    stops = full ? dates : core;
    fullButton.textContent = full ? 'Usual range' : `Full range (${dates[0]} – ${dates[dates.length - 1]})`;
    fullButton.setAttribute('aria-pressed', String(full));
    for (const input of [from, to]) {
      input.min = '0';
      input.max = String(Math.max(0, stops.length - 1));
      input.step = '1';
    }
    drawHistogram();
  };
  /** Slider stop of a date: the first stop on or after it (from), the last on or before it (to). */
  const stopOf = (date: string | undefined, end: boolean): number => {
    if (!date) return end ? stops.length - 1 : 0;
    if (end) {
      let i = stops.length - 1;
      while (i > 0 && stops[i]! > date) i--;
      return i;
    }
    const i = stops.findIndex((d) => d >= date);
    return i < 0 ? stops.length - 1 : i;
  };
  const bars: { bucket: string; bar: HTMLElement }[] = [];
  function drawHistogram(): void {
    const buckets = dateHistogram(stops, dateCounts);
    const most = Math.max(1, ...buckets.map((b) => b.count));
    bars.length = 0;
    histogram.replaceChildren(
      ...buckets.map(({ bucket, count }) => {
        const bar = el('span', { class: 'bar', title: `${bucket}: ${count} dated fact${count === 1 ? '' : 's'}` });
        bar.style.height = `${Math.max(2, Math.round((count / most) * 100))}%`;
        bars.push({ bucket, bar });
        return bar;
      }),
    );
  }
  const markHistogram = (state: ViewState) => {
    for (const { bucket, bar } of bars) bar.classList.toggle('out', !inDateRange(bucket, state.from, state.to));
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
    // At either end the range is open: the stray dates outside the usual range stay in.
    state.from = f > 0 ? stops[f] : undefined;
    state.to = t < stops.length - 1 ? stops[t] : undefined;
    onChange();
  };
  from.addEventListener('input', () => onDates('from'));
  to.addEventListener('input', () => onDates('to'));
  fullButton.addEventListener('click', () => {
    const state = getState();
    setStops(!full);
    from.value = String(stopOf(state.from, false));
    to.value = String(stopOf(state.to, true));
    onDates('to');
  });

  // Play: the end of the range walks forward from the start, so the network grows as it formed.
  let playing: ReturnType<typeof setInterval> | undefined;
  const stopPlaying = () => {
    clearInterval(playing);
    playing = undefined;
    playButton.textContent = 'Play';
    playButton.setAttribute('aria-pressed', 'false');
  };
  playButton.addEventListener('click', () => {
    if (playing !== undefined) return stopPlaying();
    const last = stops.length - 1;
    const step = Math.max(1, Math.ceil(last / PLAY_FRAMES));
    to.value = from.value;
    onDates('to');
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    playing = setInterval(() => {
      const next = Math.min(last, Number(to.value) + step);
      to.value = String(next);
      onDates('to');
      if (next >= last) stopPlaying();
    }, PLAY_INTERVAL_MS);
  });
  setStops(full);

  return {
    sync(state) {
      syncLabels(state);
      syncTypes(state);
      degree.value = String(state.minDegree);
      degreeValue.textContent = String(state.minDegree);
      isolated.checked = !hidesIsolated(graph, state);
      if (dates.length) {
        // A link may hold a date outside the usual range: show the full one then.
        const outside = (d: string | undefined) => d !== undefined && (d < stops[0]! || d > stops[stops.length - 1]!);
        if (!full && (outside(state.from) || outside(state.to))) setStops(true);
        from.value = String(stopOf(state.from, false));
        to.value = String(stopOf(state.to, true));
        fromValue.textContent = state.from ?? stops[0]!;
        toValue.textContent = state.to ?? stops[stops.length - 1]!;
        markHistogram(state);
      }
    },
  };
}
