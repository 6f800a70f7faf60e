/**
 * The reader: an evidence opened on its article, the sentence highlighted and the graph's entities
 * marked in the text. The texts come from article-text.js, loaded the first time a reader opens
 * (a script, not a fetch, so it works from file://); without it, the reader says so and shows the
 * sentence alone. Text goes in as text nodes only (dom.ts).
 */
import type { Evidence, KnowledgeGraph } from '../../../types.js';
import { TEXTS_GLOBAL, VIEWER_FILES, type ArticleTextsPayload } from '../payload.js';
import { byId, el } from './dom.js';
import { labelColor } from './palette.js';

declare global {
  interface Window {
    [TEXTS_GLOBAL]?: ArticleTextsPayload;
  }
}

let loading: Promise<ArticleTextsPayload | undefined> | undefined;

/** The texts, loading article-text.js once; undefined when the explorer has none. */
function loadTexts(): Promise<ArticleTextsPayload | undefined> {
  loading ??= new Promise((resolve) => {
    if (window[TEXTS_GLOBAL]) return resolve(window[TEXTS_GLOBAL]);
    const script = document.createElement('script');
    script.src = VIEWER_FILES.texts;
    script.onload = () => resolve(window[TEXTS_GLOBAL]);
    script.onerror = () => resolve(undefined);
    document.head.append(script);
  });
  return loading;
}

/** `text[from, to)` with the mentions inside it as marked spans. */
function withMentions(
  graph: KnowledgeGraph,
  text: string,
  from: number,
  to: number,
  mentions: readonly [number, number, string][],
  onEntity: (key: string) => void,
): Node[] {
  const out: Node[] = [];
  let at = from;
  for (const [start, end, key] of mentions) {
    // Mentions overlapping one already marked, or crossing the range's edges, stay plain text.
    if (start < at || end > to || !graph.hasNode(key)) continue;
    if (start > at) out.push(document.createTextNode(text.slice(at, start)));
    const mark = el('button', {
      class: 'mention',
      text: text.slice(start, end),
      title: graph.getNodeAttribute(key, 'name'),
      attrs: { type: 'button', 'data-node': key },
    });
    mark.style.borderBottomColor = labelColor(graph.getNodeAttribute(key, 'label'));
    mark.addEventListener('click', () => onEntity(key));
    out.push(mark);
    at = end;
  }
  if (at < to) out.push(document.createTextNode(text.slice(at, to)));
  return out;
}

export interface Reader {
  open(evidence: Evidence): Promise<void>;
  close(): void;
  readonly isOpen: boolean;
}

/** The reader in `#reader`; `onEntity` is called when a marked entity is clicked. */
export function createReader(graph: KnowledgeGraph, onEntity: (key: string) => void): Reader {
  const root = byId('reader');
  const close = () => {
    root.hidden = true;
    root.replaceChildren();
  };
  return {
    get isOpen() {
      return !root.hidden;
    },
    close,
    async open(evidence) {
      const texts = await loadTexts();
      const meta = graph.getAttribute('articles')[evidence.article];
      const closeButton = el('button', {
        class: 'close',
        text: '×',
        title: 'Close (Escape)',
        attrs: { type: 'button', 'aria-label': 'Close the article' },
      });
      closeButton.addEventListener('click', close);
      const heading = [meta?.title || evidence.article, meta?.date, meta?.source].filter(Boolean).join(' · ');
      const body = el('div', { class: 'reader-text' });
      const article = texts?.[evidence.article];
      if (!article || article.text.slice(evidence.start, evidence.end) !== evidence.sentence) {
        body.append(
          el('p', {
            class: 'muted',
            text: article
              ? "This article's text has changed since the graph was built; here is the sentence alone."
              : "This explorer does not include the article's text (build keeps it in articles.jsonl beside graph.json; export --format html includes it unless --no-text). Here is the sentence alone.",
          }),
          el('mark', { class: 'evidence-sentence', text: evidence.sentence }),
        );
      } else {
        const pick = (key: string) => {
          close();
          onEntity(key);
        };
        const { text, mentions } = article;
        const sentence = el('mark', { class: 'evidence-sentence' });
        sentence.append(...withMentions(graph, text, evidence.start, evidence.end, mentions, pick));
        body.append(
          ...withMentions(graph, text, 0, evidence.start, mentions, pick),
          sentence,
          ...withMentions(graph, text, evidence.end, text.length, mentions, pick),
        );
      }
      root.replaceChildren(el('header', {}, [closeButton, el('h2', { text: heading })]), body);
      root.hidden = false;
      root.querySelector('mark')?.scrollIntoView({ block: 'center' });
    },
  };
}
