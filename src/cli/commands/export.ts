/** `newsgraph export`: write a graph.json as GEXF, GraphML, neo4j-admin CSV, Cypher, JSON(L) or the HTML explorer. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { relative } from 'node:path';
import { readGraphFile } from '../../graph/serialize.js';
import {
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_FORMATS,
  EXPORT_FORMAT_IDS,
  openExport,
  type ExportFormatId,
} from '../../sinks/exports/index.js';

function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected an integer.');
  return Number(value);
}

/** One character, `TAB`, or a code point spelt as neo4j-admin does (`U+001F`). */
export function parseDelimiter(value: string): string {
  if (value.toUpperCase() === 'TAB') return '\t';
  const m = /^U\+([0-9A-F]{4,6})$/i.exec(value);
  if (m) return String.fromCodePoint(parseInt(m[1]!, 16));
  if ([...value].length !== 1) throw new InvalidArgumentError('expected one character, TAB or U+XXXX.');
  return value;
}

export function exportCommand(): Command {
  const formats = EXPORT_FORMATS.map((f) => `  ${f.id.padEnd(8)} ${f.description}`).join('\n');
  return new Command('export')
    .description('Write a graph.json in another format')
    .argument('<graph>', 'the graph.json written by build')
    .requiredOption('-o, --out <path>', 'file to write (a folder for csv and html); parent folders are created')
    .option('-f, --format <format>', `one of ${EXPORT_FORMAT_IDS.join(', ')} (default: from --out's extension)`)
    .option('--no-layout', 'gexf, graphml: do not compute positions when the graph has none')
    .option('--seed <n>', 'gexf, graphml, html: seed of the layout', parseInteger, DEFAULT_EXPORT_SETTINGS.seed)
    .addOption(
      new Option('--array-delimiter <char>', 'csv: separator of array elements and labels (a character, TAB or U+XXXX)')
        .argParser(parseDelimiter)
        .default(DEFAULT_EXPORT_SETTINGS.arrayDelimiter, 'U+001F'),
    )
    .option('--batch-size <n>', 'cypher: rows per UNWIND statement', parseInteger, DEFAULT_EXPORT_SETTINGS.batchSize)
    .addHelpText('after', `\nFormats:\n${formats}\n`)
    .action(
      async (
        graphPath: string,
        opts: {
          out: string;
          format?: string;
          layout: boolean;
          seed: number;
          arrayDelimiter: string;
          batchSize: number;
        },
      ) => {
        // Check the format and the output before reading anything.
        const pending = await openExport({
          out: opts.out,
          format: opts.format as ExportFormatId | undefined,
          layout: opts.layout,
          seed: opts.seed,
          arrayDelimiter: opts.arrayDelimiter,
          batchSize: opts.batchSize,
        });
        let graph;
        try {
          graph = await readGraphFile(graphPath);
        } catch (err) {
          await pending.abort();
          throw err;
        }
        const started = performance.now();
        const result = await pending.write(graph);
        const shown = relative(process.cwd(), result.path) || '.';
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stderr.write(
          `export: wrote ${result.nodes} nodes and ${result.edges} relationships as ${result.format} to ${shown.startsWith('..') ? result.path : shown} (${seconds} s)\n`,
        );
      },
    );
}
