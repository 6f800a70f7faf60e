/**
 * The build pipeline: ingest → extract → resolve → graph. Articles stream through
 * one at a time; on larger inputs extraction moves to worker threads while the
 * main thread reads files and adds results to the graph in input order, so the
 * graph is the same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { extractArticle, prepareExtraction, type Extractor } from '../extract/index.js';
import { GraphBuilder, countByKind } from '../graph/index.js';
import { readArticles, type IngestOptions } from '../ingest/index.js';
import type { JudgementLine, JudgementProblem } from '../resolve/index.js';
import type { Article, Extraction, KnowledgeGraph } from '../types.js';
import type { ExtractionCache } from './cache.js';
import { ExtractionPool } from './pool.js';

export { createFileCache, extractionFingerprint, type ExtractionCache } from './cache.js';

export interface SkippedInput {
  path: string;
  reason: string;
}

export interface BuildProgress {
  articles: number;
  skipped: number;
  bytes: number;
  elapsedMs: number;
}

export interface BuildOptions {
  /** Extraction workers: a number (0 = all in the main thread) or `auto` (default). */
  workers?: number | 'auto';
  /** Extractors to run instead of the defaults; forces in-process extraction. */
  extractors?: readonly Extractor[];
  /** Options for reading inputs (size limit, …). */
  ingest?: IngestOptions;
  /** Called after every article or skipped input. */
  onProgress?: (progress: BuildProgress) => void;
  /** Called once for each input that could not be read or extracted. */
  onSkip?: (skipped: SkippedInput) => void;
  /** Called with each article read, in input order, with its text (e.g. to keep the texts: graph/article-texts.ts). */
  onArticle?: (article: Article) => void;
  /** The user's corrections to resolution, applied after it (resolve/judgements.ts). */
  judgements?: readonly JudgementLine[];
  /** Extractions kept from earlier builds (cache.ts); ignored with custom `extractors`. */
  cache?: ExtractionCache;
}

export interface BuildSummary {
  articles: number;
  skipped: SkippedInput[];
  /** UTF-8 bytes of article text extracted. */
  bytes: number;
  elapsedMs: number;
  workers: number;
  /** Articles whose extraction came from the cache. */
  cached: number;
  /** Judgements naming nodes the graph does not have; they were not applied. */
  judgementProblems: readonly JudgementProblem[];
  nodes: Record<string, number>;
  edges: Record<string, number>;
}

/** Below this many articles, worker start-up costs more than it saves. */
const WORKER_THRESHOLD = 24;
/** Articles in flight per worker: enough to keep workers busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_WORKER = 8;

function resolveWorkers(option: BuildOptions['workers']): number {
  if (typeof option === 'number') return Math.max(0, Math.floor(option));
  return Math.min(4, Math.max(1, availableParallelism()));
}

/**
 * Reads `inputs` (files, folders, `-` for stdin) and builds the knowledge graph.
 * Inputs that cannot be read are skipped and reported; they never stop the build.
 */
