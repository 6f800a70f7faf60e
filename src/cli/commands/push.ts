/** `newsgraph push <graph.json>`: write a graph to Neo4j, with a progress bar and a summary. */
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { readGraphFile } from '../../graph/serialize.js';
import { pushToNeo4j, DEFAULT_PUSH_SETTINGS, type PushProgress, type PushSummary } from '../../sinks/neo4j/index.js';
import { addConnectionOptions, resolveConnection, type ConnectionFlags } from '../connection.js';

interface PushFlags extends ConnectionFlags {
  reset?: boolean;
  batchSize: number;
  concurrency: number;
}

/** Parses a positive integer option value. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Expecting a positive integer.');
  return n;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The summary printed at the end of a push. */
export function formatPushSummary(file: string, s: PushSummary): string {
  return [
    `push: wrote ${file} to ${s.address}${s.database ? ` (database ${s.database})` : ''} in ${s.seconds.toFixed(1)} s`,
    ...(s.nodes.deleted || s.relationships.deleted
      ? [`  reset: ${fmt(s.nodes.deleted)} nodes and ${fmt(s.relationships.deleted)} relationships deleted`]
      : []),
    `  nodes: ${fmt(s.nodes.created)} created, ${fmt(s.nodes.updated)} updated`,
    `  relationships: ${fmt(s.relationships.created)} created, ${fmt(s.relationships.updated)} updated`,
    `  rows: ${fmt(s.rows)} (${fmt(s.rowsPerSecond)} rows/s, ${fmt(s.relationshipsPerSecond)} relationships/s)`,
  ].join('\n');
}

/** A progress callback drawing a bar on stderr when it is a terminal, and nothing otherwise. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  onProgress?: (p: PushProgress) => void;
  stop(): void;
} {
  if (!stream.isTTY) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'push |{bar}| {percentage}% {value}/{total} rows ({phase})',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(p) {
      if (!started) {
        bar.start(p.total, p.done, { phase: p.phase });
        started = true;
      } else bar.update(p.done, { phase: p.phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function pushCommand(): Command {
  return addConnectionOptions(
    new Command('push')
      .description('Write a graph.json to Neo4j (constraints first, then batched MERGE; idempotent)')
      .argument('<graph.json>', "the graph written by 'newsgraph build'")
      .option(
        '--reset',
        'delete what newsgraph wrote before (nodes labelled Entity, Article, Person, …) before loading',
      )
      .option('--batch-size <n>', 'rows per transaction', positiveInt, DEFAULT_PUSH_SETTINGS.batchSize)
      .option(
        '--concurrency <n>',
        'write transactions in flight at once',
        positiveInt,
        DEFAULT_PUSH_SETTINGS.concurrency,
      ),
  ).action(async (file: string, flags: PushFlags) => {
    const graph = await readGraphFile(file);
    const connection = resolveConnection(flags);
    const bar = progressBar();
    try {
      const summary = await pushToNeo4j(graph, {
        ...connection,
        reset: flags.reset ?? false,
        batchSize: flags.batchSize,
        concurrency: flags.concurrency,
        ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
      });
      bar.stop();
      process.stdout.write(`${formatPushSummary(file, summary)}\n`);
    } finally {
      bar.stop();
    }
  });
}
