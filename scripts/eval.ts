/**
 * npm run eval: builds each sample article on its own (ingest → extract → graph, as
 * `newsgraph build` does) and scores the graphs with ../shared/eval/score.mjs.
 *   npm run eval -- [--verbose] [--json] [--articles DIR] [--gold DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildGraph } from '../src/pipeline/index.js';
import { writeGraphFile } from '../src/graph/serialize.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const articlesDir = resolve(flag('--articles', 'examples/articles'));
const goldDir = resolve(flag('--gold', '../shared/eval/gold'));
const predDir = resolve('out/eval/pred');
rmSync(predDir, { recursive: true, force: true });
mkdirSync(predDir, { recursive: true });

for (const file of readdirSync(articlesDir).sort()) {
  const { graph, summary } = await buildGraph([join(articlesDir, file)], {
    workers: 0,
    onSkip: (s) => console.error(`eval: skipped ${s.path}: ${s.reason}`),
  });
  if (summary.articles > 0) await writeGraphFile(join(predDir, `${basename(file)}.json`), graph);
}

const pass = args.filter((a) => a === '--verbose' || a === '--json');
const scorer = resolve('../shared/eval/score.mjs');
const r = spawnSync(process.execPath, [scorer, '--gold', goldDir, '--pred', predDir, ...pass], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
