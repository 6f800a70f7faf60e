/**
 * The build pipeline: ingest → extract → resolve → graph. Articles stream through
 * one at a time; on larger inputs extraction moves to worker threads while the
 * main thread reads files and adds results to the graph in input order, so the
 * graph is the same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { extractArticle, type Extractor } from '../extract/index.js';
import { GraphBuilder, countByKind } from '../graph/index.js';
import { readArticles, type IngestOptions } from '../ingest/index.js';
import type { JudgementLine, JudgementProblem } from '../resolve/index.js';
import type { Article, Extraction, KnowledgeGraph } from '../types.js';
import { ExtractionPool } from './pool.js';

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
  /** The user's corrections to resolution, applied after it (resolve/judgements.ts). */
  judgements?: readonly JudgementLine[];
}

export interface BuildSummary {
  articles: number;
  skipped: SkippedInput[];
  /** UTF-8 bytes of article text extracted. */
  bytes: number;
  elapsedMs: number;
  workers: number;
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
  const extractHere = (a: Article): void => {
    try {
      accept(extract(a), Buffer.byteLength(a.text));
    } catch (err) {
      skip({ path: a.path, reason: `extraction failed: ${(err as Error).message}` });
    }
  };

  let pool: ExtractionPool | undefined;
  let seq = 0;
  const window: { path: string; size: number; result: ReturnType<ExtractionPool['extract']> }[] = [];
  const waiting: Article[] = [];
  const flushOldest = async (): Promise<void> => {
    const job = window.shift()!;
    const r = await job.result;
    if (r.extraction) accept(r.extraction, job.size);
    else skip({ path: job.path, reason: `extraction failed: ${r.error}` });
  };
  const dispatch = async (a: Article): Promise<void> => {
    window.push({ path: a.path, size: Buffer.byteLength(a.text), result: pool!.extract(seq++, a) });
    while (window.length >= workerCount * IN_FLIGHT_PER_WORKER) await flushOldest();
  };

  try {
    for await (const item of readArticles(inputs, options.ingest)) {
      if (item.kind === 'skipped') {
        skip({ path: item.path, reason: item.reason });
        continue;
      }
      if (workerCount === 0) {
        extractHere(item.article);
      } else if (pool) {
        await dispatch(item.article);
      } else {
        waiting.push(item.article);
        if (waiting.length >= WORKER_THRESHOLD) {
          pool = new ExtractionPool(workerCount);
          for (const a of waiting.splice(0)) await dispatch(a);
        }
      }
    }
    while (window.length > 0) await flushOldest();
    for (const a of waiting.splice(0)) extractHere(a);
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
      judgementProblems: builder.judgementProblems,
      ...counts,
    },
  };
}
