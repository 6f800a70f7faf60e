import { describe, expect, it } from 'vitest';
import { findQuotes, looksLikeTitle } from '../../src/extract/relations/quotes.js';

describe('findQuotes', () => {
  it.each([
    ['finds a curly double quote', 'She said: “We will win.” Then she left.', ['We will win.']],
    ['finds a straight double quote', 'He said "we will win" today.', ['we will win']],
    [
      'pairs a straight opening mark with a curly closing one',
      'He was "counting on America”, he wrote.',
      ['counting on America'],
    ],
    ['trims the comma that belongs to the frame', '"We will win," she said.', ['We will win']],
    [
      'finds single quotes used as quotation marks',
      "'We are close neighbours,' the leader said.",
      ['We are close neighbours'],
    ],
    ['does not take apostrophes for quotes', "Ukraine's leader and the pair’s talks went on.", []],
    [
      'finds speech marked with dashes, as news translated from Polish writes it',
      'The leader spoke in Minsk.- We do not want war. We want peace - said Kovacs.',
      ['We do not want war. We want peace'],
    ],
    [
      'does not take a Markdown list item or a dash aside for speech',
      '-   The plan was agreed - and then signed by Kovacs.\n- The talks ended - a long day for all.',
      [],
    ],
    [
      'keeps a single-quoted phrase inside a double quote nested, not separate',
      'He said "the so-called \'deal\' is dead" today.',
      ["the so-called 'deal' is dead"],
    ],
    ['finds several quotes in one paragraph', '“One,” she said. “Two.”', ['One', 'Two.']],
  ])('%s', (_name, text, expected) => {
    expect(findQuotes(text).map((q) => q.text)).toEqual(expected);
  });

  it('ends an unclosed quote at the paragraph break and flags it open-ended', () => {
    const text = 'She said: "First part.\n"Second part."';
    const quotes = findQuotes(text);
    expect(quotes.map((q) => [q.text, q.openEnded, q.paragraph])).toEqual([
      ['First part.', true, 0],
      ['Second part.', false, 1],
    ]);
  });

  it('ends an unclosed quote at a full stop followed by a new opening mark (paragraph breaks lost)', () => {
    const text =
      'Lind told the paper: "He has been here for ever. "I am not sure he will stay. "But you have to respect it."';
    expect(findQuotes(text).map((q) => [q.text, q.openEnded])).toEqual([
      ['He has been here for ever.', true],
      ['I am not sure he will stay.', true],
      ['But you have to respect it.', false],
    ]);
  });

  it('drops an opening mark never closed when no sentence ends before the next one', () => {
    expect(findQuotes('He called it "the plan and "the real thing" today.').map((q) => q.text)).toEqual([
      'the real thing',
    ]);
  });

  it('gives spans that index the quoted words in the text', () => {
    const text = 'A “quoted phrase” here.';
    const [q] = findQuotes(text);
    expect(text.slice(q!.start, q!.end)).toBe('quoted phrase');
    expect(text.slice(q!.open, q!.close)).toBe('“quoted phrase”');
  });
});

describe('looksLikeTitle', () => {
  it.each([
    ['The Beast', true],
    ['Pursuing Peace', true],
    ['coalition of the willing', false],
    ['We will win.', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeTitle(text)).toBe(expected);
  });
});
