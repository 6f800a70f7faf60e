/** `newsgraph view <graph.json>`: serve the visual explorer on localhost until interrupted. */
import { spawn } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import { readGraphFile } from '../../graph/serialize.js';
import { startViewerServer } from '../../sinks/viewer/index.js';

export const DEFAULT_VIEW_PORT = 4173;

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('Expecting a port number from 0 to 65535 (0: any free port).');
  }
  return port;
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
  return new Command('view')
    .description('Serve the visual graph explorer for <graph> on localhost')
    .argument('<graph>', 'graph.json written by newsgraph build')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', parsePort, DEFAULT_VIEW_PORT)
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--open', 'open the explorer in the default browser', false)
    .action(async (file: string, opts: { port: number; host: string; open: boolean }) => {
      const graph = await readGraphFile(file);
      if (graph.order > 5_000 && !graph.everyNode((_k, a) => Number.isFinite(a.x) && Number.isFinite(a.y))) {
        process.stderr.write(`view: laying out ${graph.order} nodes (seeded ForceAtlas2); this can take a minute…\n`);
      }
      const server = await startViewerServer(graph, { port: opts.port, host: opts.host });
      process.stdout.write(
        `newsgraph explorer: ${server.url}  (${graph.order} nodes, ${graph.size} edges; Ctrl-C to stop)\n`,
      );
      if (opts.open) openBrowser(server.url);
      await interrupted();
      await server.close();
    });
}
