import { describe, expect, it } from 'vitest';
import { relationExtractors } from '../../src/extract/relations/index.js';
import type { ArticleRelation, RelationType } from '../../src/types.js';
import { keyOf, makeContext, PEOPLE } from '../fixtures/relations/context.js';

const KOVACS = keyOf('Person', 'Anna Kovacs');
const LIND = keyOf('Person', 'Peter Lind');
const ORTIZ = keyOf('Person', 'Maria Ortiz');
const NATO = keyOf('Organization', 'NATO');
const CEASEFIRE = keyOf('Event', 'ceasefire');
const SUMMIT = keyOf('Event', 'summit');
const SYLVANIA = keyOf('Country', 'Sylvania');
const FREEDONIA = keyOf('Country', 'Freedonia');
const PEACE_DEAL = keyOf('Event', 'peace deal');

function relations(text: string, type: RelationType): ArticleRelation[] {
  const ctx = makeContext(text, PEOPLE, '2025-08-16');
  for (const x of relationExtractors) x.run(ctx);
  return ctx.relations.filter((r) => r.type === type);
}

const pairs = (rels: ArticleRelation[]): string[] => rels.map((r) => [r.source, r.target].sort().join(' + ')).sort();
const pair = (x: string, y: string): string => [x, y].sort().join(' + ');

