/** `newsgraph export`: write a graph.json as GEXF, GraphML, neo4j-admin CSV, Cypher, JSON(L) or the HTML explorer. */
import { Command } from 'commander';
import { relative } from 'node:path';
import { UsageError } from '../../errors.js';
import { ARTICLE_TEXTS_FILE, articleTextsPath, readArticleTexts, readGraphFile } from '../../graph/index.js';
import {
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_FORMATS,
  EXPORT_FORMAT_IDS,
  openExport,
  resolveExportSettings,
  validateExportSettings,
  type ExportSettings,
} from '../../sinks/exports/index.js';
import { exitCodesHelp } from '../exit.js';
import { defaultNote, examplesHelp, wholeNumber } from '../settings.js';

/** The flags as commander hands them over: strings as typed, undefined when not given. */
export interface ExportFlags {
  out: string;
  format?: string;
  layout?: boolean;
  seed?: string;
  arrayDelimiter?: string;
  batchSize?: string;
  /** false with --no-text. */
  text?: boolean;
}

/** What `newsgraph export` runs with: the graph to read and the library's export settings. */
export interface ExportCommandSettings {
  graph: string;
  export: ExportSettings;
  /** The --array-delimiter value as typed, for the message when it names no character. */
  arrayDelimiterFlag: string | undefined;
}

/** The library's export defaults (the format comes from --out's extension): the command adds none of its own. */
export const DEFAULT_EXPORT_COMMAND_SETTINGS = DEFAULT_EXPORT_SETTINGS;

/** One character, `TAB`, or a code point spelt as neo4j-admin does (`U+001F`); '' when `value` is none of these. */
export function parseDelimiter(value: string): string {
  if (value.toUpperCase() === 'TAB') return '\t';
  const m = /^U\+([0-9A-F]{4,6})$/i.exec(value);
  if (m) {
    const code = parseInt(m[1]!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return [...value].length === 1 ? value : '';
}

/** Flags over DEFAULT_EXPORT_COMMAND_SETTINGS; see validateExportCommandSettings. */
export function resolveExportCommandSettings(graph: string, flags: ExportFlags): ExportCommandSettings {
  const d = DEFAULT_EXPORT_COMMAND_SETTINGS;
  return {
    graph,
    export: resolveExportSettings({
      out: flags.out,
      ...(flags.format !== undefined ? { format: flags.format as ExportSettings['format'] } : {}),
      layout: flags.layout ?? d.layout,
      seed: wholeNumber(flags.seed, d.seed),
      arrayDelimiter: flags.arrayDelimiter === undefined ? d.arrayDelimiter : parseDelimiter(flags.arrayDelimiter),
      batchSize: wholeNumber(flags.batchSize, d.batchSize),
    }),
    arrayDelimiterFlag: flags.arrayDelimiter,
  };
}

/** Throws a UsageError naming the first flag that is wrong; then the library's own checks. */
export function validateExportCommandSettings(s: ExportCommandSettings): void {
  if (!Number.isInteger(s.export.seed)) throw new UsageError('export: --seed must be a whole number.');
  if (!Number.isInteger(s.export.batchSize) || s.export.batchSize < 1) {
    throw new UsageError('export: --batch-size must be a whole number of 1 or more.');
  }
  if (s.export.arrayDelimiter === '') {
    throw new UsageError(
      `export: --array-delimiter '${s.arrayDelimiterFlag ?? ''}' is not one character, TAB or U+XXXX.`,
    );
  }
  validateExportSettings(s.export);
}

export function exportCommand(): Command {
  const d = DEFAULT_EXPORT_COMMAND_SETTINGS;
  const formats = EXPORT_FORMATS.map((f) => `  ${f.id.padEnd(8)} ${f.description}`).join('\n');
  return new Command('export')
    .description('Write a graph.json in another format')
    .argument('<graph>', 'the graph.json written by build')
    .requiredOption(
      '-o, --out <path>',
      'file to write (csv: a folder; html: x.html is one self-contained page, another path a folder); parent folders are created',
    )
    .option('--format <format>', `one of ${EXPORT_FORMAT_IDS.join(', ')} (default: from --out's extension)`)
    .option('--no-layout', 'gexf, graphml: do not compute positions when the graph has none')
    .option('--seed <n>', `gexf, graphml, html: seed of the layout${defaultNote(d.seed)}`)
    .option(
      '--array-delimiter <char>',
      'csv: separator of array elements and labels, a character, TAB or U+XXXX (default: U+001F)',
    )
    .option('--batch-size <n>', `cypher: rows per UNWIND statement${defaultNote(d.batchSize)}`)
    .option(
      '--no-text',
      "html: leave out the articles' texts (articles.jsonl beside the graph), which the reader shows",
    )
    .addHelpText(
      'after',
      examplesHelp(
        [
          'newsgraph export out/demo/graph.json --out out/demo/graph.gexf',
          'newsgraph export out/demo/graph.json --format csv --out out/demo/csv',
          'newsgraph export out/demo/graph.json --format html --out out/explorer',
        ],
        `Formats:\n${formats}`,
        exitCodesHelp(['OK', 'USAGE']),
      ),
    )
    .action(async (graphPath: string, flags: ExportFlags) => {
      const settings = resolveExportCommandSettings(graphPath, flags);
      validateExportCommandSettings(settings);
      // Check the output before reading anything.
      const pending = await openExport(settings.export);
      let graph;
      try {
        graph = await readGraphFile(settings.graph);
      } catch (err) {
        await pending.abort();
        throw err;
      }
      if (settings.export.format === 'html' && flags.text !== false) {
        const path = articleTextsPath(settings.graph);
        pending.settings.texts = await readArticleTexts(path, (id) => graph.getAttribute('articles')[id] !== undefined);
        if (!pending.settings.texts)
          process.stderr.write(
            `export: no ${ARTICLE_TEXTS_FILE} beside ${settings.graph}: evidence opens without its article's text (build again to keep the texts).\n`,
          );
      }
      const started = performance.now();
      const result = await pending.write(graph);
      const shown = relative(process.cwd(), result.path) || '.';
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `export: wrote ${result.nodes} nodes and ${result.edges} relationships as ${result.format} to ${shown.startsWith('..') ? result.path : shown} (${seconds} s)\n`,
      );
    });
}
