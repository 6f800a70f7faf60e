import { describe, expect, it } from 'vitest';
import { relationExtractors } from '../../src/extract/relations/index.js';
import { keyOf, makeContext, PEOPLE, type EntitySpec } from '../fixtures/relations/context.js';

const KOVACS = keyOf('Person', 'Anna Kovacs');
const LIND = keyOf('Person', 'Peter Lind');
const ORTIZ = keyOf('Person', 'Maria Ortiz');
const SYLVANIA = keyOf('Country', 'Sylvania');

// A SAID edge needs a target other than the speaker; this leading paragraph gives every text one.
const LEAD = 'The summit opened on Monday.\n';

function said(text: string, entities: EntitySpec[] = PEOPLE): [string, string][] {
  const ctx = makeContext(LEAD + text, entities);
  for (const x of relationExtractors) x.run(ctx);
  return ctx.relations.filter((r) => r.type === 'SAID').map((r) => [r.source, r.quote ?? '']);
}

describe('SAID attribution', () => {
  it.each([
    ['"…," X said', '"We will not give up," Kovacs said.', [[KOVACS, 'We will not give up']]],
    [
      '"…," said X, an apposition',
      '"We will not give up," said Anna Kovacs, a 25-year-old teacher.',
      [[KOVACS, 'We will not give up']],
    ],
    ['X said: "…"', 'Lind said: "The talks went well."', [[LIND, 'The talks went well.']]],
    [
      'X told reporters that "…"',
      'Lind told reporters that "nothing is agreed yet".',
      [[LIND, 'nothing is agreed yet']],
    ],
    [
      'a partial quote inside reported speech',
      'Kovacs said the meeting was "very productive indeed".',
      [[KOVACS, 'very productive indeed']],
    ],
    ['according to X', '"The deal is off," according to Maria Ortiz.', [[ORTIZ, 'The deal is off']]],
    ['"…," X emphasized', '"Sylvania must withdraw," Lind emphasized.', [[LIND, 'Sylvania must withdraw']]],
    [
      'dash-marked speech (- … - said X)',
      'Lind spoke in Geneva.- Sylvania must withdraw from the summit - said Lind.',
      [[LIND, 'Sylvania must withdraw from the summit']],
    ],
    [
      'a spokesperson of a body, for the body',
      '"The deal is off," a Sylvania spokeswoman said.',
      [[SYLVANIA, 'The deal is off']],
    ],
    [
      'a descriptor, never for someone whose relative clause names the office',
      'Lind, who was by the Sylvanian president\'s side, arrived. "The deal is off," the Sylvanian president said.',
      [],
    ],
    [
      'the spokesman the article named, for himself',
      'Sylvania spokesman Peter Lind arrived. "The deal is off," the Sylvania spokesman said.',
      [[LIND, 'The deal is off']],
    ],
    [
      "a body before a person's title and name is the person's office, not the speaker",
      'New NATO Commissioner Sir Peter Lind backed the ceasefire, saying: "The deal holds."',
      [[LIND, 'The deal holds.']],
    ],
    ['X posted on social media: "…"', 'Lind posted on X: "A great day for peace!"', [[LIND, 'A great day for peace!']]],
    [
      'a participle takes the main subject',
      'Kovacs met Lind on Monday, saying afterwards that "the gap has narrowed".',
      [[KOVACS, 'the gap has narrowed']],
    ],
    [
      'a relative clause between subject and verb is skipped',
      'Ms Kovacs, who spoke with Lind and Ortiz, said "we are closer than ever".',
      [[KOVACS, 'we are closer than ever']],
    ],
    [
      'a country named by its seat of government can speak',
      '"The talks were useful," the Kremlin said.',
      [[SYLVANIA, 'The talks were useful']],
    ],
    ['single quotes', "'We are close neighbours,' Kovacs said.", [[KOVACS, 'We are close neighbours']]],
    [
      'a quote of several sentences attributed at its end',
      '"It failed. We go on. Nothing changes," said Ortiz.',
      [[ORTIZ, 'It failed. We go on. Nothing changes']],
    ],
  ])('attributes %s', (_name, text, expected) => {
    expect(said(text)).toEqual(expected);
  });

  it('resolves "he said" to the subject of the previous sentence', () => {
    expect(said('Peter Lind arrived late. "It is over," he said.')).toEqual([[LIND, 'It is over']]);
  });

  it('resolves a descriptor through the titles the article gives', () => {
    const text =
      'Sylvanian President Peter Lind met Anna Kovacs. "We talked about everything," the Sylvanian president said.';
    expect(said(text)).toEqual([[LIND, 'We talked about everything']]);
  });

  it('resolves "the head of state" to the one leader the article titled, and a new one to nobody', () => {
    const titled =
      'Sylvanian President Peter Lind met Anna Kovacs. "We talked about everything," the head of state noted.';
    expect(said(titled)).toEqual([[LIND, 'We talked about everything']]);
    const untitled = 'Peter Lind met Anna Kovacs. "We talked about everything," the head of state noted.';
    expect(said(untitled)).toEqual([]);
    const other =
      'Sylvanian President Peter Lind met Anna Kovacs. "We talked about everything," the new head of state noted.';
    expect(said(other)).toEqual([]);
  });

  it('credits "the president said" to nobody when the article has two presidents', () => {
    const text =
      'President Peter Lind met President Maria Ortiz and President Ortiz spoke first. "We talked about everything," the president said.';
    expect(said(text)).toEqual([]);
  });

  describe('in a transcript', () => {
    const turns = (text: string, entities: EntitySpec[] = PEOPLE) => said(text, entities);

    it("gives each sentence of a speaker's turn that names another actor to the speaker the label names", () => {
      const text = [
        'Briefing by Anna Kovacs and Peter Lind',
        'MS. KOVACS: Good afternoon. Peter Lind is here with us.',
        'Q Is the ceasefire holding?',
        'MR. LIND: It is. Sylvania agreed to the talks yesterday. Thank you.',
        'We expect NATO to join.',
      ].join('\n');
      expect(turns(text)).toEqual([
        [KOVACS, 'Peter Lind is here with us.'],
        [LIND, 'Sylvania agreed to the talks yesterday.'],
        [LIND, 'We expect NATO to join.'],
      ]);
    });

    it('resolves an office alone to the one person the article gave it, and a label naming nobody to no one', () => {
      const text = [
        'Remarks by President Peter Lind and Anna Kovacs',
        'THE PRESIDENT: We talked about Sylvania.',
        'MS. KOVACS: Freedonia is ready.',
        'MODERATOR: Sylvania has the floor.',
      ].join('\n');
      expect(turns(text)).toEqual([
        [LIND, 'We talked about Sylvania.'],
        [KOVACS, 'Freedonia is ready.'],
      ]);
    });

    it('gives no speaker to an office two people of the article hold', () => {
      const text = [
        'Remarks by President Peter Lind and President Maria Ortiz',
        'THE PRESIDENT: We talked about Sylvania.',
        'PRESIDENT ORTIZ: Freedonia is ready.',
      ].join('\n');
      expect(turns(text)).toEqual([[ORTIZ, 'Freedonia is ready.']]);
    });

    it('reads an office label where it first appears, whichever of its turns is read first', () => {
      const text = [
        'Remarks by President Peter Lind',
        'THE PRESIDENT: We talked about Sylvania.',
        'Q What did President Maria Ortiz say?',
        'THE PRESIDENT: Ortiz spoke first. He said, "Freedonia is ready."',
      ].join('\n');
      expect(turns(text)).toEqual([
        [ORTIZ, 'Freedonia is ready.'],
        [LIND, 'We talked about Sylvania.'],
        [LIND, 'Ortiz spoke first.'],
      ]);
    });

    it('never takes "he" in a turn for the one speaking', () => {
      const text = [
        'Remarks by President Peter Lind',
        'THE PRESIDENT: Lind is here. He said, "Sylvania is ready."',
      ].join('\n');
      expect(turns(text).filter(([, quote]) => quote === 'Sylvania is ready.')).toEqual([]);
    });

    it('leaves a quotation inside a turn to the quote attribution', () => {
      const text = ['Briefing', 'MR. LIND: Kovacs told me: "Sylvania will sign."', 'Q Thanks.'].join('\n');
      expect(turns(text)).toEqual([[KOVACS, 'Sylvania will sign.']]);
    });
  });

  it('continues a quote into the next paragraph without attribution', () => {
    const text = 'Ortiz told the radio: "We are ready to work.\n"Our role is to lead the charge."';
    expect(said(text)).toEqual([
      [ORTIZ, 'We are ready to work.'],
      [ORTIZ, 'Our role is to lead the charge.'],
    ]);
  });

  it('continues across a photo caption', () => {
    const text =
      '"We need to sit down and talk," said Peter Lind.\nProtesters in the square (AFP)\n"Every day people die."';
    expect(said(text).map(([s]) => s)).toEqual([LIND, LIND]);
  });

  it('gives a run of quotes, one per sentence, the speaker of the first', () => {
    expect(
      said(
        'Lind told the paper: "He has been here for ever. "I am not sure he will stay. "We play well together. "But you have to respect it."',
      ),
    ).toEqual([
      [LIND, 'He has been here for ever.'],
      [LIND, 'I am not sure he will stay.'],
      [LIND, 'We play well together.'],
      [LIND, 'But you have to respect it.'],
    ]);
  });

  it('takes a colon after a topic ("On Sylvania: …") for no speaker', () => {
    expect(
      said('Kovacs spoke on Sunday. - On Sylvania: "They are our friends and partners." - On NATO: "It holds."'),
    ).toEqual([]);
  });

  it("does not give words quoted inside a sentence reporting someone else to the previous sentence's speaker", () => {
    const text =
      '"It is up to Lind to get it done," Kovacs said. The leaders of Sylvania will host a call for their so-called "coalition of the very willing" on Sunday.';
    expect(said(text)).toEqual([[KOVACS, 'It is up to Lind to get it done']]);
  });

  it("gives a second quote in the same paragraph the first one's speaker", () => {
    const text = '"I do not know what they think," said Maria Ortiz. "They are identical."';
    expect(said(text)).toEqual([
      [ORTIZ, 'I do not know what they think'],
      [ORTIZ, 'They are identical.'],
    ]);
  });

  it('takes the speaker from the preceding sentence that ends with the attribution', () => {
    const text = 'There are a few left, Lind added. "Some are not that significant."';
    expect(said(text)).toEqual([[LIND, 'Some are not that significant.']]);
  });

  it.each([
    ['scare quotes around a phrase', 'The so-called "coalition of the willing" met Lind.'],
    ['a title in quotes', 'Kovacs rode in “The Beast” to the summit.'],
    ['a one-word label', 'The plan was called "Phoenix" by Lind.'],
    ['a quote whose speaker is unnamed', '"The deal is dead," an official briefed on the talks said.'],
    [
      'a short quote far from its speech verb',
      'Lind announced that Kovacs will fly to Geneva on Monday to meet Ortiz after a "long and substantive" call.',
    ],
    [
      'a verb far after the quote',
      '"The visuals were a continuation of it," referring to the shouting match with Maria Ortiz in February.',
    ],
  ])('ignores %s', (_name, text) => {
    expect(said(text)).toEqual([]);
  });

  it('does not take a country that modifies a noun for the speaker', () => {
    const text =
      'Kovacs claimed the Freedonian economy would grow, but said there would be no deal until "we settle the war".';
    expect(said(text)).toEqual([[KOVACS, 'we settle the war']]);
  });

  it.each([
    [
      '"…, but said" keeps the clause-opening subject',
      'Kovacs also claimed that Lind "wants a piece" of the market, but said there is "no deal until we settle".',
      [
        [KOVACS, 'wants a piece'],
        [KOVACS, 'no deal until we settle'],
      ],
    ],
    [
      '"…, but stressed" does not take a late object for the subject',
      'The joint statement did not directly name Sylvania, but stressed "the importance of the law".',
      [],
    ],
    [
      '"said X, a pensioner from Freedonia" prefers the person',
      '"They are identical," said Freedonian pensioner Maria Ortiz.',
      [[ORTIZ, 'They are identical']],
    ],
    [
      'a headline "X: \'…\'" gives the person nearest the colon',
      "Freedonian President Anna Kovacs: 'I believe we had a very productive meeting.'",
      [[KOVACS, 'I believe we had a very productive meeting.']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(said(text)).toEqual(expected);
  });

  it('targets the entity the quote is about', () => {
    const ctx = makeContext('Kovacs said: "Lind has to decide."', PEOPLE);
    for (const x of relationExtractors) x.run(ctx);
    expect(ctx.relations.find((r) => r.type === 'SAID')?.target).toBe(LIND);
  });
});
