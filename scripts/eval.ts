/**
 * npm run eval: builds each article on its own (ingest → extract → graph, as `newsgraph
 * build` does) and scores the graphs with eval/score.mjs of the shared data folder
 * ($NEWSGRAPH_SHARED, else ../shared; see scripts/shared-data.ts), separately for the sample
 * articles (eval/gold, the rules were written on them) and the dev set (eval/gold-dev, which
 * no rule was written on; its manifest.tsv names each article in the corpora).
 *   npm run eval -- [--set samples|dev|all] [--verbose] [--json] [--articles DIR] [--gold DIR] [--out DIR]
 * --articles/--gold replace the samples (and imply --set samples); --out is where the graphs
 * are written for the scorer with one set (default out/eval/<set>, emptied first; with both sets, a
 * subfolder per set).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildGraph } from '../src/pipeline/index.js';
import { writeGraphFile } from '../src/graph/index.js';
import { PROJECT_ROOT, requirePath, sharedPath } from './shared-data.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : undefined;
};
const pass = args.filter((a) => a === '--verbose' || a === '--json');

/** Builds each article on its own into `predDir/<gold name>` and scores the folder; returns the scorer's status. */
async function scoreSet(title: string, goldDir: string, items: { text: string; gold: string }[]): Promise<number> {
  const scorer = requirePath('eval', 'the scorer', sharedPath('eval/score.mjs'));
  // --out names the graphs' folder of one set; with both sets each gets a subfolder.
  const out = option('--out');
  const predDir = out && set !== 'all' ? resolve(out) : join(resolve(out ?? join(PROJECT_ROOT, 'out/eval')), title);
  rmSync(predDir, { recursive: true, force: true });
  mkdirSync(predDir, { recursive: true });
  for (const item of items) {
    const { graph, summary } = await buildGraph([item.text], {
      workers: 0,
      onSkip: (s) => console.error(`eval: skipped ${s.path}: ${s.reason}`),
    });
    if (summary.articles > 0) await writeGraphFile(join(predDir, item.gold), graph);
  }
  if (!args.includes('--json')) console.log(`\n${title} (${items.length} articles, gold ${goldDir})`);
  const r = spawnSync(process.execPath, [scorer, '--gold', goldDir, '--pred', predDir, ...pass], { stdio: 'inherit' });
  if (r.error) console.error(`eval: cannot run ${scorer}: ${r.error.message}.`);
  return r.status ?? 1;
}

const set = option('--set') ?? (option('--articles') || option('--gold') ? 'samples' : 'all');
if (!['samples', 'dev', 'all'].includes(set)) {
  console.error(`eval: --set '${set}' is not one of samples, dev, all.`);
  process.exit(2);
}
let status = 0;
if (set !== 'dev') {
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
  const items = readdirSync(articlesDir)
    .sort()
    .map((f) => ({ text: join(articlesDir, f), gold: `${basename(f)}.json` }));
  status ||= await scoreSet('samples', goldDir, items);
}
if (set !== 'samples') {
  // The dev set: articles no rule was written on, listed with their gold files in manifest.tsv.
  const goldDir = requirePath('eval', 'the dev-set gold annotations', sharedPath('eval/gold-dev'));
  const corpus = requirePath('eval', 'the corpora', sharedPath('corpus'));
  const items = readFileSync(join(goldDir, 'manifest.tsv'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols): cols is [string, string] => Boolean(cols[0] && cols[1]))
    .map(([gold, text]) => ({ text: join(corpus, text), gold }));
  status ||= await scoreSet('dev', goldDir, items);
}
process.exitCode = status;
