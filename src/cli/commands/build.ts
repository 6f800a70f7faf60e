/** `newsgraph build`: read articles, extract, write <out>/graph.json and print a summary. */
import { Command, InvalidArgumentError } from 'commander';
import { access, mkdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, relative } from 'node:path';
import { OutputError } from '../../errors.js';
import { writeGraphFile } from '../../graph/serialize.js';
import { buildGraph, type BuildSummary } from '../../pipeline/index.js';
import { pushToNeo4j } from '../../sinks/neo4j/index.js';
import { addConnectionOptions, resolveConnection, type ConnectionFlags } from '../connection.js';
import { EXIT, ExitRequest } from '../exit.js';
import { createProgress } from '../progress.js';
import { formatPushSummary, progressBar } from './push.js';

interface BuildFlags extends ConnectionFlags {
  out: string;
  neo4j?: boolean;
  reset?: boolean;
  workers: number | 'auto';
  maxFileSize: number;
  progress: boolean;
}

function parseWorkers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError('Expecting "auto" or a whole number from 0 to 64.');
  return n;
}

function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Expecting a positive number of megabytes.');
  return n;
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
  const command = new Command('build')
    .description('Read articles (.txt .md .html .json .jsonl, folders, - for stdin) and write <out>/graph.json')
    .argument('<inputs...>', 'files, folders (read recursively) or - for stdin')
    .requiredOption('-o, --out <dir>', 'folder to write graph.json into (created if missing)')
    .option('-w, --workers <n>', 'extraction worker threads: a number, 0 for none, or auto', parseWorkers, 'auto')
    .option('--max-file-size <MB>', 'skip files larger than this many megabytes', parseMegabytes, 50)
    .option('--no-progress', 'do not show the progress line on a terminal')
    .option('--neo4j', 'also push the graph to Neo4j (connection flags as for push)')
    .option('--reset', 'with --neo4j: delete what newsgraph wrote before loading')
    .addHelpText(
      'after',
      '\nExit codes: 0 every input read, 1 some inputs skipped (each named on stderr), 2 usage error.\n' +
        'Example: newsgraph build examples/articles --out out/demo',
    )
    .action(async (inputs: string[], flags: BuildFlags) => {
      await prepareOutDir(flags.out);
      const progress = flags.progress ? createProgress('building') : undefined;
      const { graph, summary } = await buildGraph(inputs, {
        workers: flags.workers,
        ingest: { maxFileBytes: Math.round(flags.maxFileSize * 1024 * 1024) },
        onProgress: (p) => progress?.update(`${p.articles} articles, ${mb(p.bytes)} MB, ${p.skipped} skipped`),
        onSkip: (s) => progress?.log(`newsgraph: skipped ${s.path}: ${s.reason}`),
      });
      progress?.stop();
      const graphPath = join(flags.out, 'graph.json');
      if (summary.articles === 0) {
        // Keep whatever an earlier build wrote rather than replacing it with an empty graph.
        process.stderr.write(`${formatSummary(summary, '(nothing: no article could be read)')}\n`);
        throw new ExitRequest(EXIT.PARTIAL);
      }
      await writeGraphFile(graphPath, graph);
      const shown = relative(process.cwd(), graphPath) || graphPath;
      process.stderr.write(`${formatSummary(summary, shown.startsWith('..') ? graphPath : shown)}\n`);
      if (flags.neo4j) {
        const bar = progressBar();
        try {
          const pushed = await pushToNeo4j(graph, {
            ...resolveConnection(flags),
            reset: flags.reset ?? false,
            ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
          });
          bar.stop();
          process.stderr.write(`${formatPushSummary(graphPath, pushed)}\n`);
        } finally {
          bar.stop();
        }
      }
      if (summary.skipped.length > 0) throw new ExitRequest(EXIT.PARTIAL);
    });
  return addConnectionOptions(command);
}