describe('MET_WITH', () => {
  it.each([
    ['A met with B', 'Kovacs met with Lind in Geneva on Friday.', [pair(KOVACS, LIND)]],
    [
      'A spoke today with B (White House readout style)',
      'Anna Kovacs spoke today with Peter Lind of Sylvania.',
      [pair(KOVACS, LIND)],
    ],
    ['A and B held talks', 'Kovacs and Lind held talks in Anchorage.', [pair(KOVACS, LIND)]],
    ['talks between A and B', 'The talks between Kovacs and Lind lasted three hours.', [pair(KOVACS, LIND)]],
    ['A held high-stakes talks with B', 'Kovacs held high-stakes talks with Lind on Friday.', [pair(KOVACS, LIND)]],
    ["A's call with B", "Kovacs's call with Lind was long.", [pair(KOVACS, LIND)]],
    [
      'A spoke with B, C and others',
      'Lind has spoken with Kovacs, Maria Ortiz and other leaders about the talks.',
      [pair(KOVACS, LIND), pair(LIND, ORTIZ)],
    ],
    ['A was joined by B', 'Kovacs was joined by Lind at the table.', [pair(KOVACS, LIND)]],
    ['a person and an alliance', 'Kovacs met NATO officials.', [pair(KOVACS, NATO)]],
    [
      "a person named by a body's office, not the body",
      'Kovacs met NATO chief executive Peter Lind.',
      [pair(KOVACS, LIND)],
    ],
    [
      'a body and a person coordinated',
      'Kovacs met NATO officials and Peter Lind.',
      [pair(KOVACS, LIND), pair(KOVACS, NATO)].sort(),
    ],
    [
      'when and where between the verb and "with B"',
      'Kovacs, who met on Thursday in Geneva with Lind, said little.',
      [pair(KOVACS, LIND)],
    ],
    ['how and when before "with B"', 'Kovacs spoke by phone on Tuesday with Lind.', [pair(KOVACS, LIND)]],
  ])('finds %s', (_name, text, expected) => {
    expect(pairs(relations(text, 'MET_WITH'))).toEqual(expected);
  });

  it.each([
    ['talk about someone', 'Kovacs spoke about Lind at length.'],
    ['a meeting of one person', 'Kovacs met reporters in the evening.'],
    ['"with" that names no partner', 'Kovacs spoke on Monday with great emotion about Lind.'],
    ['a possessive that is not a participant', "Ortiz praised Kovacs's decision to attend."],
  ])('finds nothing in %s', (_name, text) => {
    expect(relations(text, 'MET_WITH')).toEqual([]);
  });

  it.each([
    ['Kovacs will meet Lind next week.', 'planned'],
    ['Kovacs met Lind last week.', 'occurred'],
  ])('marks "%s" as %s', (text, status) => {
    expect(relations(text, 'MET_WITH').map((r) => r.status)).toEqual([status]);
  });

  it('links the meeting to the event named in the sentence', () => {
    expect(relations('Kovacs met Lind at the summit.', 'MET_WITH')[0]?.event).toBe(SUMMIT);
  });

  it('reads "A of X and B of Y met in Z" as a meeting, but not "A and B met a challenge"', () => {
    expect(
      pairs(relations('President Kovacs of Sylvania and President Lind of Freedonia met in Geneva.', 'MET_WITH')),
    ).toEqual([pair(KOVACS, LIND)]);
    expect(relations('Kovacs and Lind said new rules would meet a growing challenge.', 'MET_WITH')).toEqual([]);
    expect(relations('Kovacs and Lind spoke to the importance of the ceasefire.', 'MET_WITH')).toEqual([]);
  });

  it('takes "I" in a transcript turn for the speaker, and no meeting that is denied', () => {
    const text = [
      'Remarks by President Peter Lind',
      'THE PRESIDENT: Anna Kovacs and I spoke about the ceasefire this morning. I have no meeting with Maria Ortiz to announce.',
      'Q Thank you.',
    ].join('\n');
    expect(pairs(relations(text, 'MET_WITH'))).toEqual([pair(KOVACS, LIND)]);
    expect(relations('Kovacs has not met Lind since the summit.', 'MET_WITH')).toEqual([]);
  });

  it('reads no demand into a speaker recalling their own words in their turn', () => {
    const recalled =
      'Remarks by President Peter Lind\nTHE PRESIDENT: Back then I said, "We have to sign the peace deal."';
    expect(relations(recalled, 'PROPOSED')).toEqual([]);
    expect(relations('Lind said, "We have to sign the peace deal."', 'PROPOSED').map((r) => r.source)).toEqual([LIND]);
  });

  it('gives those who joined a meeting of a group that meeting with each of the group', () => {
    const text =
      'Kovacs and Lind met in Geneva. A blue banner hung behind them. They were joined for the talks by Ortiz.';
    expect(pairs(relations(text, 'MET_WITH'))).toEqual(
      [pair(KOVACS, LIND), pair(KOVACS, ORTIZ), pair(LIND, ORTIZ)].sort(),
    );
    // "They" does not reach over a sentence that names someone else.
    const other = 'Kovacs and Lind met in Geneva. Sylvania sent a banner. They were joined for the talks by Ortiz.';
    expect(pairs(relations(other, 'MET_WITH'))).toEqual([pair(KOVACS, LIND)]);
  });

  it('reads "their talks" as a meeting of the actors listed together or side by side before it', () => {
    const listed =
      'Anna Kovacs, President of the Republic of Freedonia Peter Lind and Maria Ortiz spoke to reporters during their meeting in Geneva.';
    expect(pairs(relations(listed, 'MET_WITH'))).toEqual(
      [pair(KOVACS, LIND), pair(KOVACS, ORTIZ), pair(LIND, ORTIZ)].sort(),
    );
    const beside =
      '"We are close," Kovacs said at a news conference alongside Peter Lind after their closed-door talks.';
    expect(pairs(relations(beside, 'MET_WITH'))).toEqual([pair(KOVACS, LIND)]);
    expect(relations('Kovacs praised their meeting on Friday.', 'MET_WITH')).toEqual([]);
    expect(relations('Kovacs spoke after Lind criticised their talks.', 'MET_WITH')).toEqual([]);
  });

  it('reads "hosted a meeting between A and B" as a meeting of A and B, the host not among them', () => {
    expect(pairs(relations('Kovacs hosted a meeting between Lind and Maria Ortiz.', 'MET_WITH'))).toEqual([
      pair(LIND, ORTIZ),
    ]);
  });

  it('gives a mediator a meeting with each party, and the parties none with each other', () => {
    const expected = [pair(KOVACS, LIND), pair(KOVACS, ORTIZ)].sort();
    expect(pairs(relations('Kovacs undertook a mediation mission between Lind and Maria Ortiz.', 'MET_WITH'))).toEqual(
      expected,
    );
    expect(pairs(relations('Kovacs mediated on Monday between Lind and Maria Ortiz.', 'MET_WITH'))).toEqual(expected);
    expect(relations('Kovacs praised the mediation of Lind.', 'MET_WITH')).toEqual([]);
  });

  it('reads a meeting a quotation reports, but not "I met" and not the agent of a noun', () => {
    const statement = 'Statement on the call\n\n"Today, Kovacs and Lind had a fantastic phone conversation.';
    expect(pairs(relations(statement, 'MET_WITH'))).toEqual([pair(KOVACS, LIND)]);
    expect(relations('"I met Lind yesterday," Kovacs said.', 'MET_WITH')).toEqual([]);
    expect(relations('Ortiz welcomed the decision by Kovacs and Lind to attend.', 'MET_WITH')).toEqual([]);
  });

  it('takes no subject from the object of a relative clause ("councillors who back Lind met …")', () => {
    expect(relations('Two councillors who back Lind met Kovacs in Geneva.', 'MET_WITH')).toEqual([]);
    // After a speech verb the name opens a clause of its own.
    expect(
      relations('The report, which suggested Lind rejected the ceasefire, was leaked.', 'REJECTED').map(
        (r) => r.source,
      ),
    ).toEqual([LIND]);
  });

  it('reads the speakers a title names before a meeting ("Remarks by A and B Before Bilateral Meeting")', () => {
    const title = (t: string): string => `${t}\n\nThe summit opened.`;
    expect(
      pairs(
        relations(
          title(
            'Remarks by President Kovacs and Chancellor Lind of the Federal Republic of Freedonia Before Bilateral Meeting',
          ),
          'MET_WITH',
        ),
      ),
    ).toEqual([pair(KOVACS, LIND)]);
    expect(
      pairs(relations(title('Remarks by President Kovacs Before Meeting with the Leaders of NATO'), 'MET_WITH')),
    ).toEqual([pair(KOVACS, NATO)]);
    expect(relations(title('Remarks by President Kovacs Before Cabinet Meeting'), 'MET_WITH')).toEqual([]);
  });

  it('merges both directions into one source/target order', () => {
    const rels = relations('Kovacs met Lind. Later Lind met Kovacs again.', 'MET_WITH');
    expect(new Set(rels.map((r) => `${r.source}>${r.target}`)).size).toBe(1);
  });
});

