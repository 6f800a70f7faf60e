/** `newsgraph build`: read articles, extract, write <out>/graph.json and print a summary. */
import { Command } from 'commander';
import { access, mkdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, relative } from 'node:path';
import { OutputError, PartialError, UsageError } from '../../errors.js';
import { ArticleTextsWriter, articleTextsPath, writeGraphFile } from '../../graph/index.js';
import { buildGraph, createFileCache, type BuildSummary } from '../../pipeline/index.js';
import type { ConnectionSettings } from '../../sinks/neo4j/index.js';
import {
  addConnectionOptions,
  givenConnectionFlags,
  resolveConnection,
  validateConnectionSettings,
  type ConnectionFlags,
} from '../connection.js';
import { exitCodesHelp } from '../exit.js';
import { createProgress } from '../progress.js';
import {
  defaultJudgementsPath,
  formatJudgementProblem,
  JUDGEMENTS_FILE_NAME,
  readJudgementsFile,
} from '../judgements.js';
import { formatPushSummary, pushWithProgress } from '../push-report.js';
import { checkWholeNumber, decimalNumber, defaultNote, examplesHelp, wholeNumber } from '../settings.js';

/** The flags as commander hands them over: strings as typed, undefined when not given. */
export interface BuildFlags extends ConnectionFlags {
  out: string;
  workers?: string;
  maxFileSize?: string;
  progress?: boolean;
  neo4j?: boolean;
  reset?: boolean;
  prune?: boolean;
  /** A path, or false for --no-judgements. */
  judgements?: string | false;
  /** A folder, or false for --no-cache. */
  cache?: string | false;
}

/** What `newsgraph build` runs with. */
export interface BuildSettings {
  inputs: string[];
  out: string;
  workers: number | 'auto';
  maxFileSizeMB: number;
  progress: boolean;
  neo4j: boolean;
  reset: boolean;
  prune: boolean;
  /** The judgements file named with --judgements, false for --no-judgements, undefined for the default one. */
  judgements: string | false | undefined;
  /** Where extractions are kept between builds, or false for none. */
  cache: string | false;
  connection: ConnectionSettings;
  /** The connection flags typed on the command line: they mean nothing without --neo4j. */
  connectionFlags: readonly string[];
}

export const DEFAULT_BUILD_SETTINGS: Readonly<
  Pick<BuildSettings, 'workers' | 'maxFileSizeMB' | 'progress' | 'neo4j' | 'reset' | 'prune'>
> = Object.freeze({
  workers: 'auto',
  maxFileSizeMB: 50,
  progress: true,
  neo4j: false,
  reset: false,
  prune: false,
});

/** The extraction cache's folder inside --out, unless --cache names another. */
export const DEFAULT_CACHE_FOLDER = 'cache';

/** Most worker threads `--workers` accepts. */
const MAX_WORKERS = 64;

/** Flags over environment over DEFAULT_BUILD_SETTINGS; see validateBuildSettings. */
export function resolveBuildSettings(
  inputs: string[],
  flags: BuildFlags,
  env: NodeJS.ProcessEnv = process.env,
): BuildSettings {
  const d = DEFAULT_BUILD_SETTINGS;
  return {
    inputs,
    out: flags.out,
    workers:
      flags.workers === undefined
        ? d.workers
        : flags.workers.trim() === 'auto'
          ? 'auto'
          : wholeNumber(flags.workers, NaN),
    maxFileSizeMB: decimalNumber(flags.maxFileSize, d.maxFileSizeMB),
    progress: flags.progress ?? d.progress,
    neo4j: flags.neo4j ?? d.neo4j,
    reset: flags.reset ?? d.reset,
    prune: flags.prune ?? d.prune,
    judgements: flags.judgements,
    cache: flags.cache ?? join(flags.out, DEFAULT_CACHE_FOLDER),
    connection: resolveConnection(flags, env),
    connectionFlags: givenConnectionFlags(flags),
  };
}

