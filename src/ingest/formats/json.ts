/**
 * JSON records: `{title?, text|body|content, date?, url?, source?, id?}`. A .json file holds
 * one record or an array of them; a .jsonl file one record a line (streamed by the reader,
 * each line parsed here). A text field holding HTML is read as HTML.
 */
import { looksLikeHtml, parseHtml } from './html.js';
import type { ArticleDraft } from './types.js';

/** Fields that may hold the article's text, in order of preference. */
export const TEXT_FIELDS = ['text', 'body', 'content'] as const;
const TITLE_FIELDS = ['title', 'headline'];
const DATE_FIELDS = ['date', 'published', 'published_at', 'publishedAt', 'published_time', 'datePublished', 'pubDate'];
const URL_FIELDS = ['url', 'link'];
const SOURCE_FIELDS = ['source', 'publisher', 'site'];

/** A record read: its draft and own id, or why it was skipped. */
export type RecordResult = { ok: true; draft: ArticleDraft; id?: string } | { ok: false; reason: string };

/** Node's JSON.parse messages, shortened to one line of reasonable length. */
export function jsonErrorReason(err: unknown): string {
  const msg = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return `invalid JSON (${msg.length > 100 ? `${msg.slice(0, 99)}…` : msg})`;
}

const firstString = (o: Record<string, unknown>, fields: readonly string[]): string | undefined => {
  for (const f of fields) {
    const v = o[f];
    if (typeof v === 'string' && v.trim().length > 0) return v.trim();
  }
  return undefined;
};

/** Reads one parsed JSON value as an article record. Pure. */
export function readRecord(value: unknown, boilerplateWords?: ReadonlySet<string>): RecordResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, reason: `not a record (expected a JSON object, got ${got})` };
  }
  const o = value as Record<string, unknown>;
  const field = TEXT_FIELDS.find((f) => f in o && o[f] !== null && o[f] !== undefined);
  if (field === undefined) return { ok: false, reason: 'no text field (expected text, body or content)' };
  const raw = o[field];
  if (typeof raw !== 'string') return { ok: false, reason: `"${field}" is not a string` };
  if (raw.trim().length === 0) return { ok: false, reason: `empty text field ("${field}")` };

  const draft: ArticleDraft = looksLikeHtml(raw) ? parseHtml(raw, boilerplateWords) : { text: raw };
  const title = firstString(o, TITLE_FIELDS);
  if (title) draft.title = title;
  const date = DATE_FIELDS.map((f) => o[f]).find(
    (v): v is string | number => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number',
  );
  if (date !== undefined) draft.date = String(date);
  const url = firstString(o, URL_FIELDS);
  if (url) draft.url = url;
  let source = firstString(o, SOURCE_FIELDS);
  if (!source) {
    // {"source": {"name": "…"}} as news APIs write it.
    const s = SOURCE_FIELDS.map((f) => o[f]).find(
      (v) => v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string',
    );
    if (s) source = (s as { name: string }).name.trim() || undefined;
  }
  if (source) draft.source = source;
  const id = o.id;
  const result: RecordResult = { ok: true, draft };
  if ((typeof id === 'string' && id.trim().length > 0) || (typeof id === 'number' && Number.isFinite(id)))
    result.id = String(id).trim();
  return result;
}

/** A .json file's records: one object, or an array of objects. */
export type DocumentResult = { ok: true; records: unknown[]; single: boolean } | { ok: false; reason: string };

/** Parses a whole .json file. Pure. */
export function parseJsonDocument(text: string): DocumentResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: jsonErrorReason(err) };
  }
  if (Array.isArray(value)) {
    return value.length > 0
      ? { ok: true, records: value, single: false }
      : { ok: false, reason: 'no records (empty JSON array)' };
  }
  if (value !== null && typeof value === 'object') return { ok: true, records: [value], single: true };
  return { ok: false, reason: 'not a JSON object or array of records' };
}

/** Parses one JSONL line. Pure. */
export function parseJsonLine(line: string, boilerplateWords?: ReadonlySet<string>): RecordResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { ok: false, reason: jsonErrorReason(err) };
  }
  return readRecord(value, boilerplateWords);
}
