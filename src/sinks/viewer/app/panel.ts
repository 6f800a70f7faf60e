/**
 * The side panel: what the graph knows about the selected node or edge, with the
 * evidence for every relationship. All text goes in as text nodes (see dom.ts).
 *
 * A node's panel reads relationships first (grouped by type, each with its quote or proposal, date
 * and first pieces of evidence), then its articles, collapsed and shown a page at a time: the most
 * mentioned person of a corpus has a thousand articles, which must not bury what he did.
 */
import type { ArticleMeta, Evidence, KnowledgeGraph, RelationAttrs } from '../../../types.js';
import { el, safeHref } from './dom.js';
import { labelColor, typeColor, TYPES } from './palette.js';

export interface PanelActions {
  selectNode(key: string): void;
  selectEdge(key: string): void;
  clear(): void;
  /** Opens the evidence on its article (reader.ts). */
  openEvidence(evidence: Evidence): void;
  /** Shows only the node and its neighbours up to `depth` steps. */
  focusOn(key: string, depth: number): void;
  /** Starts choosing a path from the node: the next node selected ends it. */
  startPath(key: string): void;
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

/** Items shown before a "more" button: evidence per relationship, and articles per page. */
export const EVIDENCE_SHOWN = 1;
export const ARTICLES_PER_PAGE = 25;
export const RELATIONS_PER_PAGE = 15;
export const QUOTES_SHOWN = 2;
/** Characters of an evidence sentence shown before it is cut (a bulleted page can make one sentence of pages). */
export const SENTENCE_SHOWN = 300;

/**
 * A list showing `first` items, then a button adding `step` more at a time; items are made only when
 * shown, so a long list costs nothing until it is opened.
 */
function pagedList<T>(
  items: readonly T[],
  render: (item: T) => HTMLElement,
  options: { first: number; step: number; className: string; noun: string },
): HTMLElement[] {
  const list = el('ul', { class: options.className });
  let shown = 0;
  const more = el('button', { class: 'link small more', attrs: { type: 'button' } });
  const showMore = (count: number) => {
    const next = items.slice(shown, shown + count);
    list.append(...next.map((item) => el('li', {}, [render(item)])));
    shown += next.length;
    const left = items.length - shown;
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(left, options.step)} more of ${left} ${options.noun}`;
  };
  more.addEventListener('click', () => showMore(options.step));
  showMore(options.first);
  return [list, more];
}

/** An evidence sentence, cut at SENTENCE_SHOWN characters with a button showing the rest. */
function sentence(text: string): HTMLElement {
  const quote = el('blockquote', { class: 'sentence' });
  if (text.length <= SENTENCE_SHOWN) {
    quote.textContent = text;
    return quote;
  }
  const whole = el('button', { class: 'link small', text: 'whole sentence', attrs: { type: 'button' } });
  whole.addEventListener('click', () => quote.replaceChildren(text));
  quote.replaceChildren(`${text.slice(0, SENTENCE_SHOWN)}… `, whole);
  return quote;
}

function evidenceList(
  graph: KnowledgeGraph,
  evidence: Evidence[],
  actions: PanelActions,
  first = Number.POSITIVE_INFINITY,
): HTMLElement[] {
  const read = (e: Evidence) => {
    const b = el('button', {
      class: 'link small read',
      text: 'in the article',
      title: 'Read the sentence in its article',
      attrs: { type: 'button' },
    });
    b.addEventListener('click', () => actions.openEvidence(e));
    return b;
  };
  // Two quotes from one sentence are two facts but one piece of evidence: show it once.
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const id = `${e.article}\u0000${e.start}\u0000${e.end}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
  return pagedList(
    unique,
    (e) =>
      el('div', {}, [
        sentence(e.sentence),
        el('div', { class: 'source' }, ['— ', articleLine(graph, e.article), ' ', read(e)]),
      ]),
    { first, step: 10, className: 'evidence', noun: 'pieces of evidence' },
  );
}

/** Quotes, proposals, status and date of a relationship, then its evidence (the first `evidenceShown` pieces). */
function relationFacts(
  graph: KnowledgeGraph,
  a: RelationAttrs,
  actions: PanelActions,
  evidenceShown?: number,
): HTMLElement[] {
  const out: HTMLElement[] = [];
  const first = evidenceShown === undefined ? Number.POSITIVE_INFINITY : QUOTES_SHOWN;
  const quotes = a.quotes ?? (a.quote ? [a.quote] : []);
  if (quotes.length)
    out.push(
      ...pagedList(quotes, (q) => el('q', { class: 'quote', text: q }), {
        first,
        step: 10,
        className: 'quotes',
        noun: 'quotes',
      }),
    );
  const whats = a.whats ?? (a.what ? [a.what] : []);
  if (whats.length)
    out.push(
      ...pagedList(whats, (w) => el('div', { class: 'what', text: w }), {
        first,
        step: 10,
        className: 'whats',
        noun: 'proposals',
      }),
    );
  const meta = [a.status, a.date].filter(Boolean).join(' · ');
  if (meta) out.push(el('div', { class: 'muted', text: meta }));
  if (a.event && graph.hasNode(a.event)) {
    out.push(el('div', { class: 'muted', text: `event: ${graph.getNodeAttribute(a.event, 'name')}` }));
  }
  if (a.evidence.length) out.push(...evidenceList(graph, a.evidence, actions, evidenceShown));
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

/** Fills `root` with the node's name, label, aliases, relationships grouped by type, then its articles. */
export function renderNodePanel(root: HTMLElement, graph: KnowledgeGraph, key: string, actions: PanelActions): void {
  const a = graph.getNodeAttributes(key);
  const aliases = a.aliases.filter((s) => s !== a.name);
  const facts = [a.date ? `date: ${a.date}` : '', a.place ? `place: ${a.place}` : ''].filter(Boolean).join(' · ');
  const focusButton = (text: string, title: string, onClick: () => void, data: string) => {
    const b = el('button', { text, title, attrs: { type: 'button', 'data-focus': data } });
    b.addEventListener('click', onClick);
    return b;
  };
  const sections: HTMLElement[] = [
    header(a.name, actions, [
      badge(a.label, labelColor(a.label)),
      facts ? el('div', { class: 'muted', text: facts }) : null,
      el('div', { class: 'focus-buttons' }, [
        focusButton('Neighbours', 'Show only it and its neighbours', () => actions.focusOn(key, 1), '1'),
        focusButton('Two steps', 'Show also their neighbours', () => actions.focusOn(key, 2), '2'),
        focusButton(
          'Path to…',
          'Show a shortest chain of relationships to another node',
          () => actions.startPath(key),
          'path',
        ),
      ]),
    ]),
  ];
  if (aliases.length) {
    sections.push(
      el('section', { class: 'aliases' }, [el('h3', { text: 'Also written' }), el('p', { text: aliases.join(' · ') })]),
    );
  }
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
    // The counterparts with the most evidence first.
    edges.sort((x, y) => graph.getEdgeAttribute(y, 'evidence').length - graph.getEdgeAttribute(x, 'evidence').length);
    const relation = (edge: string): HTMLElement => {
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
      return el('div', { class: 'relation' }, [
        el('div', { class: 'rel-head' }, [outgoing ? '→ ' : '← ', nodeButton(graph, other, actions), ' ', show]),
        ...relationFacts(graph, e, actions, EVIDENCE_SHOWN),
      ]);
    };
    group.append(
      ...pagedList(edges, relation, {
        first: RELATIONS_PER_PAGE,
        step: RELATIONS_PER_PAGE,
        className: 'relation-list',
        noun: 'relationships',
      }),
    );
    rels.append(group);
  }
  sections.push(rels);
  // Collapsed: the list is made when first opened.
  const articles = el('details', { class: 'articles' }, [
    el('summary', {}, [el('h3', { text: `Articles (${a.articles.length})` })]),
  ]);
  articles.addEventListener(
    'toggle',
    () =>
      articles.append(
        ...pagedList(a.articles, (id) => articleLine(graph, id), {
          first: ARTICLES_PER_PAGE,
          step: ARTICLES_PER_PAGE,
          className: 'article-list',
          noun: 'articles',
        }),
      ),
    { once: true },
  );
  sections.push(articles);
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
    el('section', { class: 'relation' }, [el('h3', { text: 'Evidence' }), ...relationFacts(graph, a, actions)]),
  );
}
