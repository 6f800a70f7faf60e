/** Exact-span scoring of tagged sentences against gold, per type (the CoNLL measure). */
import { spansOf, TAGS, type NameType, type TaggedSentence } from '../../src/extract/ner/index.js';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

const f1 = (s: Score): number => (s.tp === 0 ? 0 : (200 * s.tp) / (2 * s.tp + s.fp + s.fn));

/** Scores predicted tag sequences against gold ones over `types`; returns per-type and overall counts. */
export function scoreSpans(
  gold: readonly TaggedSentence[],
  predicted: readonly (readonly string[])[],
  types: readonly NameType[],
): Map<string, Score> {
  const scores = new Map<string, Score>([
    ['all', { tp: 0, fp: 0, fn: 0 }],
    ...types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }] as [string, Score]),
  ]);
  const index = (tags: readonly string[]): number[] => tags.map((t) => Math.max(0, TAGS.indexOf(t)));
  gold.forEach((sentence, k) => {
    const want = new Set(
      spansOf(index(sentence.tags))
        .filter((s) => types.includes(s.type))
        .map((s) => `${s.from}:${s.to}:${s.type}`),
    );
    const got = new Set(
      spansOf(index(predicted[k]!))
        .filter((s) => types.includes(s.type))
        .map((s) => `${s.from}:${s.to}:${s.type}`),
    );
    for (const key of got) {
      const type = key.split(':')[2]!;
      const hit = want.has(key);
      for (const name of ['all', type]) scores.get(name)![hit ? 'tp' : 'fp']++;
    }
    for (const key of want) if (!got.has(key)) for (const name of ['all', key.split(':')[2]!]) scores.get(name)!.fn++;
  });
  return scores;
}

/** "F1 63.4 (P 83.7 R 51.1) · PER 73.3 · ORG 27.2 · LOC 77.6" */
export function describeScore(scores: Map<string, Score>): string {
  const all = scores.get('all')!;
  const p = all.tp ? (100 * all.tp) / (all.tp + all.fp) : 0;
  const r = all.tp ? (100 * all.tp) / (all.tp + all.fn) : 0;
  const parts = [...scores].filter(([k]) => k !== 'all').map(([k, s]) => `${k} ${f1(s).toFixed(1)}`);
  return `F1 ${f1(all).toFixed(1)} (P ${p.toFixed(1)} R ${r.toFixed(1)}) · ${parts.join(' · ')}`;
}

export const spanF1 = f1;
