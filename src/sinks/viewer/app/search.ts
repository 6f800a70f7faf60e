/**
 * Search with completion over names and aliases. The index is a flat list of
 * lower-cased forms; prefix matches rank first, then by degree (hubs first).
 */
import type { KnowledgeGraph } from '../../../types.js';
import { el } from './dom.js';
import { labelColor } from './palette.js';

export interface SearchHit {
  key: string;
  name: string;
  label: string;
  /** The alias that matched when it is not the name. */
  alias?: string;
}

interface Entry {
  key: string;
  form: string;
  text: string;
  degree: number;
}

export function buildSearchIndex(graph: KnowledgeGraph): Entry[] {
  const entries: Entry[] = [];
  graph.forEachNode((key, a) => {
    const degree = graph.degree(key);
    for (const text of new Set([a.name, ...a.aliases])) entries.push({ key, text, form: text.toLowerCase(), degree });
  });
  return entries;
}

/** Best `limit` nodes whose name or an alias contains `query` (case-insensitive). */
export function search(graph: KnowledgeGraph, index: Entry[], query: string, limit = 10): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const best = new Map<string, { rank: number; entry: Entry }>();
  for (const entry of index) {
    const at = entry.form.indexOf(q);
    if (at < 0) continue;
    // 0: the whole form, 1: a prefix, 2: a word prefix, 3: anywhere.
    const rank = entry.form === q ? 0 : at === 0 ? 1 : /\s/.test(entry.form[at - 1] ?? '') ? 2 : 3;
    const prev = best.get(entry.key);
    if (!prev || rank < prev.rank) best.set(entry.key, { rank, entry });
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || b.entry.degree - a.entry.degree || a.entry.text.localeCompare(b.entry.text))
    .slice(0, limit)
    .map(({ entry }) => {
      const a = graph.getNodeAttributes(entry.key);
      return { key: entry.key, name: a.name, label: a.label, alias: entry.text !== a.name ? entry.text : undefined };
    });
}

/**
 * Wires the search box: typing lists hits as buttons (Tab or ArrowDown moves into them),
 * Enter picks the first, clicking or Enter on a hit calls `choose`.
 */
export function setupSearch(
  graph: KnowledgeGraph,
  input: HTMLInputElement,
  results: HTMLElement,
  choose: (key: string) => void,
): { close(): void } {
  const index = buildSearchIndex(graph);
  let hits: SearchHit[] = [];

  const close = () => {
    hits = [];
    results.replaceChildren();
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const pick = (hit: SearchHit) => {
    input.value = hit.name;
    close();
    choose(hit.key);
  };
  const update = () => {
    hits = search(graph, index, input.value);
    results.replaceChildren(
      ...hits.map((hit) => {
        const swatch = el('span', { class: 'swatch' });
        swatch.style.backgroundColor = labelColor(hit.label);
        const button = el('button', { class: 'hit', attrs: { type: 'button', 'data-node': hit.key } }, [
          swatch,
          el('span', { class: 'hit-name', text: hit.name }),
          el('span', { class: 'muted', text: ` ${hit.label}` }),
          hit.alias ? el('span', { class: 'muted', text: ` (${hit.alias})` }) : null,
        ]);
        button.addEventListener('click', () => pick(hit));
        return el('li', {}, [button]);
      }),
    );
    if (input.value.trim() && !hits.length) results.append(el('li', { class: 'muted', text: 'no match' }));
    results.hidden = !input.value.trim();
    input.setAttribute('aria-expanded', String(!results.hidden));
  };

  input.addEventListener('input', update);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && hits[0]) {
      event.preventDefault();
      pick(hits[0]);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      results.querySelector<HTMLButtonElement>('button')?.focus();
    }
  });
  results.addEventListener('keydown', (event) => {
    const buttons = [...results.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' && at >= 0) {
      event.preventDefault();
      buttons[Math.min(at + 1, buttons.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else buttons[at - 1]?.focus();
    }
  });
  return { close };
}
