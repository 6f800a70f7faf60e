/**
 * What `push` and `build --neo4j` share once their settings are resolved: running the push
 * with a progress bar on a terminal, and the summary printed at the end. Kept apart from both
 * commands so neither imports the other.
 */
import cliProgress from 'cli-progress';
import { pushToNeo4j, type PushOptions, type PushProgress, type PushSummary } from '../sinks/neo4j/index.js';
import type { KnowledgeGraph } from '../types.js';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The summary printed at the end of a push. */
export function formatPushSummary(file: string, s: PushSummary): string {
  return [
    `push: wrote ${file} to ${s.address}${s.database ? ` (database ${s.database})` : ''} in ${s.seconds.toFixed(1)} s`,
    ...(s.pruned
      ? [
          `  pruned: ${fmt(s.pruned.links)} links, ${fmt(s.pruned.evidence)} evidence records, ${fmt(s.pruned.facts)} facts and ${fmt(s.pruned.entities)} entities`,
        ]
      : []),
    ...(s.nodes.deleted || s.relationships.deleted
      ? [`  reset: ${fmt(s.nodes.deleted)} nodes and ${fmt(s.relationships.deleted)} relationships deleted`]
      : []),
    `  nodes: ${fmt(s.nodes.created)} created, ${fmt(s.nodes.updated)} updated`,
    `  relationships: ${fmt(s.relationships.created)} created, ${fmt(s.relationships.updated)} updated`,
    `  rows: ${fmt(s.rows)} (${fmt(s.rowsPerSecond)} rows/s, ${fmt(s.relationshipsPerSecond)} relationships/s)`,
  ].join('\n');
}

/** A progress callback drawing a bar on stderr when it is a terminal, and nothing otherwise. */
export function pushProgressBar(stream: NodeJS.WriteStream = process.stderr): {
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
      started = false;
    },
  };
}

/** Pushes `graph` with a progress bar on a terminal; the bar is gone when this settles. */
export async function pushWithProgress(
  graph: KnowledgeGraph,
  options: Omit<PushOptions, 'onProgress'>,
): Promise<PushSummary> {
  const bar = pushProgressBar();
  try {
    return await pushToNeo4j(graph, { ...options, ...(bar.onProgress ? { onProgress: bar.onProgress } : {}) });
  } finally {
    bar.stop();
  }
}