/** Throws a UsageError naming the first flag that is wrong. */
export function validateBuildSettings(s: BuildSettings): void {
  if (s.workers !== 'auto') checkWholeNumber('build', '--workers', s.workers, 0, MAX_WORKERS, { or: '"auto"' });
  if (!(s.maxFileSizeMB > 0)) throw new UsageError('build: --max-file-size must be a positive number of megabytes.');
  if (!s.neo4j) {
    const stray = [...(s.reset ? ['--reset'] : []), ...(s.prune ? ['--prune'] : []), ...s.connectionFlags];
    if (stray.length) {
      throw new UsageError(
        `build: ${stray.join(', ')} only ${stray.length > 1 ? 'apply' : 'applies'} with --neo4j. Add --neo4j to push the graph too.`,
      );
    }
  } else validateConnectionSettings(s.connection);
}

/** Makes sure `dir` exists and is writable before any work starts. */
async function prepareOutDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new OutputError(`build: --out ${dir} is a file. Expected a folder to write graph.json into.`);
  }
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (err) {
    throw new OutputError(
      `build: cannot write to --out ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`,
      {
        cause: err,
      },
    );
  }
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(bytes < 1e5 ? 3 : 1);

/** The one-screen summary printed on stderr at the end of a build. */
export function formatSummary(summary: BuildSummary, graphPath: string): string {
  const seconds = summary.elapsedMs / 1000;
  const rate = seconds > 0 ? summary.bytes / 1e6 / seconds : 0;
  const kinds = (r: Record<string, number>): string =>
    Object.entries(r)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const total = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  const lines = [
    `newsgraph build: ${summary.articles} article${summary.articles === 1 ? '' : 's'} read, ${summary.skipped.length} skipped`,
    `  text    ${mb(summary.bytes)} MB in ${seconds.toFixed(2)} s (${rate.toFixed(2)} MB/s, ${summary.workers || 'no'} worker thread${summary.workers === 1 ? '' : 's'})`,
    `  nodes   ${total(summary.nodes)}: ${kinds(summary.nodes)}`,
    `  edges   ${total(summary.edges)}: ${kinds(summary.edges)}`,
  ];
  if (summary.cached > 0) lines.push(`  cache   ${summary.cached} of ${summary.articles} articles' extractions reused`);
  if (summary.skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const s of summary.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5);
    lines.push(`  skipped ${top.map(([r, n]) => `${n} × ${r}`).join('; ')}`);
  }
  lines.push(`  wrote   ${graphPath}`);
  return lines.join('\n');
}

