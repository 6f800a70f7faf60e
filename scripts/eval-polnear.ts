/**
 * npm run eval:polnear: quote attribution (SAID) held out, on PolNeAR (../shared/nlp/polnear, US
 * political news of 2016 with every attribution annotated; evaluation only, never copied into the
 * project). Each article of the dev and test splits is built on its own, as `newsgraph build`
 * would, and its SAID edges are compared with the gold attributions:
 * - a gold quote is a span in quotation marks (three words or more) inside an attribution's
 *   content, credited to the attribution's source; only sources that name someone ("Trump",
 *   "The New York Post", "Clinton campaign manager Robby Mook") are scored, since a source such as
 *   "he" or "a source" cannot be compared with a graph node;
 * - a predicted quote finds a gold quote when it covers 60% of its words (the rule of
 *   eval/score.mjs), and is right when its speaker's name shares a name word with the gold source;
 * - precision counts every predicted quote that covers a scored gold quote (right or wrong
 *   speaker) or no gold attribution at all; one inside an attribution with an unnamed source is
 *   left out.
 *   npm run eval:polnear -- [--split dev|test|all] [--verbose] [--data DIR (PolNeAR's data folder)]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildGraph } from '../src/pipeline/index.js';
import { requirePath, sharedPath } from './shared-data.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const splitAt = args.indexOf('--split');
const splitArg = splitAt >= 0 ? args[splitAt + 1] : 'all';
if (!['dev', 'test', 'all'].includes(splitArg ?? '')) {
  console.error(`eval:polnear: --split '${splitArg}' is not one of dev, test, all.`);
  process.exit(2);
}
const dataAt = args.indexOf('--data');
const root =
  dataAt >= 0 && args[dataAt + 1]
    ? requirePath('eval:polnear', 'PolNeAR', args[dataAt + 1]!, { name: '--data', given: true })
    : requirePath('eval:polnear', 'PolNeAR', sharedPath('nlp/polnear'), { name: '--data', given: false });

interface GoldQuote {
  words: string[];
  source: string;
  named: boolean;
  text: string;
}
interface Attribution {
  source: string;
  content: string;
}

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** Share of `want`'s words found in `text`. */
const coverage = (want: readonly string[], text: string): number => {
  if (want.length === 0) return 0;
  const have = new Set(wordsOf(text));
  return want.filter((w) => have.has(w)).length / want.length;
};