export async function buildGraph(
  inputs: readonly string[],
  options: BuildOptions = {},
): Promise<{ graph: KnowledgeGraph; summary: BuildSummary }> {
  const started = performance.now();
  const builder = new GraphBuilder(undefined, options.judgements);
  const skipped: SkippedInput[] = [];
  let articles = 0;
  let bytes = 0;
  const workerCount = options.extractors ? 0 : resolveWorkers(options.workers);
  const extract = (a: Article): Extraction => extractArticle(a, options.extractors);

  const progress = (): void =>
    options.onProgress?.({ articles, skipped: skipped.length, bytes, elapsedMs: performance.now() - started });
  const skip = (s: SkippedInput): void => {
    skipped.push(s);
    options.onSkip?.(s);
    progress();
  };
  const accept = (extraction: Extraction, size: number): void => {
    builder.add(extraction);
    articles++;
    bytes += size;
    progress();
  };
  const cache = options.extractors ? undefined : options.cache;
  let cached = 0;
  // Articles the cache gave back whole (ingest's `recall`), with their extractions.
  const recalled = new WeakMap<Article, Extraction>();
  const recall = (fileKey: string): Article | undefined => {
    const entry = cache?.recall(fileKey);
    if (entry) recalled.set(entry.article, entry.extraction);
    return entry?.article;
  };
  // Where each article still to extract was read from, for the cache entry that keeps it whole.
  const fileKeys = new WeakMap<Article, string>();
  const keep = (a: Article, extraction: Extraction): void => cache?.set(a, extraction, fileKeys.get(a));
  const extractHere = (a: Article): void => {
    try {
      const extraction = extract(a);
      keep(a, extraction);
      accept(extraction, Buffer.byteLength(a.text));
    } catch (err) {
      skip({ path: a.path, reason: `extraction failed: ${(err as Error).message}` });
    }
  };

  let pool: ExtractionPool | undefined;
  let seq = 0;
  // An article read: to extract, or extracted already (then its text is not kept).
  type Item = { article: Article; size: number } | { cached: Extraction; size: number };
  // Results join the graph in input order: a cached one waits behind the extractions still running.
  type Job = {
    path: string;
    size: number;
    article?: Article;
    result: Promise<{ extraction?: Extraction; error?: string }>;
  };
  const window: Job[] = [];
  // Before the pool starts: the articles to extract and the cached results between them.
  const waiting: Item[] = [];
  let toExtract = 0;
  const flushOldest = async (): Promise<void> => {
    const job = window.shift()!;
    const r = await job.result;
    if (!r.extraction) return skip({ path: job.path, reason: `extraction failed: ${r.error}` });
    if (job.article) keep(job.article, r.extraction);
    accept(r.extraction, job.size);
  };
  const dispatch = async (item: Item): Promise<void> => {
    if ('cached' in item)
      window.push({
        path: item.cached.article.path,
        size: item.size,
        result: Promise.resolve({ extraction: item.cached }),
      });
    else
      window.push({
        path: item.article.path,
        size: item.size,
        article: item.article,
        result: pool!.extract(seq++, item.article),
      });
    while (window.length >= workerCount * IN_FLIGHT_PER_WORKER) await flushOldest();
  };
  const handleHere = (item: Item): void => {
    if ('cached' in item) accept(item.cached, item.size);
    else extractHere(item.article);
  };

  let prepared = false;
  try {
    const ingest = cache ? { ...options.ingest, recall } : options.ingest;
    for await (const read of readArticles(inputs, ingest)) {
      if (read.kind === 'skipped') {
        skip({ path: read.path, reason: read.reason });
        continue;
      }
      options.onArticle?.(read.article);
      const size = Buffer.byteLength(read.article.text);
      // A file's article was looked up by its file key already; any other article by its content.
      const hit = read.fileKey === undefined ? cache?.get(read.article) : recalled.get(read.article);
      if (read.fileKey !== undefined && !hit) fileKeys.set(read.article, read.fileKey);
      if (hit) cached++;
      // The first article to extract loads what extraction reads from disk (the tagger's weights):
      // a broken installation stops the build with one error before anything is extracted.
      if (!hit && !prepared && !options.extractors) {
        prepareExtraction();
        prepared = true;
      }
      const item: Item = hit ? { cached: hit, size } : { article: read.article, size };
      if (workerCount === 0 || (!pool && waiting.length === 0 && hit)) {
        handleHere(item);
      } else if (pool) {
        await dispatch(item);
      } else {
        waiting.push(item);
        if (!hit) toExtract++;
        if (toExtract >= WORKER_THRESHOLD) {
          pool = new ExtractionPool(workerCount);
          for (const w of waiting.splice(0)) await dispatch(w);
        }
      }
    }
    while (window.length > 0) await flushOldest();
    for (const w of waiting.splice(0)) handleHere(w);
  } finally {
    await pool?.close();
  }

  const counts = countByKind(builder.graph);
  return {
    graph: builder.graph,
    summary: {
      articles,
      skipped,
      bytes,
      elapsedMs: performance.now() - started,
      workers: pool ? workerCount : 0,
      cached,
      judgementProblems: builder.judgementProblems,
      ...counts,
    },
  };
}
