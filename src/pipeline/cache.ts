/**
 * The extraction cache: each article's extraction kept on disk under a hash of the article (its
 * text and metadata) and of everything that decides what extraction makes of it (the extract
 * stage's code and the lexicons). A rebuild reuses what it finds and extracts only new or changed
 * articles; resolution then runs over the whole corpus again, so the graph is the same as without
 * the cache. Entries are written whole (to a temporary name, then renamed) or not at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Extraction } from '../types.js';

export interface ExtractionCache {
  /** The cached extraction of `article`, if any. */
  get(article: Article): Extraction | undefined;
  /** Keeps `extraction` for `article`; a failure to write only disables the cache. */
  set(article: Article, extraction: Extraction): void;
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
 * A hash of what extraction depends on besides the article: the extract stage's modules (compiled
 * or, under tsx, source) and the lexicons. Any change to either makes every entry stale.
 */
export function extractionFingerprint(): string {
  const hash = createHash('sha256');
  const extractDir = fileURLToPath(new URL('../extract/', import.meta.url));
  const lexicons = fileURLToPath(new URL('../../data/lexicons/', import.meta.url));
  for (const [root, extensions] of [
    [extractDir, ['.js', '.ts']],
    [lexicons, ['.json']],
  ] as const) {
    for (const file of filesBelow(root, extensions)) hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** A cache in folder `dir` (created when first written). */
export function createFileCache(dir: string, fingerprint = extractionFingerprint()): ExtractionCache {
  let hits = 0;
  let misses = 0;
  let problem: string | undefined;
  const pathOf = (article: Article): string => {
    const key = createHash('sha256').update(fingerprint).update(JSON.stringify(article)).digest('hex');
    return join(dir, key.slice(0, 2), `${key}.json`);
  };
  return {
    get(article) {
      try {
        const extraction = JSON.parse(readFileSync(pathOf(article), 'utf8')) as Extraction;
        hits++;
        return extraction;
      } catch {
        // Missing, or left unreadable by something else: extract again.
        misses++;
        return undefined;
      }
    },
    set(article, extraction) {
      if (problem) return;
      const path = pathOf(article);
      try {
        mkdirSync(join(path, '..'), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(extraction));
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
