/**
 * The White House documents the project may learn from: dated 2022-04-01 to 2022-12-31 or in 2024
 * (the other dates hold evaluation articles), never a dev-set article.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { requirePath, sharedPath } from '../shared-data.js';

/** The file names, sorted, of the White House documents in the training window; `tool` names the caller in errors. */
export function trainingDocuments(tool: string): { dir: string; names: string[] } {
  const dir = requirePath(tool, 'the White House corpus', sharedPath('corpus', 'whitehouse-2022-2025', 'docs'));
  const manifest = requirePath(tool, 'the dev-set manifest', sharedPath('eval', 'gold-dev', 'manifest.tsv'));
  const devDocs = new Set(
    readFileSync(manifest, 'utf8')
      .split('\n')
      .map((line) => basename(line.split('\t')[1] ?? ''))
      .filter(Boolean),
  );
  const inWindow = (name: string): boolean => {
    const date = name.slice(0, 10);
    return (date >= '2022-04-01' && date <= '2022-12-31') || date.startsWith('2024-');
  };
  return {
    dir,
    names: readdirSync(dir)
      .sort()
      .filter((name) => inWindow(name) && !devDocs.has(name)),
  };
}