describe('PROPOSED and REJECTED', () => {
  const facts = (text: string, type: RelationType) => relations(text, type).map((r) => [r.source, r.target, r.what]);

  it('gives each of coordinated subjects the act, and never one of them as the target', () => {
    expect(facts('Sylvania, Freedonia and the NATO condemned the ceasefire on Monday.', 'REJECTED')).toEqual([
      [SYLVANIA, CEASEFIRE, 'the ceasefire on Monday'],
      [FREEDONIA, CEASEFIRE, 'the ceasefire on Monday'],
      [NATO, CEASEFIRE, 'the ceasefire on Monday'],
    ]);
    // Nothing else named to reject: no fact, rather than one co-subject rejecting the other.
    expect(facts('Sylvania and Freedonia strongly oppose the new tariffs on steel.', 'REJECTED')).toEqual([]);
  });

  it('ends what was rejected at ", as …", and takes the plan named before rather than what the sentence names after', () => {
    expect(
      facts(
        'Lind presented a peace deal in May. Sylvania and its allies largely dismissed the plan, as the sides look no closer to a ceasefire.',
        'REJECTED',
      ),
    ).toEqual([[SYLVANIA, PEACE_DEAL, 'the plan']]);
    expect(facts('Sylvania rejected the ceasefire, as well as the summit.', 'REJECTED')).toEqual([
      [SYLVANIA, CEASEFIRE, 'the ceasefire, as well as the summit'],
    ]);
  });

  it('takes a country for the act of its officials, and of itself "along with its allies"', () => {
    expect(facts('Sylvania foreign ministers demanded a ceasefire.', 'PROPOSED')).toEqual([
      [SYLVANIA, CEASEFIRE, 'a ceasefire'],
    ]);
    expect(facts('Sylvania along with its allies rejected the peace deal.', 'REJECTED')).toEqual([
      [SYLVANIA, PEACE_DEAL, 'the peace deal'],
    ]);
    expect(facts('The Sylvania government flatly rejected the peace deal.', 'REJECTED')).toEqual([
      [SYLVANIA, PEACE_DEAL, 'the peace deal'],
    ]);
    expect(facts('Sylvania forces once again outright rejected the ceasefire.', 'REJECTED')).toEqual([
      [SYLVANIA, CEASEFIRE, 'the ceasefire'],
    ]);
    // One aide is a person of that country, not the country.
    expect(facts('A Sylvania aide rejected the peace deal.', 'REJECTED')).toEqual([]);
  });

  it('takes "X and its allies" for X', () => {
    expect(facts('Sylvania and its allies dismissed the peace deal on Monday.', 'REJECTED')).toEqual([
      [SYLVANIA, PEACE_DEAL, 'the peace deal on Monday'],
    ]);
  });

  it.each([
    [
      'a proposal verb',
      'Kovacs proposed a ceasefire along the front.',
      [[KOVACS, CEASEFIRE, 'a ceasefire along the front']],
    ],
    [
      'urging an addressee',
      'Lind urged Kovacs to accept the ceasefire.',
      [[LIND, KOVACS, 'Kovacs to accept the ceasefire']],
    ],
    ['calling for something', 'Ortiz called for an immediate truce.', [[ORTIZ, CEASEFIRE, 'an immediate truce']]],
    [
      'a possessive proposal noun',
      "Ortiz backed Lind's proposal for a summit in June.",
      [[LIND, SUMMIT, 'a summit in June']],
    ],
    [
      'a relative clause',
      'The plan favours Lind, who has long argued for a ceasefire first.',
      [[LIND, CEASEFIRE, 'a ceasefire first']],
    ],
    [
      'a demand with a modal in a quote',
      'Kovacs said: "Sylvania must accept a ceasefire."',
      [[KOVACS, CEASEFIRE, 'Sylvania must accept a ceasefire']],
    ],
    [
      'a demand whose what ends where a second verb with its own clause begins',
      'Lind demanded a ceasefire and insisted that Kovacs leave the summit.',
      [[LIND, CEASEFIRE, 'a ceasefire']],
    ],
    [
      'an adjective of necessity in reported speech',
      'Kovacs called it necessary to sign the peace deal in May.',
      [[KOVACS, PEACE_DEAL, 'it necessary to sign the peace deal in May']],
    ],
    [
      'a demand the actor believes in',
      'Lind believes that Kovacs should sign the peace deal.',
      [[LIND, PEACE_DEAL, 'Kovacs should sign the peace deal']],
    ],
    [
      'a demand with a modal in reported speech, from after its speech verb',
      'Former envoy Kovacs says Freedonia must accept the ceasefire.',
      [[KOVACS, CEASEFIRE, 'Freedonia must accept the ceasefire']],
    ],
  ])('PROPOSED from %s', (_name, text, expected) => {
    expect(facts(text, 'PROPOSED')).toEqual(expected);
  });

  it.each([
    ['a rejection verb', 'Kovacs rejected the ceasefire offer.', [[KOVACS, CEASEFIRE, 'the ceasefire offer']]],
    ['ruling out', 'Lind ruled out a truce before the summit.', [[LIND, CEASEFIRE, 'a truce before the summit']]],
    [
      'voting against, for each of coordinated voters',
      'Sylvania and Freedonia voted against the ceasefire at the UN.',
      [
        [SYLVANIA, CEASEFIRE, 'the ceasefire at the UN'],
        [FREEDONIA, CEASEFIRE, 'the ceasefire at the UN'],
      ],
    ],
    ['turning down', 'Kovacs turned down the peace deal.', [[KOVACS, PEACE_DEAL, 'the peace deal']]],
    [
      'the passive with an agent',
      'The ceasefire was rejected by Ortiz on Sunday.',
      [[ORTIZ, CEASEFIRE, 'The ceasefire']],
    ],
    [
      'a possessive refusal',
      "Kovacs criticised Lind's refusal to sign the peace deal.",
      [[LIND, keyOf('Event', 'peace deal'), 'sign the peace deal']],
    ],
    [
      'a stated preference',
      'Lind said the best way is a peace deal rather than a temporary ceasefire.',
      [[LIND, CEASEFIRE, 'a temporary ceasefire']],
    ],
  ])('REJECTED from %s', (_name, text, expected) => {
    const found = facts(`The summit opened.\n${text}`, 'REJECTED');
    expect(found.filter(([s]) => s !== KOVACS || !/refusal/.test(text))).toEqual(expected);
  });

  it.each([
    [
      'a named subject before the verb, not a noun after a determiner',
      'The Sylvania rejected the ceasefire offer.',
      'REJECTED',
      [[SYLVANIA, CEASEFIRE]],
    ],
    ['a progressive, not a passive', 'Sylvania is refusing to accept the truce.', 'REJECTED', [[SYLVANIA, CEASEFIRE]]],
    [
      '"the best way … is to" proposes what follows',
      'Lind said the best way to end the war is to sign a peace deal.',
      'PROPOSED',
      [[LIND, PEACE_DEAL]],
    ],
  ] as const)('finds %s', (_name, text, type, expected) => {
    expect(relations(text, type).map((r) => [r.source, r.target])).toEqual(expected);
  });

  it.each([
    ['declining to comment', 'Lind declined to comment on the ceasefire.', 'REJECTED'],
    ['a question', 'Kovacs said: "What does Sylvania have to offer in the truce?"', 'PROPOSED'],
    ['a negated modal', 'Kovacs said: "We don\'t have to think about a truce now."', 'PROPOSED'],
    ['a relative clause with a modal', 'Kovacs said: "It is a truce which needs to be watched."', 'PROPOSED'],
  ] as const)('finds nothing in %s', (_name, text, type) => {
    expect(relations(text, type)).toEqual([]);
  });

  it('gives an act done "for refusing …" to a country\'s punished part, never to a person who owns one', () => {
    expect(
      facts("Lind suspended Sylvania's constituency association for refusing to sign the peace deal.", 'REJECTED'),
    ).toEqual([[SYLVANIA, PEACE_DEAL, 'sign the peace deal']]);
    expect(
      facts("Lind suspended Kovacs's local party branch for refusing to sign the peace deal.", 'REJECTED'),
    ).toEqual([]);
  });

  it('reads a past "needed to" or "had to" as a demand only in reported speech about someone else', () => {
    expect(facts('Kovacs said Freedonia needed to accept the ceasefire.', 'PROPOSED')).toEqual([
      [KOVACS, CEASEFIRE, 'Freedonia needed to accept the ceasefire'],
    ]);
    expect(facts('Lind warned that Sylvania instead had to sign the peace deal.', 'PROPOSED')).toEqual([
      [LIND, PEACE_DEAL, 'Sylvania instead had to sign the peace deal'],
    ]);
    // The speaker's own past, a quotation's narrative and a passive.
    expect(facts('Kovacs said she had to leave the summit early.', 'PROPOSED')).toEqual([]);
    expect(facts('"We had to leave the summit early," Kovacs said.', 'PROPOSED')).toEqual([]);
    expect(facts('Kovacs said more work was needed to secure the ceasefire.', 'PROPOSED')).toEqual([]);
  });

  it('reads no demand into the view of others a speaker reports ("Sylvanians feel that they must …")', () => {
    const text = 'Kovacs said: "I do believe that Sylvanians feel that they must defend the ceasefire."';
    expect(facts(text, 'PROPOSED')).toEqual([]);
  });

  it.each([
    ['a view reported with "suggested"', 'Kovacs suggested his position remained unchanged.'],
    ['an aim with "sought to"', 'Kovacs sought to reassure Lind.'],
    ['a sentence-initial participle', 'Asked about the ceasefire, Kovacs smiled.'],
  ])('finds no PROPOSED in %s', (_name, text) => {
    expect(relations(text, 'PROPOSED')).toEqual([]);
  });

  it('gives an act of "the two leaders" or "they" to each actor named together before', () => {
    const opening = 'Today, President Kovacs of Sylvania and President Lind of Freedonia met in Geneva.';
    const both = [
      [KOVACS, CEASEFIRE, 'the ceasefire along the border'],
      [LIND, CEASEFIRE, 'the ceasefire along the border'],
    ];
    expect(facts(`${opening} The two leaders rejected the ceasefire along the border.`, 'REJECTED')).toEqual(both);
    expect(facts(`${opening} Both leaders noted they rejected the ceasefire along the border.`, 'REJECTED')).toEqual(
      both,
    );
    // A group noun reaches back over a sentence with another subject; "they" does not.
    expect(
      facts(
        `${opening} Sylvania announced new funding. The leaders rejected the ceasefire along the border.`,
        'REJECTED',
      ),
    ).toEqual(both);
    expect(
      facts(`${opening} Sylvania announced new funding. They rejected the ceasefire along the border.`, 'REJECTED'),
    ).toEqual([]);
  });

  it('gives an act of "both leaders" far from any sentence naming them together to the parties of the last meeting', () => {
    const later = 'Kovacs spoke first. Trade was discussed. Lind spoke next. The weather was fine. Kovacs smiled.';
    const text = `Kovacs met with Lind in Geneva. ${later} Both leaders rejected the ceasefire along the border.`;
    expect(facts(text, 'REJECTED').map((f) => f[0])).toEqual([KOVACS, LIND]);
    // The meeting's parties must fit the group noun: three are not "both".
    const three = `Kovacs met with Lind and Ortiz in Geneva. ${later} Both leaders rejected the ceasefire along the border.`;
    expect(facts(three, 'REJECTED')).toEqual([]);
  });

  it('reads a verb after "and" as a verb, not as a noun of the phrase before it', () => {
    expect(
      facts('Kovacs stressed the importance of the relationship and called for a ceasefire.', 'PROPOSED').map(
        (f) => f[0],
      ),
    ).toEqual([KOVACS]);
  });

  it('takes the subject of a clause opened by "after" or "before", not the speaker before it', () => {
    expect(
      facts('The talks were a win, said Ortiz, especially after Kovacs had proposed a ceasefire in May.', 'PROPOSED'),
    ).toEqual([[KOVACS, CEASEFIRE, 'a ceasefire in May']]);
    // "after Lind" with no verb of its own is still an object.
    expect(facts('Ortiz spoke after Lind and proposed a ceasefire.', 'PROPOSED').map((f) => f[0])).toEqual([ORTIZ]);
  });

  it('reads the verbs the CAMEO dictionary gives the lexicons', () => {
    expect(facts('Lind deplored the ceasefire in the east.', 'REJECTED')).toEqual([
      [LIND, CEASEFIRE, 'the ceasefire in the east'],
    ]);
    expect(facts('Kovacs pledged to respect the ceasefire.', 'PROPOSED')).toEqual([
      [KOVACS, CEASEFIRE, 'respect the ceasefire'],
    ]);
    // Left out of the import: a state of mind is no proposal.
    expect(facts('Kovacs hoped for a ceasefire.', 'PROPOSED')).toEqual([]);
  });

  it('takes the noun phrase of a proposal noun for what was proposed when only a time follows it', () => {
    expect(facts('Sylvania unveiled its own ceasefire proposal last week.', 'PROPOSED')).toEqual([
      [SYLVANIA, CEASEFIRE, 'its own ceasefire proposal'],
    ]);
    // A complement says what itself.
    expect(facts("Lind welcomed Sylvania's proposal for a ceasefire in May.", 'PROPOSED')).toEqual([
      [SYLVANIA, CEASEFIRE, 'a ceasefire in May'],
    ]);
  });

  it('gives a trigger noun after a support verb to the verb\'s subject ("will send a proposal for")', () => {
    expect(facts('Today, Kovacs will send a proposal for a new ceasefire to NATO.', 'PROPOSED')).toEqual([
      [KOVACS, CEASEFIRE, 'a new ceasefire to NATO'],
    ]);
    expect(facts('Sylvania lodged a formal protest with Freedonia on Monday.', 'REJECTED')).toEqual([
      [SYLVANIA, FREEDONIA, 'with Freedonia on Monday'],
    ]);
    // CAMEO's STRESS * NEED: stressing the need for something appeals for it; its importance does not.
    expect(facts('Kovacs stressed the urgent need for a ceasefire.', 'PROPOSED')).toEqual([
      [KOVACS, CEASEFIRE, 'a ceasefire'],
    ]);
    expect(facts('Kovacs stressed the importance of the ceasefire.', 'PROPOSED')).toEqual([]);
    // An intent to cooperate is an offer (CAMEO 03); an intent of one's own is a plan.
    expect(facts('Kovacs and Lind expressed their intent to work together toward a ceasefire.', 'PROPOSED')).toEqual([
      [KOVACS, CEASEFIRE, 'work together toward a ceasefire'],
      [LIND, CEASEFIRE, 'work together toward a ceasefire'],
    ]);
    expect(facts('Kovacs reaffirmed her intention to nominate Lind to the summit.', 'PROPOSED')).toEqual([]);
    // Support for someone else's proposal is not one's own, and "his" names the owner himself.
    expect(facts('Kovacs expressed support for a proposal by Lind on the ceasefire.', 'PROPOSED')).toEqual([
      [LIND, CEASEFIRE, 'the ceasefire'],
    ]);
    expect(
      facts('Ortiz welcomed Kovacs, and Lind repeated his offer of a ceasefire.', 'PROPOSED').map((f) => f[0]),
    ).toEqual([LIND]);
    // A second verb after ", and" shares the clause's opening subject.
    expect(
      facts('Lind congratulated Kovacs on the summit, and made an offer of a ceasefire.', 'PROPOSED').map((f) => f[0]),
    ).toEqual([LIND]);
    // A protest is no rejection without a support verb: it may be a demonstration.
    expect(facts('Protests against the summit spread across Sylvania.', 'REJECTED')).toEqual([]);
  });

  it('takes no subject for a descriptor the article gave nobody, rather than the name before it', () => {
    expect(facts('Lind says the Freedonian president rejected the ceasefire.', 'REJECTED')).toEqual([]);
    expect(facts('Lind says the Freedonian president extended an invitation to the summit.', 'PROPOSED')).toEqual([]);
  });

  it('reads "… to support X, President Y will …" as Y alone, and "A, B, and an unnamed C" as a list', () => {
    expect(
      facts('In concert with aid to support Sylvania, President Lind will propose a ceasefire.', 'PROPOSED').map(
        (f) => f[0],
      ),
    ).toEqual([LIND]);
    expect(
      pairs(relations('Kovacs, Security Adviser Lind, and Deputy Minister Jan Hus met with Maria Ortiz.', 'MET_WITH')),
    ).toEqual([pair(KOVACS, ORTIZ), pair(LIND, ORTIZ)]);
  });

  it('reads a verb after a time ("Lind this week criticised"), not as the end of a noun phrase', () => {
    expect(facts('Lind this week criticised the ceasefire.', 'REJECTED')).toEqual([[LIND, CEASEFIRE, 'the ceasefire']]);
    expect(facts('The offer this week drew criticism from Lind.', 'PROPOSED')).toEqual([]);
  });

  it('finds the one punished or praised "for" an act, and an agent after "by" only when it names no noun', () => {
    expect(
      facts('Kovacs has suspended the Sylvania delegation for refusing to sign the ceasefire.', 'REJECTED').map(
        (f) => f[0],
      ),
    ).toEqual([SYLVANIA]);
    expect(
      facts('The bid was turned down by the Sylvania exchange for undervaluing the peace deal.', 'REJECTED'),
    ).toEqual([]);
    expect(facts('The ceasefire was rejected by a NATO spokesman.', 'REJECTED').map((f) => f[0])).toEqual([NATO]);
  });

  it('gives no act to one asked to do it ("urged Lind to reject"), but does to one made to', () => {
    expect(facts('Kovacs urged Lind to reject the ceasefire.', 'REJECTED')).toEqual([]);
    expect(facts('Kovacs asked NATO to condemn the ceasefire.', 'REJECTED')).toEqual([]);
    expect(facts('Sylvania forced Lind to reject the ceasefire.', 'REJECTED').map((f) => f[0])).toEqual([LIND]);
    // An act that stops is none.
    const pressure =
      'President Kovacs asked his fellow leaders to increase pressure on Sylvania to stop refusing this peace deal.';
    expect(facts(pressure, 'REJECTED')).toEqual([]);
  });

  it('takes an event named before for the target only within two sentences, else no act', () => {
    expect(facts('The summit opened on Monday. Lind called for calm.', 'PROPOSED')).toEqual([[LIND, SUMMIT, 'calm']]);
    const far = 'The summit opened on Monday. Lind spoke. Ortiz spoke. Kovacs spoke. Lind called for calm.';
    expect(facts(far, 'PROPOSED')).toEqual([]);
  });

  it('reads "wants X to …" as a demand on X, but not a wish of one\'s own', () => {
    expect(facts('Sylvania, in turn, wants Freedonia to sign the peace deal.', 'PROPOSED')).toEqual([
      [SYLVANIA, FREEDONIA, 'Freedonia to sign the peace deal'],
    ]);
    expect(facts('Sylvania wants to see a ceasefire.', 'PROPOSED')).toEqual([]);
    expect(facts('Kovacs wanted a peace deal with Lind.', 'PROPOSED')).toEqual([]);
  });

  it('reads a group noun that is the last word outside quotes', () => {
    const text = '- Ortiz commented on her relationship with European leaders: "They respect Sylvania again."';
    expect(() => relations(text, 'SAID')).not.toThrow();
  });

  it('gives no act to a plural subject that does not fit the group', () => {
    const opening = 'Kovacs, Lind and Ortiz met in Geneva.';
    // Three people are not "the two leaders", and people are not "both countries".
    expect(facts(`${opening} The two leaders rejected the ceasefire.`, 'REJECTED')).toEqual([]);
    expect(facts('Kovacs and Lind met in Geneva. Both countries rejected the ceasefire.', 'REJECTED')).toEqual([]);
    // Nor to the person named before: "they" is not Ortiz.
    expect(facts('Ortiz spoke in Geneva. They rejected the ceasefire.', 'REJECTED')).toEqual([]);
  });

  it('reads blame and complaint as rejection, but not a question or "is to blame"', () => {
    expect(facts('Sylvania blamed Freedonia for the ceasefire collapse.', 'REJECTED').map((f) => f[0])).toEqual([
      SYLVANIA,
    ]);
    expect(facts('Lind complained about the peace deal.', 'REJECTED')).toEqual([
      [LIND, PEACE_DEAL, 'about the peace deal'],
    ]);
    expect(facts('Did Lind complain about the peace deal?', 'REJECTED')).toEqual([]);
    expect(facts('Lind is to blame for the end of the ceasefire.', 'REJECTED')).toEqual([]);
  });

  it('reads a refusal to accept as a rejection, and a denied act as none', () => {
    expect(facts('Sylvania said it would not accept the ceasefire.', 'REJECTED')).toEqual([
      [SYLVANIA, CEASEFIRE, 'the ceasefire'],
    ]);
    expect(facts('Sylvania will never recognize the peace deal.', 'REJECTED')).toEqual([
      [SYLVANIA, PEACE_DEAL, 'the peace deal'],
    ]);
    expect(facts('Sylvania has not yet accepted the ceasefire.', 'REJECTED')).toEqual([]);
    expect(facts('Kovacs reneged on the peace deal.', 'REJECTED')).toEqual([[KOVACS, PEACE_DEAL, 'the peace deal']]);
    expect(facts('Lind will not meet Ortiz at the summit.', 'REJECTED').map((f) => f[0])).toEqual([LIND]);
    expect(relations('Lind will not meet Ortiz at the summit.', 'MET_WITH')).toEqual([]);
    expect(facts('Kovacs did not reject the ceasefire.', 'REJECTED')).toEqual([]);
    expect(facts('Kovacs has never proposed a ceasefire.', 'PROPOSED')).toEqual([]);
  });

  it("reads a quotation's first-person act as its speaker's, but not a supposed one", () => {
    const quoted = (text: string, type: RelationType) => facts(`The summit opened.\n${text}`, type);
    expect(quoted('Lind said: "We strongly oppose the peace deal."', 'REJECTED')).toEqual([
      [LIND, PEACE_DEAL, 'the peace deal'],
    ]);
    expect(quoted('"I have always called for a ceasefire," Ortiz told reporters.', 'PROPOSED')).toEqual([
      [ORTIZ, CEASEFIRE, 'a ceasefire'],
    ]);
    // Someone else's act, a denied act, a supposed act.
    expect(quoted('"They reject the ceasefire," Lind said.', 'REJECTED')).toEqual([]);
    expect(quoted('"We did not reject the ceasefire," Lind said.', 'REJECTED')).toEqual([]);
    expect(quoted('"If we reject the ceasefire, we lose," Lind said.', 'REJECTED')).toEqual([]);
    expect(facts('Kovacs warned of sanctions if Lind rejected the ceasefire.', 'REJECTED')).toEqual([]);
  });

  it('reads an offer in "willingness to" and "expressed his readiness to", not a stated plan', () => {
    expect(
      facts("Lind welcomed Sylvania's willingness to host the summit.", 'PROPOSED').map((f) => f.slice(0, 2)),
    ).toEqual([[SYLVANIA, SUMMIT]]);
    expect(facts('Lind expressed his readiness to attend the summit.', 'PROPOSED').map((f) => f.slice(0, 2))).toEqual([
      [LIND, SUMMIT],
    ]);
    expect(facts('Lind announced his intention to attend the summit.', 'PROPOSED')).toEqual([]);
  });

  it('reads "calls for" as the verb when no one owns the noun, and objections and appeals as nouns', () => {
    expect(facts('Kovacs calls for a ceasefire.', 'PROPOSED')).toEqual([[KOVACS, CEASEFIRE, 'a ceasefire']]);
    expect(facts('The calls for a ceasefire grew louder.', 'PROPOSED')).toEqual([]);
    expect(facts("Sylvania's appeal for a ceasefire reached Lind.", 'PROPOSED').map((f) => f.slice(0, 2))).toEqual([
      [SYLVANIA, CEASEFIRE],
    ]);
    expect(
      facts("Sylvania's objections to the peace deal delayed the summit.", 'REJECTED').map((f) => f.slice(0, 2)),
    ).toEqual([[SYLVANIA, PEACE_DEAL]]);
  });

  it('takes "it" after a speech verb for the body that spoke, and only for its own verb', () => {
    expect(facts('Sylvania says it will reject the peace deal.', 'REJECTED')).toEqual([
      [SYLVANIA, PEACE_DEAL, 'the peace deal'],
    ]);
    expect(
      facts('Sylvania sent a note. It also said: "We reject the ceasefire."', 'REJECTED').map((f) => f[0]),
    ).toEqual([SYLVANIA]);
    expect(facts('Sylvania sent a note. It is time to reject the ceasefire.', 'REJECTED')).toEqual([]);
    const move = 'Sylvania announced it was annexing the region, in a move rejected and condemned by Freedonia.';
    expect(facts(move, 'REJECTED').map((f) => f[0])).not.toContain(SYLVANIA);
  });

  it('does not read "accused of" without an object as the accused accusing', () => {
    expect(
      relations('Lind, accused of delaying the ceasefire, denied it.', 'REJECTED').map((r) => r.source),
    ).not.toContain(undefined);
    expect(relations('Lind is accused of delaying the ceasefire.', 'REJECTED')).toEqual([]);
  });
});

describe('PARTICIPATED_IN', () => {
  it.each([
    ['a statement made at an event', '"We are ready," Ortiz said at the summit.', [[ORTIZ, SUMMIT]]],
    ['but not a statement about an event', '"The summit was useless," Ortiz said.', []],
    ['attending an event', 'Ortiz attended the summit in June.', [[ORTIZ, SUMMIT]]],
    [
      'both sides of a meeting at an event',
      'Kovacs met Lind at the summit.',
      [
        [KOVACS, SUMMIT],
        [LIND, SUMMIT],
      ],
    ],
  ])('from %s', (_name, text, expected) => {
    const rels = relations(text, 'PARTICIPATED_IN').map((r) => [r.source, r.target]);
    expect(rels.sort()).toEqual(expected.sort());
  });
});
