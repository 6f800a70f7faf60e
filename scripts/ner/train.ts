/**
 * npm run train:ner — trains the entity tagger (data/models/ner.bin) with a structured averaged
 * perceptron over the shippable annotated data (../shared/nlp/README.md says what may ship):
 * GUM's training documents, Re-DocRED, UNER-EWT, and the project's own annotated White House
 * sentences (training/ner/). WikiGold, GUM's dev/test documents and CoNLL-2003 stay out: they are
 * what `npm run eval:ner` measures on. Deterministic: fixed seeds order the sentences of each run.
 *
 *   npm run train:ner -- [--epochs 10] [--runs 5] [--out data/models/ner.bin] [--min-count 1]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  FEATURES_PER_TOKEN,
  TAGS,
  TAG_COUNT,
  constrained,
  encodeModel,
  sentenceFeatures,
  viterbi,
} from '../../src/extract/ner/index.js';
import { seededRandom } from '../../src/graph/layout.js';
import { PROJECT_ROOT, requirePath, sharedPath } from '../shared-data.js';
import { optionValue } from '../options.js';
import { shuffle } from './shuffle.js';
import { gumSplits, readGum } from './corpora.js';
import { shippableSources } from './training-data.js';
import { describeScore, scoreSpans } from './score.js';

const epochs = Number(optionValue('--epochs', '10'));
const minCount = Number(optionValue('--min-count', '1'));
const runs = Number(optionValue('--runs', '5'));
const SEED = 20261205;
for (const [flag, value] of [
  ['--epochs', epochs],
  ['--runs', runs],
  ['--min-count', minCount],
] as const)
  if (!Number.isInteger(value) || value < 1) {
    console.error(`train:ner: ${flag} must be a whole number of 1 or more`);
    process.exit(2);
  }
const out = optionValue('--out', join(PROJECT_ROOT, 'data/models/ner.bin'));

const sources = shippableSources('train:ner');
const train = sources.flatMap(([, s]) => s).filter((s) => s.words.length > 0);
for (const [name, s] of sources)
  console.log(`${name}: ${s.length} sentences, ${s.reduce((n, x) => n + x.words.length, 0)} words`);

// Features are counted first, so that rare ones can be left out (--min-count); rows whose weights average to nothing are left out of the file anyway.
const started = Date.now();
const features = train.map((s) => sentenceFeatures(s.words, s.gaps));
const gold = train.map((s) => Uint8Array.from(s.tags, (t) => Math.max(0, TAGS.indexOf(t))));
const counts = new Map<number, number>();
for (const sentence of features) for (const h of sentence) if (h !== 0) counts.set(h, (counts.get(h) ?? 0) + 1);
const rowOf = new Map<number, number>();
for (const [h, n] of counts) if (n >= minCount) rowOf.set(h, rowOf.size);
counts.clear();
/** Each token's feature rows (-1: a feature the model does not keep). */
const rowsOf = (sentence: Int32Array): Int32Array[] => {
  const out: Int32Array[] = [];
  for (let f = 0; f < sentence.length; f += FEATURES_PER_TOKEN)
    out.push(
      Int32Array.from(sentence.subarray(f, f + FEATURES_PER_TOKEN), (h) => (h === 0 ? -1 : (rowOf.get(h) ?? -1))),
    );
  return out;
};
const rowsOfSentence = features.map(rowsOf);
console.log(`${rowOf.size} features seen at least ${minCount} times`);

const K = TAG_COUNT;

/** The best tags under the current weights: the run-time decoder, over emission scores summed here. */
function decode(rows: Int32Array[], weights: Float64Array, transitions: Float64Array): Uint8Array {
  const scores = new Float64Array(rows.length * K);
  rows.forEach((token, i) => {
    for (const r of token) if (r >= 0) for (let t = 0; t < K; t++) scores[i * K + t]! += weights[r * K + t]!;
  });
  return viterbi(scores, rows.length, constrained(transitions));
}