// Words that open a source without naming anyone ("He", "The source", "Her campaign").
const UNNAMING = new Set(
  'i we you he she it they this that these those the a an his her its their our my some many most one another'.split(
    ' ',
  ),
);
/** A source names someone when it has a capitalised word that is not a pronoun or determiner. */
const names = (source: string): boolean =>
  (source.match(/[\p{L}\p{N}'’.-]+/gu) ?? []).some((w) => /^\p{Lu}/u.test(w) && !UNNAMING.has(w.toLowerCase()));

/** PolNeAR's brat standoff: T lines are spans (possibly discontinuous), E lines tie them into attributions. */
function readAttributions(ann: string, text: string): Attribution[] {
  const spans = new Map<string, string>();
  const out: Attribution[] = [];
  for (const line of ann.split('\n')) {
    const [id, info] = line.split('\t');
    if (!id || !info) continue;
    if (id.startsWith('T')) {
      const [, ...ranges] = info.split(' ');
      const pieces = ranges
        .join(' ')
        .split(';')
        .map((r) => r.split(' ').map(Number) as [number, number]);
      spans.set(id, pieces.map(([from, to]) => text.slice(from, to)).join(' … '));
    } else if (id.startsWith('E')) {
      const roles = new Map(info.split(' ').map((part) => part.split(':') as [string, string]));
      const content = roles.get('Content');
      if (!content) continue;
      out.push({ source: spans.get(roles.get('Source') ?? '') ?? '', content: spans.get(content) ?? '' });
    }
  }
  return out;
}

const QUOTED = /[“"]([^“”"]+)[”"]/g;

function goldQuotes(attributions: readonly Attribution[]): GoldQuote[] {
  const out: GoldQuote[] = [];
  for (const a of attributions) {
    for (const m of a.content.matchAll(QUOTED)) {
      const words = wordsOf(m[1]!);
      if (words.length >= 3) out.push({ words, source: a.source, named: names(a.source), text: m[1]! });
    }
  }
  return out;
}

/** The speaker's name words (name and aliases), of three letters or more. */
function nameWords(attributes: Record<string, unknown>): Set<string> {
  const forms = [attributes.name, ...((attributes.aliases as unknown[]) ?? [])].filter(
    (f): f is string => typeof f === 'string',
  );
  return new Set(forms.flatMap(wordsOf).filter((w) => w.length >= 3));
}

interface Tally {
  articles: number;
  gold: number;
  found: number;
  right: number;
  predicted: number;
  /** Predicted quotes that cover a gold quote of their speaker. */
  predictedRight: number;
  unmatched: number;
}

async function evaluate(split: string): Promise<Tally> {
  const textDir = join(root, split, 'text');
  const annDir = join(root, split, 'attributions');
  const anns = readdirSync(annDir);
  const tally: Tally = { articles: 0, gold: 0, found: 0, right: 0, predicted: 0, predictedRight: 0, unmatched: 0 };
  for (const file of readdirSync(textDir).sort()) {
    const stem = basename(file, '.txt');
    const annFile = anns.find((a) => a.startsWith(`${stem}_`) || a === `${stem}.ann`);
    if (!annFile) continue;
    const text = readFileSync(join(textDir, file), 'utf8');
    const attributions = readAttributions(readFileSync(join(annDir, annFile), 'utf8'), text);
    const gold = goldQuotes(attributions);
    const { graph } = await buildGraph([join(textDir, file)], { workers: 0 });
    const predicted: { quote: string; speaker: Set<string>; name: string }[] = [];
    graph.forEachEdge((_key, attributes, source) => {
      if (attributes.type !== 'SAID') return;
      const speaker = graph.getNodeAttributes(source) as unknown as Record<string, unknown>;
      for (const quote of attributes.quotes ?? [])
        predicted.push({ quote, speaker: nameWords(speaker), name: String(speaker.name) });
    });
    tally.articles++;
    const scored = gold.filter((g) => g.named);
    tally.gold += scored.length;
    for (const g of scored) {
      const hits = predicted.filter((p) => coverage(g.words, p.quote) >= 0.6);
      if (hits.length === 0) {
        if (verbose) console.log(`  FN ${stem}: ${g.source} "${g.text.slice(0, 90)}"`);
        continue;
      }
      tally.found++;
      const sourceWords = wordsOf(g.source);
      if (hits.some((p) => sourceWords.some((w) => p.speaker.has(w)))) tally.right++;
      else if (verbose) console.log(`  WRONG ${stem}: ${hits[0]!.name} for ${g.source} "${g.text.slice(0, 70)}"`);
    }
    for (const p of predicted) {
      const covers = gold.filter((g) => coverage(g.words, p.quote) >= 0.6);
      const named = covers.filter((g) => g.named);
      if (named.length > 0) {
        tally.predicted++;
        if (named.some((g) => wordsOf(g.source).some((w) => p.speaker.has(w)))) tally.predictedRight++;
      } else if (covers.length === 0 && !attributions.some((a) => coverage(wordsOf(p.quote), a.content) >= 0.6)) {
        tally.predicted++;
        tally.unmatched++;
        if (verbose) console.log(`  FP ${stem}: ${p.name} "${p.quote.slice(0, 90)}"`);
      }
    }
  }
  return tally;
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : ((100 * n) / d).toFixed(1));
console.log('split  articles  gold quotes  found  right speaker  predicted  P      R      F1     speaker accuracy');
for (const split of splitArg === 'all' ? ['dev', 'test'] : [splitArg!]) {
  const t = await evaluate(split);
  const p = t.predictedRight / Math.max(1, t.predicted);
  const r = t.right / Math.max(1, t.gold);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  console.log(
    [
      split.padEnd(5),
      String(t.articles).padStart(9),
      String(t.gold).padStart(12),
      String(t.found).padStart(6),
      String(t.right).padStart(14),
      String(t.predicted).padStart(10),
      pct(t.predictedRight, t.predicted).padStart(6),
      pct(t.right, t.gold).padStart(6),
      (100 * f1).toFixed(1).padStart(6),
      pct(t.right, t.found).padStart(9),
    ].join(' '),
  );
}
