/**
 * npm run check:resolution: resolution checks on a real corpus, printing the offending nodes.
 *   npm run check:resolution -- [graph.json | corpus folder] [--limit N] [--json]
 * Default: builds the White House corpus of the shared data folder (out/check-resolution/).
 *  1. no Person node holds two different given names ("Joe Biden" and "Hunter Biden");
 *  2. no undated recurring Event node (a summit, a call) gathers articles of several years (editions merged);
 *  3. at most 5% of the events with a `place` name something that is no Place or Country node.
 * Exits 1 when a check fails, 0 when all pass.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRecurringEventName } from '../src/extract/index.js';
import { readGraphFile, writeGraphFile } from '../src/graph/index.js';
import { buildGraph } from '../src/pipeline/index.js';
import { givenNamesAgree, nameParts } from '../src/resolve/persons.js';
import type { KnowledgeGraph } from '../src/types.js';
import { normalizeName } from '../src/util/text.js';
import { PROJECT_ROOT, requirePath, sharedPath } from './shared-data.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const limit = Number(option('--limit') ?? 25);
const input = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit');
const MAX_BAD_PLACES = 0.05;

async function loadGraph(): Promise<KnowledgeGraph> {
  const path =
    input ?? requirePath('check:resolution', 'the White House corpus', sharedPath('corpus/whitehouse-2022-2025'));
  if (statSync(path).isFile()) return readGraphFile(path);
  process.stderr.write(`check:resolution: building ${path} …\n`);
  const { graph, summary } = await buildGraph([path]);
  const out = join(PROJECT_ROOT, 'out/check-resolution/graph.json');
  mkdirSync(join(out, '..'), { recursive: true });
  await writeGraphFile(out, graph);
  process.stderr.write(`check:resolution: ${summary.articles} articles, graph in ${out}\n`);
  return graph;
}

// Titles and honorifics before a name ("Vice President", "Mr."): not given names.
const titles = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/lexicons/titles.json'), 'utf8')) as Record<
  string,
  unknown
>;
const TITLE_FORMS = new Set(
  ['honorifics', 'titles', 'roles', 'descriptorRoles']
    .flatMap((k) => (Array.isArray(titles[k]) ? (titles[k] as string[]) : []))
    .map(normalizeName),
);

/** The given name of a name-like alias, after any leading title; undefined when it has none. */
function givenName(alias: string): string | undefined {
  const words = alias.split(/\s+/).filter(Boolean);
  if (!words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|da|di|du|von|van|der|den|la|le|bin|al)$/.test(w)))
    return undefined;
  let start = 0;
  for (let k = words.length - 1; k > 0; k--) {
    if (TITLE_FORMS.has(normalizeName(words.slice(0, k).join(' ')))) {
      start = k;
      break;
    }
  }
  const parts = nameParts(words.slice(start).join(' '));
  return parts.given && parts.given.length > 1 ? parts.given : undefined;
}

const graph = await loadGraph();
const articleYear = new Map(
  Object.entries(graph.getAttribute('articles')).map(([id, a]) => [id, a.date?.slice(0, 4) ?? '']),
);

const givenConflicts: string[] = [];
const mergedEditions: string[] = [];
const badPlaces: string[] = [];
const placeNames = new Set<string>();
let eventsWithPlace = 0;
graph.forEachNode((_k, a) => {
  if (a.label === 'Place' || a.label === 'Country')
    for (const n of [a.name, ...a.aliases]) placeNames.add(n.toLowerCase());
});
graph.forEachNode((key, a) => {
  if (a.label === 'Person') {
    const surname = nameParts(a.name).surname;
    const givens = [
      ...new Set(
        [a.name, ...a.aliases]
          .filter((x) => nameParts(x).surname === surname)
          .map(givenName)
          .filter((g): g is string => g !== undefined),
      ),
    ];
    const clash = givens.flatMap((x, i) =>
      givens
        .slice(i + 1)
        .filter((y) => !givenNamesAgree(x, y))
        .map((y) => `${x}/${y}`),
    );
    if (clash.length) givenConflicts.push(`${key} "${a.name}": ${clash.join(', ')}`);
  } else if (a.label === 'Event') {
    const years = [...new Set(a.articles.map((id) => articleYear.get(id) ?? '').filter(Boolean))].sort();
    if (!a.date && years.length > 1 && isRecurringEventName(a.name))
      mergedEditions.push(`${key} "${a.name}": articles of ${years.join(', ')}`);
    if (a.place) {
      eventsWithPlace++;
      if (!placeNames.has(a.place.toLowerCase())) badPlaces.push(`${key} "${a.name}": place "${a.place}"`);
    }
  }
});

const badShare = eventsWithPlace ? badPlaces.length / eventsWithPlace : 0;
const results = [
  {
    check: 'people with different given names in one node',
    offenders: givenConflicts,
    pass: givenConflicts.length === 0,
  },
  {
    check: 'undated recurring events (summits, calls) gathering articles of several years',
    offenders: mergedEditions,
    pass: mergedEditions.length === 0,
  },
  {
    check: `events whose place is no Place or Country node (${(100 * badShare).toFixed(1)}% of ${eventsWithPlace}, target ≤ ${100 * MAX_BAD_PLACES}%)`,
    offenders: badPlaces,
    pass: badShare <= MAX_BAD_PLACES,
  },
];
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
else {
  for (const r of results) {
    console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.check}: ${r.offenders.length}`);
    for (const o of r.offenders.slice(0, limit)) console.log(`        ${o}`);
    if (r.offenders.length > limit) console.log(`        … ${r.offenders.length - limit} more (--limit N)`);
  }
}
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
