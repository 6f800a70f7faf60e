/** `newsgraph build`: read articles, extract, write graph.json and a summary. */
import { Command } from 'commander';

export function buildCommand(): Command {
  return new Command('build')
    .description('Read articles and write <out>/graph.json')
    .argument('<inputs...>', 'files, folders (recursive) or - for stdin')
    .requiredOption('-o, --out <dir>', 'output folder')
    .action(async () => {
      throw new Error('build: not implemented yet');
    });
}
