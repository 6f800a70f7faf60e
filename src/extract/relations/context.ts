/**
 * Per-article lookups shared by the relation extractors: sentence at an offset,
 * mentions inside a span (binary search over the sorted mentions), evidence records,
 * and the article-level analysis (quotes, masked text, frame tokens) that several
 * extractors reuse.
 */
import type { Opening } from './groups.js';
import type { ArticleRelation, EntityLabel, Evidence, Sentence } from '../../types.js';
import type { EntityMention, ExtractionContext } from '../types.js';
import type { Token } from '../tokens.js';
import { firstStartingFrom, lastStartingAtOrBefore } from '../../util/search.js';
import { findQuotes, maskQuotes, splitParagraphs, type Paragraph, type Quote } from './quotes.js';

/** Labels that can say, meet, propose or reject. */
export const ACTOR_LABELS: ReadonlySet<EntityLabel> = new Set(['Person', 'Organization', 'Country']);

export interface Analysis {
  ctx: ExtractionContext;
  text: string;
  /** `text` with quoted words replaced by `_`. */
  masked: string;
  paragraphs: Paragraph[];
  quotes: Quote[];
  /** Mentions that are not inside quoted words. */
  frameMentions: EntityMention[];
  /** Words of the text, quoted words included. */
  rawTokens: Token[];
  /** Words outside quotes (the frame). */
  tokens: Token[];
  /** Number of mentions when computed: a context whose mentions changed is analysed again. */
  mentionCount: number;
  /** Lazily filled by the modules that need them. */
  memo: {
    titles?: Map<string, Set<string>>;
    subjects?: Map<number, string | null>;
    ranking?: string[];
    openings?: Map<number, Opening>;
    /** The parties of each meeting found, by the start of its sentence, in reading order (meetings.ts). */
    meetings?: { at: number; actors: string[] }[];
    turnSpeakers?: Map<string, string | undefined>;
    attributions?: unknown;
  };
}

const ANALYSIS = Symbol('relation analysis');

/** The analysis of `ctx`'s article, computed once per context (and again if its mentions change). */
export function analyse(ctx: ExtractionContext): Analysis {
  const known = ctx.derived.get(ANALYSIS) as Analysis | undefined;
  if (known && known.mentionCount === ctx.mentions.length) return known;
  const text = ctx.article.text;
  // The sentence extractor tokenizes; a context that skipped it would silently yield no relation.
  if (ctx.tokens.length === 0 && /[\p{L}\p{N}]/u.test(text))
    throw new Error('relations: the context has no tokens; run the sentence extractor (sentenceExtractor.run) first');
  const paragraphs = splitParagraphs(text);
  const quotes = findQuotes(text, paragraphs);
  const masked = maskQuotes(text, quotes);
  const frameMentions = ctx.mentions.filter((m) => masked[m.start] !== '_');
  const rawTokens = ctx.tokens;
  const tokens = quotes.length ? rawTokens.filter((t) => masked[t.start] !== '_') : rawTokens;
  const analysis: Analysis = {
    ctx,
    text,
    masked,
    paragraphs,
    quotes,
    frameMentions,
    rawTokens,
    tokens,
    mentionCount: ctx.mentions.length,
    memo: {},
  };
  ctx.derived.set(ANALYSIS, analysis);
  return analysis;
}

/** Mentions lying entirely within [from, to). */
export function mentionsIn(list: readonly EntityMention[], from: number, to: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = firstStartingFrom(list, from); i < list.length && list[i]!.start < to; i++) {
    if (list[i]!.end <= to) out.push(list[i]!);
  }
  return out;
}

/** The sentence containing `offset` (or the last one starting before it). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  return sentences[lastStartingAtOrBefore(sentences, offset)];
}

/** Evidence for the sentence containing `offset`. */
export function evidenceAt(ctx: ExtractionContext, offset: number): Evidence {
  const s = sentenceAt(ctx.sentences, offset);
  if (!s) return { article: ctx.article.id, sentence: '', start: offset, end: offset };
  return { article: ctx.article.id, sentence: s.text, start: s.start, end: s.end };
}

/** Adds `rel` unless the same (type, source, target, quote/what, sentence) is already there. */
export function pushRelation(ctx: ExtractionContext, rel: ArticleRelation): void {
  if (rel.source === rel.target) return;
  const dup = ctx.relations.some(
    (r) =>
      r.type === rel.type &&
      r.source === rel.source &&
      r.target === rel.target &&
      r.quote === rel.quote &&
      r.what === rel.what &&
      r.evidence.start === rel.evidence.start,
  );
  if (!dup) ctx.relations.push(rel.date || !ctx.article.date ? rel : { ...rel, date: ctx.article.date });
}
