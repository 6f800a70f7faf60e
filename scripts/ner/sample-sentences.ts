/**
 * Picks the White House sentences that were annotated for the entity tagger
 * (training/ner/whitehouse/): documents dated 2022-04-01 to 2022-12-31 or in 2024 (the other dates
 * hold evaluation articles), never a dev-set article, at most a few sentences per document, each
 * with a capitalised word after its first. Seeded, so the same corpus gives the same sample.
 *
 *   tsx scripts/ner/sample-sentences.ts [--count 2400] [--out training/ner/whitehouse/sentences.jsonl]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseText } from '../../src/ingest/index.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { seededRandom } from '../../src/graph/layout.js';
import { optionValue } from '../options.js';
import { shuffle } from './shuffle.js';
import { trainingDocuments } from './whitehouse-window.js';

const count = Number(optionValue('--count', '2400'));
const out = optionValue('--out', 'training/ner/whitehouse/sentences.jsonl');
const PER_DOCUMENT = 4;

const { dir: docsDir, names } = trainingDocuments('sample-sentences');

const random = seededRandom(20261205);

const seen = new Set<string>();
const pool: { doc: string; text: string }[] = [];
for (const name of names) {
  const { text } = parseText(readFileSync(join(docsDir, name), 'utf8'));
  const candidates = splitSentences(text)
    .map((s) => s.text)
    .filter((s) => {
      const words = s.split(/\s+/);
      return words.length >= 6 && words.length <= 60 && words.slice(1).some((w) => /^\p{Lu}/u.test(w)) && !seen.has(s);
    });
  for (const sentence of shuffle(candidates, random).slice(0, PER_DOCUMENT)) {
    seen.add(sentence);
    pool.push({ doc: name, text: sentence });
  }
}
const chosen = shuffle(pool, random).slice(0, count);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  chosen.map((s, i) => JSON.stringify({ id: `wh-${String(i + 1).padStart(4, '0')}`, ...s })).join('\n') + '\n',
);
console.log(
  `${chosen.length} sentences from ${new Set(chosen.map((s) => s.doc)).size} documents (of ${pool.length} candidates) → ${out}`,
);
