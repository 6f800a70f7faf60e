/**
 * The learned name tagger: its weights file (round trip, and one clear error naming the file when
 * it is missing or damaged), its decoder's constraints, and the shipped model on invented names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../../src/errors.js';
import {
  TAGS,
  TAG_COUNT,
  constrained,
  decodeModel,
  encodeModel,
  readModel,
  spansOf,
  taggerModel,
  tagWords,
  tokenGaps,
  viterbi,
  weightsAt,
} from '../../src/extract/ner/index.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { tokenize } from '../../src/extract/tokens.js';

const tag = (name: string): number => TAGS.indexOf(name);

describe('weights file', () => {
  const weights = {
    hashes: Uint32Array.from([7, 99, 123456]),
    emissions: Float32Array.from({ length: 3 * TAG_COUNT }, (_, i) => (i % 5) - 2.5),
    transitions: Float32Array.from({ length: (TAG_COUNT + 1) * TAG_COUNT }, (_, i) => (i % 3) * 0.5),
  };

  it('reads back what it wrote, to the quantisation step', () => {
    const model = decodeModel(encodeModel(weights), 'ner.bin');
    [7, 99, 123456].forEach((hash, row) => {
      const at = weightsAt(model, hash);
      const read = Array.from(model.weights.subarray(at, at + TAG_COUNT), (q) => q * model.scale);
      expect(read).toEqual(
        Array.from(weights.emissions.subarray(row * TAG_COUNT, (row + 1) * TAG_COUNT), (w) => expect.closeTo(w, 3)),
      );
    });
    expect(weightsAt(model, 8)).toBe(-1);
  });

  it.each([
    ['missing', (dir: string) => join(dir, 'absent.bin'), /absent\.bin: .*cannot be read \(missing\)/],
    [
      'not gzip',
      (dir: string) => (writeFileSync(join(dir, 'a.bin'), 'hello'), join(dir, 'a.bin')),
      /a\.bin: .*damaged \(not gzip\)/,
    ],
    [
      'not a model',
      (dir: string) => (writeFileSync(join(dir, 'b.bin'), gzipSync('x'.repeat(40))), join(dir, 'b.bin')),
      /b\.bin: .*damaged \(not a newsgraph tagger model\)/,
    ],
    [
      'cut short',
      (dir: string) => (
        writeFileSync(join(dir, 'c.bin'), gzipSync(Buffer.from(encodeModelBytes()).subarray(0, 200))),
        join(dir, 'c.bin')
      ),
      /c\.bin: .*damaged \(\d+ bytes, expected \d+\)/,
    ],
  ])('a %s file is one error naming the file', (_, make, message) => {
    const path = make(mkdtempSync(join(tmpdir(), 'ner-')));
    expect(() => readModel(path)).toThrow(NewsgraphError);
    expect(() => readModel(path)).toThrow(message);
  });

  function encodeModelBytes(): Buffer {
    return gunzipSync(encodeModel(weights));
  }
});

describe('decoder', () => {
  it('never continues a name that was not opened (no I- after O or after another type)', () => {
    const K = TAG_COUNT;
    const scores = new Float32Array(3 * K);
    // Token 1 prefers I-ORG strongly, after a token that prefers B-PER.
    scores[0 * K + tag('B-PER')] = 9;
    scores[1 * K + tag('I-ORG')] = 5;
    scores[1 * K + tag('I-PER')] = 1;
    const path = viterbi(scores, 3, constrained(new Float32Array((K + 1) * K)));
    expect(Array.from(path, (t) => TAGS[t])).toEqual(['B-PER', 'I-PER', 'O']);
  });

  it('reads names off tags', () => {
    const tags = ['O', 'B-ORG', 'I-ORG', 'B-LOC', 'O', 'B-PER'].map(tag);
    expect(spansOf(tags)).toEqual([
      { from: 1, to: 3, type: 'ORG' },
      { from: 3, to: 4, type: 'LOC' },
      { from: 5, to: 6, type: 'PER' },
    ]);
  });
});

describe('the shipped model', () => {
  const names = (text: string): string[] => {
    const tokens = tokenize(text, splitSentences(text));
    const tags = tagWords(
      taggerModel(),
      tokens.map((t) => t.text),
      tokenGaps(text, tokens),
    );
    return spansOf(tags).map(
      (s) =>
        `${tokens
          .slice(s.from, s.to)
          .map((t) => t.text)
          .join(' ')}/${s.type}`,
    );
  };

  it('finds invented people, organisations and places by their context', () => {
    const found = names(
      'Brevian Foreign Minister Anselm Kovacz met executives of Harlow Dynamics Corporation in Ostrava on Tuesday.',
    );
    expect(found).toContain('Anselm Kovacz/PER');
    expect(found).toContain('Harlow Dynamics Corporation/ORG');
    expect(found).toContain('Ostrava/LOC');
  });
});
