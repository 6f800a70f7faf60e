/** `newsgraph push <graph.json>`: write a graph to Neo4j, with a progress bar and a summary. */
import { Command } from 'commander';
import { readGraphFile } from '../../graph/index.js';
import { DEFAULT_PUSH_SETTINGS, validatePushSettings, type ConnectionSettings } from '../../sinks/neo4j/index.js';
import {
  addConnectionOptions,
  resolveConnection,
  validateConnectionSettings,
  type ConnectionFlags,
} from '../connection.js';
import { exitCodesHelp } from '../exit.js';
import { formatPushSummary, pushWithProgress } from '../push-report.js';
import { checkProblem, checkWholeNumber, defaultNote, examplesHelp, wholeNumber } from '../settings.js';

/** The flags as commander hands them over: strings as typed, undefined when not given. */
export interface PushFlags extends ConnectionFlags {
  reset?: boolean;
  prune?: boolean;
  batchSize?: string;
  concurrency?: string;
}

/** What `newsgraph push` runs with. */
export interface PushCommandSettings {
  file: string;
  connection: ConnectionSettings;
  reset: boolean;
  prune: boolean;
  batchSize: number;
  concurrency: number;
}

/** The library's push defaults: the command adds none of its own. */
export const DEFAULT_PUSH_COMMAND_SETTINGS = DEFAULT_PUSH_SETTINGS;

/** Flags over environment over DEFAULT_PUSH_COMMAND_SETTINGS; see validatePushCommandSettings. */
export function resolvePushCommandSettings(
  file: string,
  flags: PushFlags,
  env: NodeJS.ProcessEnv = process.env,
): PushCommandSettings {
  const d = DEFAULT_PUSH_COMMAND_SETTINGS;
  return {
    file,
    connection: resolveConnection(flags, env),
    reset: flags.reset ?? d.reset,
    prune: flags.prune ?? d.prune,
    batchSize: wholeNumber(flags.batchSize, d.batchSize),
    concurrency: wholeNumber(flags.concurrency, d.concurrency),
  };
}

/** Throws a UsageError naming the first flag that is wrong (the library's ranges apply last). */
export function validatePushCommandSettings(s: PushCommandSettings): void {
  checkWholeNumber('push', '--batch-size', s.batchSize, 1, Number.MAX_SAFE_INTEGER);
  checkWholeNumber('push', '--concurrency', s.concurrency, 1, Number.MAX_SAFE_INTEGER);
  checkProblem(validatePushSettings(s));
  validateConnectionSettings(s.connection);
}

export function pushCommand(): Command {
  const d = DEFAULT_PUSH_COMMAND_SETTINGS;
  const command = new Command('push')
    .description(
      'Write a graph.json to Neo4j, adding to what is there (constraints first, then batched merges; idempotent)',
    )
    .argument('<graph.json>', "the graph written by 'newsgraph build'")
    .option('--reset', 'delete what newsgraph wrote before (nodes labelled Entity, Article, Person, …) before loading')
    .option(
      '--prune',
      "remove what the database holds from this graph's articles that the graph no longer has (links, evidence; facts and entities left with none go)",
    )
    .option('--batch-size <n>', `rows per transaction${defaultNote(d.batchSize)}`)
    .option('--concurrency <n>', `write transactions in flight at once${defaultNote(d.concurrency)}`);
  return addConnectionOptions(command)
    .addHelpText(
      'after',
      examplesHelp(
        [
          'newsgraph push out/demo/graph.json',
          'newsgraph push out/demo/graph.json --reset',
          'newsgraph push out/today/graph.json --prune',
          'NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io NEO4J_PASSWORD=… newsgraph push graph.json',
        ],
        exitCodesHelp(['OK', 'USAGE', 'QUERY', 'CONNECTION']),
      ),
    )
    .action(async (file: string, flags: PushFlags) => {
      const settings = resolvePushCommandSettings(file, flags);
      validatePushCommandSettings(settings);
      const graph = await readGraphFile(settings.file);
      const summary = await pushWithProgress(graph, {
        ...settings.connection,
        reset: settings.reset,
        prune: settings.prune,
        batchSize: settings.batchSize,
        concurrency: settings.concurrency,
      });
      process.stdout.write(`${formatPushSummary(file, summary)}\n`);
    });
}
