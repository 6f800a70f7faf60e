import { describe, expect, it } from 'vitest';
import { createContext, DEFAULT_EXTRACTORS } from '../../src/extract/index.js';
import { PhraseMatcher } from '../../src/extract/relations/phrases.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { firstTokenFrom, phraseTokens, tokenContaining, tokenize } from '../../src/extract/tokens.js';
import { firstStartingFrom, lastStartingAtOrBefore } from '../../src/util/search.js';

const words = (text: string): string[] => tokenize(text, splitSentences(text)).map((t) => t.text);

describe('the one tokenizer', () => {
  it('keeps dotted acronyms, inner apostrophes, hyphens and ampersands inside a word', () => {
    expect(words("U.S. officials met AT&T and O'Brien's sit-down team; they won't.")).toEqual([
      'U.S.',
      'officials',
      'met',
      'AT&T',
      'and',
      "O'Brien",
      'sit-down',
      'team',
      'they',
      "won't",
    ]);
  });

  it('cuts a lower-case modifier off a name, but keeps a prefixed word whole', () => {
    expect(
      words(
        'Kremlin-backed and UN-led forces met the Organisation for Economic Co-operation and Anti-corruption teams.',
      ),
    ).toEqual([
      'Kremlin',
      'and',
      'UN',
      'forces',
      'met',
      'the',
      'Organisation',
      'for',
      'Economic',
      'Co-operation',
      'and',
      'Anti-corruption',
      'teams',
    ]);
  });

  it('splits a lexicon phrase exactly as it splits text, so the matcher finds "U.S." and "AT&T" phrases', () => {
    const text = 'The U.S. envoy held talks with AT&T executives.';
    const tokens = tokenize(text, splitSentences(text));
    expect(phraseTokens('u.s. envoy')).toEqual(['u.s.', 'envoy']);
    const hits = new PhraseMatcher(['U.S. envoy', 'at&t executives', 'held talks']).find(tokens, 0, text.length);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['U.S. envoy', 'held talks', 'AT&T executives']);
  });

  it('answers the two offset questions with their own names: first token from, token containing', () => {
    const text = 'Talks ended. Leaders left.';
    const tokens = tokenize(text, splitSentences(text));
    const inside = text.indexOf('nded');
    expect(tokens[tokenContaining(tokens, inside)]!.text).toBe('ended');
    expect(tokens[firstTokenFrom(tokens, inside)]!.text).toBe('Leaders');
    expect(firstTokenFrom(tokens, text.length)).toBe(tokens.length);
    expect(tokenContaining(tokens, 0)).toBe(0);
  });

  it('is run once per article, by the sentence extractor, and the context keeps the result', () => {
    const ctx = createContext({
      id: 'a',
      path: 'a',
      text: 'Anna Kovacs met Peter Lind in Vienna. "We agree," Kovacs said.',
    });
    DEFAULT_EXTRACTORS[0]!.run(ctx);
    const tokens = ctx.tokens;
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    for (const extractor of DEFAULT_EXTRACTORS.slice(1)) extractor.run(ctx);
    // Later extractors read the same array instead of tokenizing again.
    expect(ctx.tokens).toBe(tokens);
  });
});

describe('binary search over start offsets', () => {
  const list = [{ start: 0 }, { start: 5 }, { start: 5 }, { start: 9 }];
  it.each([
    [-1, 0, 0],
    [0, 0, 0],
    [4, 1, 0],
    [5, 1, 2],
    [8, 3, 2],
    [9, 3, 3],
    [20, 4, 3],
  ])('offset %i: first starting from it is %i, last starting at or before it is %i', (offset, first, last) => {
    expect(firstStartingFrom(list, offset)).toBe(first);
    expect(lastStartingAtOrBefore(list, offset)).toBe(last);
  });
  it('returns 0 on an empty list', () => {
    expect(firstStartingFrom([], 3)).toBe(0);
    expect(lastStartingAtOrBefore([], 3)).toBe(0);
  });
});
