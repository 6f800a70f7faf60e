/**
 * `newsgraph view <graph.json>`: serve the visual explorer on localhost until interrupted.
 * The port has no short flag: `-p` is the Neo4j password in every other command.
 */
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { ARTICLE_TEXTS_FILE, articleTextsPath, readArticleTexts, readGraphFile } from '../../graph/index.js';
import { startViewerServer } from '../../sinks/viewer/index.js';
import { exitCodesHelp } from '../exit.js';
import { checkWholeNumber, defaultNote, examplesHelp, wholeNumber } from '../settings.js';

/** The flags as commander hands them over: strings as typed, undefined when not given. */
export interface ViewFlags {
  port?: string;
  host?: string;
  open?: boolean;
}

/** What `newsgraph view` runs with. */
export interface ViewSettings {
  graph: string;
  port: number;
  host: string;
  open: boolean;
}

export const DEFAULT_VIEW_SETTINGS = Object.freeze({ port: 4173, host: '127.0.0.1', open: false });

/** Flags over DEFAULT_VIEW_SETTINGS; see validateViewSettings. */
export function resolveViewSettings(graph: string, flags: ViewFlags): ViewSettings {
  const d = DEFAULT_VIEW_SETTINGS;
  return {
    graph,
    port: wholeNumber(flags.port, d.port),
    host: flags.host ?? d.host,
    open: flags.open ?? d.open,
  };
}

/** Throws a UsageError naming the first flag that is wrong. */
export function validateViewSettings(s: ViewSettings): void {
  checkWholeNumber('view', '--port', s.port, 0, 65535, { note: '0: any free port' });
  if (!s.host.trim()) throw new UsageError('view: --host is empty. Give an address such as 127.0.0.1 or 0.0.0.0.');
}

/** Opens `url` in the desktop's browser; a failure only prints a hint. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`view: could not open a browser; open ${url} yourself.\n`));
    child.unref();
  } catch {
    process.stderr.write(`view: could not open a browser; open ${url} yourself.\n`);
  }
}

/** Resolves on the first SIGINT or SIGTERM (Ctrl-C), then stops listening for them. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function viewCommand(): Command {
  const d = DEFAULT_VIEW_SETTINGS;
  return new Command('view')
    .description('Serve the visual graph explorer for <graph> on localhost')
    .argument('<graph>', 'graph.json written by newsgraph build')
    .option('--port <n>', `port to listen on, 0 for any free port${defaultNote(d.port)}`)
    .option('--host <address>', `interface to listen on${defaultNote(d.host)}`)
    .option('--open', 'open the explorer in the default browser')
    .addHelpText(
      'after',
      examplesHelp(
        [
          'newsgraph view out/demo/graph.json',
          'newsgraph view out/demo/graph.json --port 0 --open',
          'newsgraph export out/demo/graph.json --format html --out out/explorer   (a folder to share instead)',
        ],
        exitCodesHelp(['OK', 'USAGE']),
      ),
    )
    .action(async (file: string, flags: ViewFlags) => {
      const settings = resolveViewSettings(file, flags);
      validateViewSettings(settings);
      const graph = await readGraphFile(settings.graph);
      if (graph.order > 5_000 && !graph.everyNode((_k, a) => Number.isFinite(a.x) && Number.isFinite(a.y))) {
        process.stderr.write(`view: laying out ${graph.order} nodes (seeded ForceAtlas2); this can take a minute…\n`);
      }
      const texts = await readArticleTexts(
        articleTextsPath(settings.graph),
        (id) => graph.getAttribute('articles')[id] !== undefined,
      );
      if (!texts)
        process.stderr.write(
          `view: no ${ARTICLE_TEXTS_FILE} beside ${settings.graph}: evidence opens without its article's text (build again to keep the texts).\n`,
        );
      const server = await startViewerServer(graph, {
        port: settings.port,
        host: settings.host,
        ...(texts ? { texts } : {}),
      });
      process.stdout.write(
        `newsgraph explorer: ${server.url}  (${graph.order} nodes, ${graph.size} edges; Ctrl-C to stop)\n`,
      );
      if (settings.open) openBrowser(server.url);
      await interrupted();
      await server.close();
    });
}
