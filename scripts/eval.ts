/**
 * npm run eval: builds each sample article on its own (ingest → extract → graph, as
 * `newsgraph build` does) and scores the graphs with eval/score.mjs of the shared data
 * folder ($NEWSGRAPH_SHARED, else ../shared; see scripts/shared-data.ts) against its
 * eval/gold annotations. Both are checked before anything is built.
 *   npm run eval -- [--verbose] [--json] [--articles DIR] [--gold DIR] [--out DIR]
 * --out is where the graphs are written for the scorer (default out/eval/pred, emptied first).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildGraph } from '../src/pipeline/index.js';
import { writeGraphFile } from '../src/graph/index.js';
import { PROJECT_ROOT, requirePath, sharedPath } from './shared-data.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : undefined;
};
const articlesDir = requirePath(
  'eval',
  'the sample articles',
  resolve(option('--articles') ?? join(PROJECT_ROOT, 'examples/articles')),
  { name: '--articles', given: option('--articles') !== undefined },
);
const goldDir = requirePath('eval', 'the gold annotations', resolve(option('--gold') ?? sharedPath('eval/gold')), {
  name: '--gold',
  given: option('--gold') !== undefined,
});
const scorer = requirePath('eval', 'the scorer', sharedPath('eval/score.mjs'));
const predDir = resolve(option('--out') ?? join(PROJECT_ROOT, 'out/eval/pred'));
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
const r = spawnSync(process.execPath, [scorer, '--gold', goldDir, '--pred', predDir, ...pass], { stdio: 'inherit' });
if (r.error) console.error(`eval: cannot run ${scorer}: ${r.error.message}.`);
process.exitCode = r.status ?? 1;
