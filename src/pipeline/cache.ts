/**
 * The extraction cache: each article's extraction kept on disk under a hash of the article (its
 * text and metadata) and of everything that decides what extraction makes of it (the ingest and
 * extract stages' code, the furniture rules and the lexicons). A rebuild reuses what it finds and
 * extracts only new or changed articles; resolution then runs over the whole corpus again, so the
 * graph is the same as without the cache. An article that is a whole file is kept with its text
 * under the key of the file's bytes (ingest's `fileKey`), so a rebuild neither extracts nor cleans
 * it again. Entries are written whole (to a temporary name, then renamed) or not at all.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Extraction } from '../types.js';

export interface ExtractionCache {
  /** The cached extraction of `article`, if any. */
  get(article: Article): Extraction | undefined;
  /** The article read from the file of `fileKey`, and its extraction, if kept. */
  recall(fileKey: string): { article: Article; extraction: Extraction } | undefined;
  /**
   * Keeps `extraction` for `article`, and the article itself when `fileKey` names the file it was
   * read from; a failure to write only disables the cache.
   */
  set(article: Article, extraction: Extraction, fileKey?: string): void;
  readonly hits: number;
  readonly misses: number;
  /** Why the cache stopped writing, once it did. */
  readonly problem: string | undefined;
}

/** Every file below `dir` whose name ends with one of `extensions`, in a stable order. */
function filesBelow(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(path, extensions));
    else if (extensions.some((e) => entry.name.endsWith(e))) out.push(path);
  }
  return out;
}

/**
 * A hash of what an entry depends on besides the article or file: the ingest and extract stages'
 * modules (compiled or, under tsx, source), the furniture rules, the lexicons and the tagger's
 * weights. Any change to one of them makes every entry stale.
 */
export function extractionFingerprint(): string {
  const hash = createHash('sha256');
  const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
  for (const [root, extensions] of [
    [here('../ingest/'), ['.js', '.ts']],
    [here('../extract/'), ['.js', '.ts']],
    [here('../../data/'), ['.json', '.bin']],
  ] as const) {
    for (const file of filesBelow(root, extensions)) hash.update(relative(root, file)).update(readFileSync(file));
  }
  // Weights named by NEWSGRAPH_NER_MODEL instead of the shipped ones (a missing file fails the build itself).
  const model = process.env.NEWSGRAPH_NER_MODEL;
  if (model && existsSync(model)) hash.update(readFileSync(model));
  return hash.digest('hex');
}

/** The layout of an entry: a change makes every older entry unreachable instead of misread. */
const ENTRY_FORMAT = 'ascii-json-1';

/**
 * `value` as JSON with every character outside ASCII escaped (`\u2019`): the same value, read back
 * with a one-byte decoding instead of UTF-8, which on a rebuild costs half as much to read and parse.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A cache in folder `dir` (created when first written). */
export function createFileCache(dir: string, fingerprint = extractionFingerprint()): ExtractionCache {
  let hits = 0;
  let misses = 0;
  let problem: string | undefined;
  const pathOf = (key: string): string => {
    const hash = createHash('sha256').update(ENTRY_FORMAT).update(fingerprint).update(key).digest('hex');
    return join(dir, hash.slice(0, 2), `${hash}.json`);
  };
  const articleKey = (article: Article): string => JSON.stringify(article);
  const read = <T>(key: string): T | undefined => {
    try {
      const bytes = readFileSync(pathOf(key));
      // Entries are ASCII (asciiJson); anything else was not written by this cache.
      if (!isAscii(bytes)) throw new Error('not an entry');
      const value = JSON.parse(bytes.toString('latin1')) as T;
      hits++;
      return value;
    } catch {
      // Missing, or left unreadable by something else: extract again.
      misses++;
      return undefined;
    }
  };
  return {
    get: (article) => read<Extraction>(articleKey(article)),
    recall: (fileKey) => read<{ article: Article; extraction: Extraction }>(`file:${fileKey}`),
    set(article, extraction, fileKey) {
      if (problem) return;
      const path = pathOf(fileKey === undefined ? articleKey(article) : `file:${fileKey}`);
      try {
        mkdirSync(join(path, '..'), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, asciiJson(fileKey === undefined ? extraction : { article, extraction }));
        renameSync(temporary, path);
      } catch (err) {
        problem = `cannot write the extraction cache in ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      }
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get problem() {
      return problem;
    },
  };
}
