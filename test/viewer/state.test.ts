/** The explorer's pure parts: URL state, date ranges, filters and parallel edge curves. */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  computeVisibility,
  coreDates,
  dateHistogram,
  inDateRange,
  parallelCurvatures,
} from '../../src/sinks/viewer/app/filters.js';
import { emptyState, formatState, parseState } from '../../src/sinks/viewer/app/state.js';
import { buildSampleGraph } from '../fixtures/viewer/sample-graph.js';
import { PAYLOAD_GLOBAL, payloadScript, viewerPayload } from '../../src/sinks/viewer/index.js';

describe('URL state', () => {
  it('round-trips selection, filters, dates and camera through the hash', () => {
    const state = {
      ...emptyState(),
      selection: { kind: 'node' as const, key: 'person:vladimir-putin' },
      hiddenLabels: new Set(['Event', 'Place']),
      hiddenTypes: new Set(['SAID']),
      minDegree: 2,
      ego: { key: 'person:vladimir-putin', depth: 2 },
      path: ['person:donald-trump', 'country:ukraine'] as [string, string],
      from: '2025-08-15',
      to: '2025-08',
      camera: { x: 0.25, y: 0.75, ratio: 0.5, angle: 0 },
    };
    expect(parseState(`#${formatState(state)}`)).toEqual(state);
  });

  it('ignores malformed parts instead of failing', () => {
    const state = parseState('#minDegree=-3&from=yesterday&camera=1,2,nope&node=');
    expect(state).toEqual(emptyState());
  });

  it('leaves defaults out of the link', () => {
    expect(formatState(emptyState())).toBe('');
  });
});

describe('the time slider', () => {
  const counts = new Map<string, number>([
    ['1936-05-01', 1],
    ...Array.from(
      { length: 24 },
      (_, i) => [`2022-${String((i % 12) + 1).padStart(2, '0')}-1${i < 12 ? 0 : 5}`, 10] as [string, number],
    ),
    ['2030', 1],
  ]);
  const dates = [...counts.keys()].sort();

  it('spans the 1st to 99th percentile of dated facts, leaving stray years out', () => {
    const core = coreDates(dates, counts);
    expect(core[0]).toBe('2022-01-10');
    expect(core[core.length - 1]).toBe('2022-12-15');
    expect(coreDates(dates, counts, 0, 1)).toEqual(dates);
  });

  it('counts facts by month over a short span and by year over a long one', () => {
    const core = coreDates(dates, counts);
    expect(dateHistogram(core, counts)).toHaveLength(12);
    expect(dateHistogram(core, counts)[0]).toEqual({ bucket: '2022-01', count: 20 });
    expect(dateHistogram(dates, counts).map((b) => b.bucket)).toEqual(['1936', '2022', '2030']);
  });
});

describe('date range', () => {
  it.each([
    [undefined, '2025-08-16', '2025-08-17', true],
    ['2025-08-15', '2025-08-16', undefined, false],
    ['2025-08-16', '2025-08-16', '2025-08-16', true],
    ['2025-08', '2025-08-20', undefined, true],
    ['2025', '2026-01-01', undefined, false],
    ['2025-08-18', undefined, '2025-08-17', false],
  ])('%s within [%s, %s] is %s', (date, from, to, expected) => {
    expect(inDateRange(date, from, to)).toBe(expected);
  });
});

describe('filters', () => {
  it('hides nodes of hidden labels and every edge that touches them', () => {
    const g = buildSampleGraph();
    const { hiddenNodes, hiddenEdges } = computeVisibility(g, { ...emptyState(), hiddenLabels: new Set(['Event']) });
    g.forEachNode((k, a) => expect(hiddenNodes.has(k)).toBe(a.label === 'Event'));
    g.forEachEdge((e, _a, s, t) =>
      expect(hiddenEdges.has(e)).toBe(
        g.getNodeAttribute(s, 'label') === 'Event' || g.getNodeAttribute(t, 'label') === 'Event',
      ),
    );
  });

  it('curves parallel edges apart, in opposite directions, and leaves single edges straight', () => {
    const g = buildSampleGraph();
    const curves = parallelCurvatures(g);
    const trump = 'person:donald-trump';
    const zelensky = 'person:volodymyr-zelensky';
    // graphology's edges(a, b) lists the edges between a and b in both directions.
    const between = g.edges(trump, zelensky);
    expect(between.length).toBe(3);
    const drawn = between.map((e) => curves.get(e)! * (g.source(e) === trump ? 1 : -1));
    expect(new Set(drawn.map((c) => Math.round(c * 1000))).size).toBe(3);
    const single = g.findEdge((_e, _a, s, t) => g.edges(s, t).length === 1)!;
    expect(curves.has(single)).toBe(false);
  });
});

describe('the page data', () => {
  it('lays out a graph without positions and keeps the source graph untouched', () => {
    const g = buildSampleGraph();
    const payload = viewerPayload(g);
    expect(
      payload.graph.nodes.every((n) => Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.size)),
    ).toBe(true);
    expect(g.someNode((_k, a) => a.x !== undefined)).toBe(false);
  });

  it('keeps "</script>" from ending a script element', () => {
    const g = buildSampleGraph({ hostile: true });
    const script = payloadScript(viewerPayload(g));
    expect(script).not.toMatch(/<\/script/i);
    const window: Record<string, unknown> = {};
    runInNewContext(script, { window, JSON });
    expect(JSON.stringify(window[PAYLOAD_GLOBAL])).toContain('</script>');
  });

  it('gives the page the payload unchanged, whatever characters the text holds', () => {
    const g = buildSampleGraph({ hostile: true });
    const tricky = [
      "it's",
      'back\\slash',
      'line\u2028separator',
      'para\u2029graph',
      'quote " and \' both',
      '\n new line',
      'ünïcödé 😀',
    ];
    g.setNodeAttribute(g.nodes()[0]!, 'aliases', tricky);
    const payload = viewerPayload(g);
    const window: Record<string, unknown> = {};
    runInNewContext(payloadScript(payload), { window, JSON });
    expect(window[PAYLOAD_GLOBAL]).toEqual(JSON.parse(JSON.stringify(payload)));
  });
});
