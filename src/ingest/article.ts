/**
 * Draft → Article: the steps every format shares. Normalise white space, read the
 * dateline, remove furniture, settle the title (kept as the first paragraph) and the date.
 */
import type { Article } from '../types.js';
import { dateFromFileName, findDateline, normalizeDate } from './dates.js';
import { normalizeText } from './decode.js';
import type { ArticleDraft } from './formats/types.js';
import { removeFurniture, type FurnitureRules } from './furniture.js';
import { detectTitle, withTitleFirst } from './title.js';

/** Where a draft came from. */
export interface ArticleContext {
  id: string;
  path: string;
  /** File name, for a date it may start with. */
  fileName?: string;
  /** Furniture rules; undefined keeps the text as read. */
  rules?: FurnitureRules;
}

/** The finished article, or the reason there is none (nothing left once cleaned). */
export type FinishResult = { ok: true; article: Article } | { ok: false; reason: string };

const oneLine = (s: string | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

/** Turns a format reader's draft into an Article, or says why there is no article. */
export function finishArticle(draft: ArticleDraft, ctx: ArticleContext, emptyReason = 'empty file'): FinishResult {
  let text = normalizeText(draft.text);
  if (text.length === 0) return { ok: false, reason: emptyReason };
  const dateline = draft.date ? undefined : findDateline(text);
  if (ctx.rules) {
    text = removeFurniture(text, ctx.rules);
    if (text.length === 0) return { ok: false, reason: 'no article text (only page furniture)' };
  }
  const title = oneLine(draft.title) ?? detectTitle(text);
  text = withTitleFirst(text, title);
  const date = normalizeDate(draft.date) ?? dateline ?? (ctx.fileName ? dateFromFileName(ctx.fileName) : undefined);

  const url = oneLine(draft.url);
  const source = oneLine(draft.source);
  // Key order as in the Article type, text last, so JSON output reads well.
  const article: Article = {
    id: ctx.id,
    path: ctx.path,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(source ? { source } : {}),
    text,
  };
  return { ok: true, article };
}