export function buildCommand(): Command {
  const d = DEFAULT_BUILD_SETTINGS;
  const command = new Command('build')
    .description('Read articles (.txt .md .html .json .jsonl, folders, - for stdin) and write <out>/graph.json')
    .argument('<inputs...>', 'files, folders (read recursively) or - for stdin')
    .requiredOption('-o, --out <dir>', 'folder to write graph.json into (created if missing)')
    .option('-w, --workers <n>', `extraction worker threads: a number, 0 for none, or auto${defaultNote(d.workers)}`)
    .option('--max-file-size <MB>', `skip files larger than this many megabytes${defaultNote(d.maxFileSizeMB)}`)
    .option('--no-progress', 'do not show the progress line on a terminal')
    .option('--neo4j', 'also push the graph to Neo4j (connection flags as for push)')
    .option('--reset', 'with --neo4j: delete what newsgraph wrote before loading')
    .option(
      '--prune',
      'with --neo4j: remove what the database holds from these articles that this build no longer finds',
    )
    .option(
      '--judgements <file>',
      `corrections to apply after resolution (default: ${JUDGEMENTS_FILE_NAME} in the first input folder, if present; see newsgraph judge)`,
    )
    .option('--no-judgements', 'ignore the judgements file')
    .option(
      '--cache <dir>',
      `keep each article's extraction here and reuse it while the article and extractors are unchanged (default: <out>/${DEFAULT_CACHE_FOLDER})`,
    )
    .option('--no-cache', 'extract every article again and keep nothing');
  addConnectionOptions(command)
    .addHelpText(
      'after',
      examplesHelp(
        [
          'newsgraph build examples/articles --out out/demo',
          'newsgraph build news/ extra.html --out out/news --workers 0',
          'cat article.md | newsgraph build - --out out/one',
          'newsgraph build news/ --out out/news --neo4j --reset',
          'newsgraph build news/ --out out/news --judgements reviewed.jsonl',
        ],
        exitCodesHelp(['OK', 'PARTIAL', 'USAGE', 'QUERY', 'CONNECTION']),
      ),
    )
    .action(async (inputs: string[], flags: BuildFlags) => {
      const settings = resolveBuildSettings(inputs, flags);
      validateBuildSettings(settings);
      await prepareOutDir(settings.out);
      const judgementsPath =
        settings.judgements === false
          ? undefined
          : (settings.judgements ?? (await defaultJudgementsPath(settings.inputs)));
      const judged = judgementsPath
        ? await readJudgementsFile(judgementsPath, typeof settings.judgements === 'string')
        : { judgements: [], problems: [] };
      const progress = settings.progress ? createProgress('building') : undefined;
      const cache = settings.cache === false ? undefined : createFileCache(settings.cache);
      const graphPath = join(settings.out, 'graph.json');
      const texts = new ArticleTextsWriter(articleTextsPath(graphPath));
      const { graph, summary } = await buildGraph(settings.inputs, {
        onArticle: (article) => texts.add(article),
        judgements: judged.judgements,
        ...(cache ? { cache } : {}),
        workers: settings.workers,
        ingest: { maxFileBytes: Math.round(settings.maxFileSizeMB * 1024 * 1024) },
        onProgress: (p) => progress?.update(`${p.articles} articles, ${mb(p.bytes)} MB, ${p.skipped} skipped`),
        onSkip: (s) => progress?.log(`newsgraph: skipped ${s.path}: ${s.reason}`),
      });
      progress?.stop();
      if (summary.articles === 0) {
        texts.abandon();
        // Keep whatever an earlier build wrote rather than replacing it with an empty graph.
        process.stderr.write(`${formatSummary(summary, '(nothing: no article could be read)')}\n`);
        throw new PartialError('build: no article could be read.');
      }
      await writeGraphFile(graphPath, graph);
      texts.finish();
      if (cache?.problem) process.stderr.write(`newsgraph: ${cache.problem}; extractions were not kept.\n`);
      const shown = relative(process.cwd(), graphPath) || graphPath;
      process.stderr.write(`${formatSummary(summary, shown.startsWith('..') ? graphPath : shown)}\n`);
      if (settings.neo4j) {
        const pushed = await pushWithProgress(graph, {
          ...settings.connection,
          reset: settings.reset,
          prune: settings.prune,
        });
        process.stderr.write(`${formatPushSummary(graphPath, pushed)}\n`);
      }
      const problems = [...judged.problems, ...summary.judgementProblems].sort((a, b) => a.line - b.line);
      for (const p of problems) process.stderr.write(`newsgraph: ${formatJudgementProblem(judgementsPath!, p)}\n`);
      const applied = judged.judgements.length - summary.judgementProblems.length;
      if (judgementsPath && (applied > 0 || problems.length > 0))
        process.stderr.write(
          `  judged  ${applied} judgement${applied === 1 ? '' : 's'} applied from ${judgementsPath}\n`,
        );
      if (summary.skipped.length > 0 || problems.length > 0) {
        const parts = [
          ...(summary.skipped.length ? [`${summary.skipped.length} inputs skipped`] : []),
          ...(problems.length ? [`${problems.length} judgements not applied`] : []),
        ];
        throw new PartialError(`build: ${parts.join(', ')}.`);
      }
    });
  return command;
}
