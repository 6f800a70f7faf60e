/**
 * npm run eval:ner — the entity tagger alone (data/models/ner.bin, $NEWSGRAPH_NER_MODEL or --model), exact-span F1 over
 * PER, ORG and LOC on data it never learned from: CoNLL-2003 testb, WikiGold, and GUM's news
 * documents of its dev and test splits. `npm run eval:conll` scores the whole pipeline instead.
 *
 *   npm run eval:ner -- [--model PATH] [--json] [--show N]
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TAGS, modelPath, readModel, tagWords, type TaggedSentence } from '../src/extract/ner/index.js';
import { gumSplits, readConll, readGum } from './ner/corpora.js';
import { describeScore, scoreSpans, spanF1 } from './ner/score.js';
import { requirePath, sharedPath } from './shared-data.js';

const args = process.argv.slice(2);
const at = args.indexOf('--model');
const model = (() => {
  try {
    return readModel(at >= 0 && args[at + 1] ? resolve(args[at + 1]!) : modelPath());
  } catch (err) {
    process.stderr.write(`eval:ner: ${(err as Error).message}\n`);
    process.exit(2);
  }
})();
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 0;

const need = (what: string, ...p: string[]): string => requirePath('eval:ner', what, sharedPath(...p));
const gum = gumSplits(need('GUM', 'nlp', 'gum'));
const news = (files: string[]): string[] => files.filter((f) => /GUM_news_/.test(f));
const sets: [string, TaggedSentence[]][] = [
  ['CoNLL-2003 testb', readConll(need('CoNLL-2003', 'eval', 'conll2003', 'eng.testb')).flat()],
  ['WikiGold', readConll(need('WikiGold', 'nlp', 'wikigold', 'wikigold.conll.txt')).flat()],
  ['GUM news (dev + test)', [...news(gum.dev), ...news(gum.test)].flatMap(readGum)],
];

const results: Record<string, unknown> = {};
let words = 0;
let seconds = 0;
for (const [name, sentences] of sets) {
  const t0 = performance.now();
  const predicted = sentences.map((s) => Array.from(tagWords(model, s.words, s.gaps), (t) => TAGS[t]!));
  seconds += (performance.now() - t0) / 1000;
  words += sentences.reduce((n, s) => n + s.words.length, 0);
  const scores = scoreSpans(sentences, predicted, ['PER', 'ORG', 'LOC']);
  results[name] = Object.fromEntries([...scores].map(([k, s]) => [k, Number(spanF1(s).toFixed(1))]));
  if (!args.includes('--json')) console.log(`${name.padEnd(24)} ${describeScore(scores)}`);
  for (const [k, s] of sentences.slice(0, show).entries())
    console.log(
      s.words
        .map((w, i) => (s.tags[i] === 'O' && predicted[k]![i] === 'O' ? w : `${w}[${s.tags[i]}|${predicted[k]![i]}]`))
        .join(' '),
    );
}
const rate = Math.round(words / seconds);
if (args.includes('--json')) console.log(JSON.stringify({ ...results, tokensPerSecond: rate }));
else console.log(`tagger speed: ${rate.toLocaleString('en')} words/s (features and Viterbi, one core)`);