/** One averaged perceptron, its sentences shuffled by `seed`: its averaged emission and transition weights. */
function trainRun(seed: number, run: number): { emissions: Float64Array; transitions: Float64Array } {
  const w = new Float64Array(rowOf.size * K);
  const acc = new Float64Array(rowOf.size * K);
  const tw = new Float64Array((K + 1) * K);
  const tacc = new Float64Array((K + 1) * K);
  let step = 1;
  const update = (index: number, delta: number, weights: Float64Array, sums: Float64Array): void => {
    weights[index]! += delta;
    sums[index]! += step * delta;
  };
  const random = seededRandom(seed);
  const order = train.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order, random);
    let wrong = 0;
    for (const k of order) {
      const rows = rowsOfSentence[k]!;
      const want = gold[k]!;
      const got = decode(rows, w, tw);
      for (let i = 0; i < want.length; i++) {
        const prevWant = i === 0 ? K : want[i - 1]!;
        const prevGot = i === 0 ? K : got[i - 1]!;
        if (want[i] === got[i] && prevWant === prevGot) continue;
        if (want[i] !== got[i]) {
          wrong++;
          for (const r of rows[i]!) {
            if (r < 0) continue;
            update(r * K + want[i]!, 1, w, acc);
            update(r * K + got[i]!, -1, w, acc);
          }
        }
        update(prevWant * K + want[i]!, 1, tw, tacc);
        update(prevGot * K + got[i]!, -1, tw, tacc);
      }
      step++;
    }
    console.log(`run ${run} epoch ${epoch}: ${wrong} wrong tags (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  // Averaging: the weights each sentence saw, on average, generalise better than the last ones.
  const average = (weights: Float64Array, sums: Float64Array): Float64Array =>
    Float64Array.from(weights, (x, i) => x - sums[i]! / step);
  return { emissions: average(w, acc), transitions: average(tw, tacc) };
}

// Runs over differently shuffled data, averaged: one run's weights move with the order it read the
// sentences in (a small change to a lexicon feature reshuffles which names it gets right); the
// mean of several runs does not, or much less.
const emissionSum = new Float64Array(rowOf.size * K);
const transitionSum = new Float64Array((K + 1) * K);
for (let run = 0; run < runs; run++) {
  const result = trainRun(SEED + run, run + 1);
  result.emissions.forEach((x, i) => (emissionSum[i]! += x));
  result.transitions.forEach((x, i) => (transitionSum[i]! += x));
}
const emissions = Float32Array.from(emissionSum, (x) => x / runs);
const transitions = Float32Array.from(transitionSum, (x) => x / runs);
// Rows whose weights all averaged to nothing are left out of the file.
const live: number[] = [];
const hashes: number[] = [];
for (const [h, r] of rowOf) {
  let any = false;
  for (let t = 0; t < K && !any; t++) if (Math.abs(emissions[r * K + t]!) > 1e-3) any = true;
  if (any) {
    live.push(r);
    hashes.push(h);
  }
}
const kept = new Float32Array(live.length * K);
live.forEach((r, k) => kept.set(emissions.subarray(r * K, r * K + K), k * K));
const file = encodeModel({ hashes: Uint32Array.from(hashes, (h) => h >>> 0), emissions: kept, transitions });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, file);
console.log(`${live.length} feature rows → ${out} (${(file.length / 1e6).toFixed(2)} MB)`);

// A quick check on held-out data; npm run eval:ner is the full one.
const heldOut = gumSplits(requirePath('train:ner', 'the annotated data', sharedPath('nlp', 'gum'))).dev.flatMap(
  readGum,
);
const [finalEmissions, finalTransitions] = [Float64Array.from(emissions), Float64Array.from(transitions)];
const predicted = heldOut.map((s) => {
  const rows = rowsOf(sentenceFeatures(s.words, s.gaps));
  const tags = s.words.length ? decode(rows, finalEmissions, finalTransitions) : new Uint8Array(0);
  return Array.from(tags, (t) => TAGS[t]!);
});
console.log(`GUM dev: ${describeScore(scoreSpans(heldOut, predicted, ['PER', 'ORG', 'LOC']))}`);
