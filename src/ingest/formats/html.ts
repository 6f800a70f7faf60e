/**
 * HTML (.html, .htm). Parsed with htmlparser2, never with regular expressions. Metadata
 * comes from `<meta>` (Open Graph, article:published_time, Dublin Core), JSON-LD and
 * `<time datetime>`; the text from `<article>` or `<main>` when the page has one, with
 * scripts, navigation, page header and footer, asides, forms and boilerplate blocks
 * (share bars, related links, newsletter boxes, marked by their class or id) removed.
 * Block elements become paragraph breaks; entities are decoded by the parser.
 */
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { ArticleDraft } from './types.js';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;
type Parent = HtmlDocument | HtmlElement;

const { getElementsByTagName, textContent, removeElement, getAttributeValue } = DomUtils;

/** Element guard (domhandler's `type` is 'tag', or 'script'/'style' for those two). */
const isTag = (n: HtmlNode): n is HtmlElement =>
  n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style;
const isText = (n: HtmlNode): n is Extract<HtmlNode, { data: string }> => n.type === ElementType.Text;

/** Elements that never hold article text. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'button',
  'input',
  'select',
  'textarea',
  'form',
  'nav',
  'aside',
  'dialog',
  'menu',
  'footer',
  'link',
  'meta',
]);
/** ARIA roles of page chrome. */
const DROP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
  'menu',
  'menubar',
  'toolbar',
]);
/** Elements that end a paragraph. */
const PARAGRAPH = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figcaption',
  'caption',
  'address',
  'summary',
  'hr',
  'table',
]);
/** Elements that end a line. */
const LINE = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'figure',
  'ul',
  'ol',
  'dl',
  'tr',
  'details',
  'center',
  'body',
  'br',
]);
const CELL = new Set(['td', 'th']);

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Report|Background|Review|Satirical)?(?:Article|NewsArticle|BlogPosting|LiveBlogPosting|Report)$/;

/** Metadata as the page states it. */
interface PageMeta {
  title?: string;
  headline?: string;
  date?: string;
  url?: string;
  source?: string;
}

const attr = (el: HtmlElement, name: string): string | undefined => getAttributeValue(el, name)?.trim() || undefined;

function readJsonLd(doc: HtmlDocument, meta: PageMeta): void {
  for (const script of getElementsByTagName('script', doc)) {
    if ((attr(script, 'type') ?? '').toLowerCase() !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse(textContent(script));
    } catch {
      continue; // broken JSON-LD is common; the page's other metadata still counts
    }
    const stack: unknown[] = [data];
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        stack.push(...(v as unknown[]));
        continue;
      }
      if (!v || typeof v !== 'object') continue;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) stack.push(...(o['@graph'] as unknown[]));
      const types = ([] as unknown[]).concat(o['@type'] ?? []);
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue;
      if (typeof o.headline === 'string') meta.headline ??= o.headline.trim();
      if (typeof o.datePublished === 'string') meta.date ??= o.datePublished;
      if (typeof o.url === 'string') meta.url ??= o.url;
      const pub = o.publisher as Record<string, unknown> | undefined;
      if (pub && typeof pub.name === 'string') meta.source ??= pub.name;
    }
  }
}

const META_TITLE = ['og:title', 'twitter:title', 'dc.title', 'dcterms.title'];
const META_DATE = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];
const META_URL = ['og:url', 'twitter:url'];
const META_SOURCE = ['og:site_name', 'application-name', 'dc.publisher', 'dcterms.publisher'];

