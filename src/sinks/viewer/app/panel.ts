/**
 * The side panel: what the graph knows about the selected node or edge, with the
 * evidence for every relationship. All text goes in as text nodes (see dom.ts).
 */
import type { ArticleMeta, Evidence, KnowledgeGraph, RelationAttrs } from '../../../types.js';
import { el, safeHref } from './dom.js';
import { labelColor, typeColor, TYPES } from './palette.js';

export interface PanelActions {
  selectNode(key: string): void;
  selectEdge(key: string): void;
  clear(): void;
}

function articleOf(graph: KnowledgeGraph, id: string): ArticleMeta {
  return graph.getAttribute('articles')[id] ?? { id, path: id };
}

/** "Title (2025-08-15, Source)" with a link when the article has an http(s) URL. */
function articleLine(graph: KnowledgeGraph, id: string): HTMLElement {
  const a = articleOf(graph, id);
  const title = a.title || a.id;
  const href = safeHref(a.url);
  const name = href
    ? el('a', { text: title, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } })
    : el('span', { class: 'article-title', text: title });
  const extra = [a.date, a.source].filter(Boolean).join(', ');
  return el('span', { class: 'article' }, [name, extra ? el('span', { class: 'muted', text: ` (${extra})` }) : null]);
}

function evidenceList(graph: KnowledgeGraph, evidence: Evidence[]): HTMLElement {
  // Two quotes from one sentence are two facts but one piece of evidence: show it once.
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const id = `${e.article}\u0000${e.start}\u0000${e.end}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
  return el(
    'ul',
    { class: 'evidence' },
    unique.map((e) =>
      el('li', {}, [
        el('blockquote', { class: 'sentence', text: e.sentence }),
        el('div', { class: 'source' }, ['— ', articleLine(graph, e.article)]),
      ]),
    ),
  );
}

/** Quotes, proposals, status and date of a relationship, then its evidence. */
function relationFacts(graph: KnowledgeGraph, a: RelationAttrs): HTMLElement[] {
  const out: HTMLElement[] = [];
  const quotes = a.quotes ?? (a.quote ? [a.quote] : []);
  for (const q of quotes) out.push(el('q', { class: 'quote', text: q }));
  const whats = a.whats ?? (a.what ? [a.what] : []);
  for (const w of whats) out.push(el('div', { class: 'what', text: w }));
  const meta = [a.status, a.date].filter(Boolean).join(' · ');
  if (meta) out.push(el('div', { class: 'muted', text: meta }));
  if (a.event && graph.hasNode(a.event)) {
    out.push(el('div', { class: 'muted', text: `event: ${graph.getNodeAttribute(a.event, 'name')}` }));
  }
  if (a.evidence.length) out.push(evidenceList(graph, a.evidence));
  return out;
}

function badge(text: string, color: string): HTMLElement {
  const b = el('span', { class: 'badge', text });
  b.style.backgroundColor = color;
  return b;
}

function nodeButton(graph: KnowledgeGraph, key: string, actions: PanelActions): HTMLElement {
  const b = el('button', {
    class: 'link',
    text: graph.getNodeAttribute(key, 'name'),
    attrs: { type: 'button', 'data-node': key },
  });
  b.addEventListener('click', () => actions.selectNode(key));
  return b;
}

function header(title: string, actions: PanelActions, children: (HTMLElement | null)[]): HTMLElement {
  const close = el('button', {
    class: 'close',
    text: '×',
    title: 'Close (Escape)',
    attrs: { type: 'button', 'aria-label': 'Close' },
  });
  close.addEventListener('click', () => actions.clear());
  return el('header', {}, [close, el('h2', { text: title }), ...children]);
}

/** Fills `root` with the node's name, label, aliases, articles and relationships grouped by type. */
export function renderNodePanel(root: HTMLElement, graph: KnowledgeGraph, key: string, actions: PanelActions): void {
  const a = graph.getNodeAttributes(key);
  const aliases = a.aliases.filter((s) => s !== a.name);
  const facts = [a.date ? `date: ${a.date}` : '', a.place ? `place: ${a.place}` : ''].filter(Boolean).join(' · ');
  const sections: HTMLElement[] = [
    header(a.name, actions, [
      badge(a.label, labelColor(a.label)),
      facts ? el('div', { class: 'muted', text: facts }) : null,
    ]),
  ];
  if (aliases.length) {
    sections.push(
      el('section', { class: 'aliases' }, [el('h3', { text: 'Also written' }), el('p', { text: aliases.join(' · ') })]),
    );
  }
  sections.push(
    el('section', { class: 'articles' }, [
      el('h3', { text: `Articles (${a.articles.length})` }),
      el(
        'ul',
        {},
        a.articles.map((id) => el('li', {}, [articleLine(graph, id)])),
      ),
    ]),
  );
  const byType = new Map<string, string[]>();
  graph.forEachEdge(key, (edge, e) => {
    let list = byType.get(e.type);
    if (!list) byType.set(e.type, (list = []));
    list.push(edge);
  });
  const rels = el('section', { class: 'relations' }, [el('h3', { text: 'Relationships' })]);
  if (!byType.size) rels.append(el('p', { class: 'muted', text: 'none' }));
  for (const type of TYPES.filter((t) => byType.has(t))) {
    const edges = byType.get(type)!;
    const group = el('details', { class: 'rel-group', attrs: { open: '', 'data-type': type } }, [
      el('summary', {}, [badge(type, typeColor(type)), ` ${edges.length}`]),
    ]);
    const list = el('ul', {});
    for (const edge of edges) {
      const e = graph.getEdgeAttributes(edge);
      const outgoing = graph.source(edge) === key;
      const other = outgoing ? graph.target(edge) : graph.source(edge);
      const show = el('button', {
        class: 'link small',
        text: 'edge',
        title: 'Show this relationship',
        attrs: { type: 'button', 'data-edge': edge },
      });
      show.addEventListener('click', () => actions.selectEdge(edge));
      list.append(
        el('li', { class: 'relation' }, [
          el('div', { class: 'rel-head' }, [outgoing ? '→ ' : '← ', nodeButton(graph, other, actions), ' ', show]),
          ...relationFacts(graph, e),
        ]),
      );
    }
    group.append(list);
    rels.append(group);
  }
  sections.push(rels);
  root.replaceChildren(...sections);
}

/** Fills `root` with the edge's ends, type, facts and evidence. */
export function renderEdgePanel(root: HTMLElement, graph: KnowledgeGraph, key: string, actions: PanelActions): void {
  const a = graph.getEdgeAttributes(key);
  const source = graph.source(key);
  const target = graph.target(key);
  const title = `${graph.getNodeAttribute(source, 'name')} → ${graph.getNodeAttribute(target, 'name')}`;
  root.replaceChildren(
    header(title, actions, [badge(a.type, typeColor(a.type))]),
    el('section', { class: 'ends' }, [nodeButton(graph, source, actions), ' → ', nodeButton(graph, target, actions)]),
    el('section', { class: 'relation' }, [el('h3', { text: 'Evidence' }), ...relationFacts(graph, a)]),
  );
}
