import { describe, expect, it } from 'vitest';
import { speakerTurns } from '../../src/extract/transcripts.js';

const BRIEFING = [
  'Press Briefing by Press Secretary Anna Kovacs and Peter Lind',
  'MS. KOVACS: Good afternoon, everybody.',
  'Q Good afternoon.',
  'MR. LIND: Thanks, Anna. The talks with Sylvania went well.',
  'We will meet again in May.',
  'PRIME MINISTER ORTIZ: Thank you.',
].join('\n');

describe('speakerTurns', () => {
  it('reads each labelled paragraph as a turn running to the next label, reporters as Q', () => {
    const turns = speakerTurns(BRIEFING);
    expect(turns.map((t) => [t.label, t.words])).toEqual([
      ['MS. KOVACS', ['kovacs']],
      ['Q', []],
      ['MR. LIND', ['lind']],
      ['PRIME MINISTER ORTIZ', ['prime', 'minister', 'ortiz']],
    ]);
    const lind = turns[2]!;
    expect(BRIEFING.slice(lind.labelStart, lind.labelEnd)).toBe('MR. LIND:');
    expect(BRIEFING.slice(lind.start, lind.end)).toBe(
      'Thanks, Anna. The talks with Sylvania went well.\nWe will meet again in May.\n',
    );
    expect(turns[3]!.end).toBe(BRIEFING.length);
  });

  it('takes one label with an office or honorific for a speech transcript', () => {
    expect(speakerTurns('Remarks by President Lind\nTHE PRESIDENT: Thank you all.').map((t) => t.label)).toEqual([
      'THE PRESIDENT',
    ]);
  });

  it('does not take one kicker or headline in capitals for a transcript', () => {
    for (const text of [
      'FACT SHEET: New Steps on Trade\nThe plan is new.',
      'XI: We will talk\nThe leader spoke on Monday.',
      'WATCH: the launch\nIt went well.',
    ])
      expect(speakerTurns(text)).toEqual([]);
  });

  it('needs the capitals to be a whole label followed by words', () => {
    expect(speakerTurns('The US: a view\nNATO: the plan\nEU said: yes')).toEqual([]);
  });
});