function readMeta(doc: HtmlDocument): PageMeta {
  const found = new Map<string, string>();
  for (const el of getElementsByTagName('meta', doc)) {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop'))?.toLowerCase();
    const content = attr(el, 'content');
    if (key && content && !found.has(key)) found.set(key, content);
  }
  const first = (keys: string[]): string | undefined => keys.map((k) => found.get(k)).find((v) => v !== undefined);
  const meta: PageMeta = {};
  const title = first(META_TITLE);
  if (title) meta.title = title;
  const date = found.get('article:published_time') ?? found.get('og:article:published_time');
  if (date) meta.date = date;
  const canonical = getElementsByTagName('link', doc).find((l) =>
    (attr(l, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const url = (canonical && attr(canonical, 'href')) ?? first(META_URL);
  if (url) meta.url = url;
  const source = first(META_SOURCE);
  if (source) meta.source = source;
  readJsonLd(doc, meta);
  meta.date ??= first(META_DATE);
  if (!meta.date) {
    // Microdata and <time>: the first published date the page marks up.
    const marked = DomUtils.findOne(
      (el) =>
        attr(el, 'itemprop')?.toLowerCase() === 'datepublished' ||
        (el.name === 'time' && attr(el, 'datetime') !== undefined),
      doc.children,
      true,
    );
    const value = marked && (attr(marked, 'datetime') ?? attr(marked, 'content') ?? textContent(marked));
    if (value) meta.date = value;
  }
  if (!meta.title) {
    const t = DomUtils.findOne((el) => el.name === 'title', doc.children, true);
    if (t) {
      const whole = textContent(t).replace(/\s+/g, ' ').trim();
      // "Headline | Site" / "Headline - Site": the site's part goes.
      const parts = whole.split(/\s+[|–—·-]\s+/);
      const last = parts[parts.length - 1]!;
      const isSite = parts.length > 1 && (last === meta.source || last.split(/\s+/).length <= 4);
      const title = isSite ? parts.slice(0, -1).join(' - ') : whole;
      if (title) meta.title = title;
    }
  }
  return meta;
}

const textLength = (node: HtmlNode | HtmlDocument): number => textContent(node).replace(/\s+/g, ' ').length;

function classWords(el: HtmlElement): string[] {
  const raw = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase();
  return raw.length > 1
    ? raw
        .split(/[\s_]+|--/)
        .flatMap((w) => [w, ...w.split('-')])
        .filter((w) => w.length > 0)
    : [];
}

function isHidden(el: HtmlElement): boolean {
  if (el.attribs.hidden !== undefined) return true;
  if ((attr(el, 'aria-hidden') ?? '').toLowerCase() === 'true') return true;
  const style = (attr(el, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  return DROP_ROLES.has((attr(el, 'role') ?? '').toLowerCase());
}

/** Removes chrome from `root`. `keepHeader`: a `<header>` inside the article holds its headline. */
function prune(root: Parent, boilerplate: ReadonlySet<string>, rootText: number, keepHeader: boolean): void {
  for (const child of [...root.children]) {
    if (!isTag(child)) {
      if (child.type === ElementType.Comment || child.type === ElementType.Directive) removeElement(child);
      continue;
    }
    const name = child.name.toLowerCase();
    if (DROP_TAGS.has(name) || (name === 'header' && !keepHeader) || isHidden(child)) {
      removeElement(child);
      continue;
    }
    if (boilerplate.size > 0 && classWords(child).some((w) => boilerplate.has(w))) {
      // Never remove a block that holds the article itself (a layout wrapper named "with-sidebar").
      const holdsArticle = DomUtils.findOne(
        (e) => e.name === 'h1' || e.name === 'article' || e.name === 'main',
        child.children,
        true,
      );
      if (!holdsArticle && textLength(child) < rootText * 0.5) {
        removeElement(child);
        continue;
      }
    }
    prune(child, boilerplate, rootText, keepHeader);
  }
}

/** The element holding the article: the largest `<article>`, else `<main>`, else `<body>`. */
function pickRoot(doc: HtmlDocument): { root: Parent; semantic: boolean } {
  const body = DomUtils.findOne((e) => e.name === 'body', doc.children, true) ?? doc;
  const total = textLength(body);
  const candidates = [
    getElementsByTagName('article', doc),
    getElementsByTagName('main', doc),
    DomUtils.findAll((e) => (attr(e, 'role') ?? '').toLowerCase() === 'main', doc.children),
  ];
  for (const list of candidates) {
    let best: HtmlElement | undefined;
    let bestLen = 0;
    for (const el of list) {
      const len = textLength(el);
      if (len > bestLen) [best, bestLen] = [el, len];
    }
    // A page of teasers has small <article>s; one of them is not the page's article.
    if (best && bestLen >= total * 0.3) return { root: best, semantic: true };
  }
  return { root: body, semantic: false };
}

/** Text of `root`: block elements become line or paragraph breaks, runs of white space one space. */
function render(root: Parent): string {
  const out: string[] = [];
  const walk = (node: HtmlNode, pre: boolean): void => {
    if (isText(node)) {
      out.push(pre ? node.data : node.data.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (!isTag(node)) return;
    const name = node.name.toLowerCase();
    if (name === 'br') {
      out.push('\n');
      return;
    }
    const brk = PARAGRAPH.has(name) ? '\n\n' : LINE.has(name) ? '\n' : '';
    if (brk) out.push(brk);
    const inPre = pre || name === 'pre';
    for (const c of node.children) walk(c, inPre);
    if (brk) out.push(brk);
    else if (CELL.has(name)) out.push(' ');
  };
  for (const c of root.children) walk(c, false);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Reads an HTML page. Pure: no I/O. `boilerplateWords` are class/id words of blocks to drop
 * (from `data/furniture.json`); pass an empty set to keep every block.
 */
export function parseHtml(html: string, boilerplateWords: ReadonlySet<string> = new Set()): ArticleDraft {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const meta = readMeta(doc);
  // Scripts and styles go first, so that they do not count as text when choosing the root.
  for (const el of DomUtils.findAll(
    (e) => ['script', 'style', 'noscript', 'template', 'head'].includes(e.name),
    doc.children,
  )) {
    removeElement(el);
  }
  const { root, semantic } = pickRoot(doc);
  const h1 = DomUtils.findOne((e) => e.name === 'h1', 'children' in root ? root.children : [], true);
  prune(root, boilerplateWords, textLength(root), semantic);
  const text = render(root);
  const draft: ArticleDraft = { text };
  const h1Text = h1 ? textContent(h1).replace(/\s+/g, ' ').trim() : '';
  const title = h1Text || meta.title || meta.headline;
  if (title) draft.title = title;
  if (meta.date) draft.date = meta.date;
  if (meta.url) draft.url = meta.url;
  if (meta.source) draft.source = meta.source;
  return draft;
}

/** True when a string is an HTML document or fragment (used to sniff stdin and JSON text fields). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart();
  if (/^<(?:!doctype\s+html|html|head|body|article|main|section|div|p|meta|title|h[1-6])[\s>]/i.test(head)) return true;
  return head.startsWith('<') && /<\/(?:p|div|html|body|article|span|a)>/i.test(head);
}
