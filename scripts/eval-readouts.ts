/**
 * Silver check of MET_WITH recall on the White House readouts (corpus/whitehouse-2022-2025/docs
 * of the shared data folder, $NEWSGRAPH_SHARED or ../shared): a title such as "Readout of
 * President Biden's Call with President Zelenskyy of Ukraine" says the two met;
 * the article built on its own (the full pipeline) should hold a MET_WITH edge
 * between nodes whose names contain the two surnames. Titles naming groups
 * ("European Leaders", "Counterparts") are skipped. Rule-derived, not hand-checked.
 *   npm run eval:readouts -- [--verbose] [--docs DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractArticle } from '../src/extract/index.js';
import { buildGraphFromExtractions } from '../src/graph/index.js';
import { requirePath, sharedPath } from './shared-data.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const i = args.indexOf('--docs');
const given = i >= 0 && args[i + 1] !== undefined;
const dir = requirePath(
  'eval:readouts',
  'the White House readouts',
  given ? resolve(args[i + 1]!) : sharedPath('corpus/whitehouse-2022-2025/docs'),
  { name: '--docs', given },
);

const TITLE =
  /^Readout of (.+?)[’']s? (?:Virtual |Video |Phone |Telephone |Secure Video |Bilateral )?(?:Call|Meeting|Conversation)s? [Ww]ith (.+)$/;
const GROUP =
  /\b(?:Leaders|Counterparts|Members|Ministers|Delegation|Group|Council|Congressional|Governors|Mayors|and)\b/;

function surname(phrase: string): string | undefined {
  const head = phrase.replace(/\s+(?:of|on|to|in|at|from|regarding|about)\s+.*$/, '').replace(/[,.].*$/, '');
  const words = head.split(/\s+/).filter((w) => /^\p{Lu}[\p{L}’'-]+$/u.test(w));
  return words.length ? words[words.length - 1]!.replace(/[’']s$/, '').toLowerCase() : undefined;
}

let total = 0;
let found = 0;
let edgesTotal = 0;
for (const file of readdirSync(dir).sort()) {
  if (!file.includes('readout')) continue;
  const text = readFileSync(join(dir, file), 'utf8');
  const title = text.split('\n', 1)[0]!.trim();
  const m = TITLE.exec(title);
  if (!m || GROUP.test(m[2]!)) continue;
  const a = surname(m[1]!);
  const b = surname(m[2]!);
  if (!a || !b || a === b) continue;
  total++;
  const graph = buildGraphFromExtractions([extractArticle({ id: file, path: file, text })]);
  const names = (key: string): string =>
    [graph.getNodeAttribute(key, 'name'), ...graph.getNodeAttribute(key, 'aliases')].join(' | ').toLowerCase();
  let hit = false;
  graph.forEachEdge((_k, attrs, s, t) => {
    if (attrs.type !== 'MET_WITH') return;
    edgesTotal++;
    const ns = names(s);
    const nt = names(t);
    if ((ns.includes(a) && nt.includes(b)) || (ns.includes(b) && nt.includes(a))) hit = true;
  });
  if (hit) found++;
  else if (verbose) console.log(`missed ${a} – ${b}: ${title}`);
}
console.log(
  `readouts with a two-person title: ${total}; MET_WITH edge found for the title pair: ${found} (${((100 * found) / Math.max(1, total)).toFixed(1)}%); MET_WITH edges in all: ${edgesTotal}`,
);
