import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits after sentence-final punctuation before a capital or a quote, not after an abbreviation', () => {
    expect(texts('Mr. Lind met Ms. Kovacs. "It went well." She left.')).toEqual([
      'Mr. Lind met Ms. Kovacs.',
      '"It went well."',
      'She left.',
    ]);
  });

  it('starts a sentence at a list item written inline, and leaves the marker out', () => {
    const text = '- On trade: “We will win.” - On Sylvania: “They are friends.” • On talks: fine.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'On trade: “We will win.”',
      'On Sylvania: “They are friends.”',
      'On talks: fine.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a dash inside a sentence', () => {
    expect(texts('We play well - we could do it blind. Nobody - not even Lind - knew.')).toEqual([
      'We play well - we could do it blind.',
      'Nobody - not even Lind - knew.',
    ]);
  });
});
