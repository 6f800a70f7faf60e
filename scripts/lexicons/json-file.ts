/** Writing a generated lexicon: laid out by the project's Prettier, so a rerun on the same sources gives the same bytes. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { PROJECT_ROOT } from '../shared-data.js';

/** `data` as the project's Prettier lays out JSON. */
export async function formatJson(data: unknown): Promise<string> {
  return format(JSON.stringify(data), { ...(await resolveConfig(join(PROJECT_ROOT, 'package.json'))), parser: 'json' });
}

/**
 * With --check on the command line: prints whether `path` holds `text` and exits 0 or 1. Otherwise
 * writes it and prints `summary`. `sources` and `rerun` name what it comes from and the command to rerun.
 */
export function checkOrWrite(path: string, text: string, sources: string, rerun: string, summary: string): void {
  if (process.argv.includes('--check')) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === text;
    console.log(same ? `${path}: up to date` : `${path}: differs from ${sources}; run ${rerun}`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(path, text);
  console.log(`${path}: ${summary}`);
}
