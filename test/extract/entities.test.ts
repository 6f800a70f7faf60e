/**
 * Entity recognition and in-article coreference, on sentences from White House
 * statements (public domain) and small constructed variants of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/index.js';
import { entityExtractor } from '../../src/extract/entities/index.js';
import { sentenceExtractor } from '../../src/extract/sentences.js';
import type { ExtractionContext } from '../../src/extract/types.js';
import type { ArticleEntity } from '../../src/types.js';

function extract(text: string, date?: string): ExtractionContext {
  const ctx = createContext({ id: 'a', path: 'a', text, ...(date ? { date } : {}) });
  sentenceExtractor.run(ctx);
  entityExtractor.run(ctx);
  return ctx;
}

/** The entity key each listed surface form was resolved to. */
function keysOf(ctx: ExtractionContext, ...surfaces: string[]): (string | undefined)[] {
  return surfaces.map((s) => ctx.mentions.find((m) => m.text === s)?.entity);
}

const labelled = (ctx: ExtractionContext, label: string): ArticleEntity[] =>
  [...ctx.entities.values()].filter((e) => e.label === label);

const entitiesOf = (ctx: ExtractionContext, label: string): string[] => labelled(ctx, label).map((e) => e.name);

/** How many mentions each entity of `label` has, in the article's order. */
const mentionCounts = (ctx: ExtractionContext, label: string): number[] =>
  labelled(ctx, label).map((e) => e.mentions.length);

describe('persons', () => {
  it('takes no title in the plural for a person, even before a speech verb', () => {
    const ctx = extract(
      'President Lindqvar spoke with President Ostrava today. They agreed all parties must continue the effort to make a ceasefire work. The Presidents noted the positive work of their advisors, especially Secretary Kovacs and others.  The Presidents instructed their teams to move ahead with the technical issues. The Presidents instructed their advisors to carry out this work as quickly as possible. The Presidents emphasized that in further meetings, the teams can agree.',
    );
    expect(entitiesOf(ctx, 'Person').sort()).toEqual(['Kovacs', 'Lindqvar', 'Ostrava']);
  });

  it("reads a one-word title ending a name's run after a first name as the surname", () => {
    const ctx = extract('Former Prime Minister John Major backed the plan, and Army Major Peter Lind did not.');
    expect(entitiesOf(ctx, 'Person').sort()).toEqual(['John Major', 'Peter Lind']);
  });

  it('reads a middle initial as part of a name, at the start of a sentence too', () => {
    const ctx = extract('Peter W. Lindqvar said the line was closed on Monday.');
    expect(entitiesOf(ctx, 'Person')).toEqual(['Peter W Lindqvar']);
  });

  it('joins a surname to a full name with a generational suffix, and a middle name to the one full name holding it', () => {
    const ctx = extract(
      'President Peter M. Lindqvar Jr. met President Luiz Marco Ostrava da Silva. President Lindqvar and President Ostrava spoke later.',
    );
    expect(entitiesOf(ctx, 'Person').sort()).toEqual(['Luiz Marco Ostrava da Silva', 'Peter M Lindqvar Jr']);
  });

  it('takes a first name and a surname after office words in one capitalised run for the person', () => {
    const ctx = extract(
      'The session was attended by Ministers of Finance Peter Lindqvar, Defense Maria Ostrova and the Defense Free Trade team.',
    );
    expect(entitiesOf(ctx, 'Person').sort()).toEqual(['Maria Ostrova', 'Peter Lindqvar']);
  });

  it.each([
    [
      "merges 'Zelenskyy' and 'Volodymyr Zelensky' into one person",
      'President Volodymyr Zelensky of Ukraine spoke today. Later, Zelenskyy said the talks were useful.',
      ['Volodymyr Zelensky', 'Zelenskyy'],
    ],
    [
      "links 'Mr Trump' and 'President Trump' to 'Donald Trump'",
      'Donald Trump met the press. Mr Trump said he was ready. President Trump then left.',
      ['Donald Trump', 'Trump', 'Trump'],
    ],
    [
      "links 'Sir Keir' to 'Keir Starmer' by his first name",
      'Prime Minister Sir Keir Starmer spoke with allies. Sir Keir said Europe stood together.',
      ['Keir Starmer', 'Keir'],
    ],
    [
      "links 'President Xi' to 'Xi Jinping', whose family name comes first",
      'President Xi Jinping met the envoy in Beijing. President Xi said the talks were useful.',
      ['Xi Jinping', 'Xi'],
    ],
    [
      "keeps the particles of 'Ursula von der Leyen' and links 'von der Leyen'",
      'European Commission President Ursula von der Leyen spoke in Brussels. Later von der Leyen said more.',
      ['Ursula von der Leyen', 'von der Leyen'],
    ],
  ])('%s', (_name, text, surfaces) => {
    const keys = keysOf(extract(text), ...surfaces);
    expect(keys[0]).toMatch(/^Person:/);
    for (const k of keys) expect(k).toBe(keys[0]);
  });

  it("does not give 'Mr Howard' to 'Howard Flight': an honorific stands before a surname, maybe another man's", () => {
    const ctx = extract(
      'Sacked MP Howard Flight will not stand. At a news conference, Mr Howard insisted he had played by the rules.',
    );
    expect(entitiesOf(ctx, 'Person').sort()).toEqual(['Howard', 'Howard Flight']);
  });

  it('reads a surname in -ing at the end of a name in running text, but no -ing word inside one', () => {
    expect(entitiesOf(extract('French leader Anna Halding met the press in Geneva.'), 'Person')).toEqual([
      'Anna Halding',
    ]);
    expect(entitiesOf(extract('Anna Halding met the press in Geneva.'), 'Person')).toEqual(['Anna Halding']);
    expect(entitiesOf(extract('The Anna Tracking Program opened in Geneva on Monday.'), 'Person')).toEqual([]);
  });

  it('does not take a sentence-initial word for a first name ("Unlike Pashinyan")', () => {
    const ctx = extract('Prime Minister Nikol Pashinyan spoke. Unlike Pashinyan, others stayed silent.');
    expect(entitiesOf(ctx, 'Person')).toEqual(['Nikol Pashinyan']);
  });

  it('resolves "the Ukrainian president" to the person the article calls so', () => {
    const ctx = extract(
      'Ukrainian President Volodymyr Zelenskyy arrived on Monday. Donald Trump welcomed him. The Ukrainian president thanked the US.',
    );
    const [zel, desc] = keysOf(ctx, 'Volodymyr Zelenskyy', 'The Ukrainian president');
    expect(desc).toBe(zel);
  });

  it.each([
    [
      'nobody in the article was given that nationality',
      'Chancellor Anna Kovacs met President Peter Lind in Vienna to discuss Russian troops. The Russian president was not there.',
    ],
    [
      'the person with that nationality holds another office',
      'Russian Prime Minister Ivan Orlov met Anna Kovacs. The Russian president was not there.',
    ],
    [
      'two people were given that role and nationality',
      'Russian President Ivan Orlov and former Russian President Pavel Sokol spoke. The Russian president left early.',
    ],
  ])('gives "the Russian president" to nobody when %s', (_case, text) => {
    const ctx = extract(text);
    expect(ctx.mentions.find((m) => /Russian president/.test(m.text))).toBeUndefined();
  });

  it('gives "his Russian counterpart" to the leader the article calls Russian', () => {
    const ctx = extract(
      'Russian President Ivan Orlov spoke to Anna Kovacs. Kovacs later called his Russian counterpart.',
    );
    const [orlov, desc] = keysOf(ctx, 'Ivan Orlov', 'his Russian counterpart');
    expect(desc).toBe(orlov);
  });

  it.each([
    [
      'a title-case headline does not lengthen a name with its verbs',
      'President Arno Vale Announces Key Nominees for Trade Posts\n\nOn Monday the president named three envoys, the office of Arno Vale said.',
      ['Arno Vale'],
    ],
    [
      'a titled surname in a headline the body never repeats is still a person; the rest of the line is not',
      'Remarks by President Vale in Press Gaggle Aboard the Aircraft\n\nTHE PRESIDENT: Do you have any questions?',
      ['Vale'],
    ],
  ])('%s', (_case, text, persons) => {
    const ctx = extract(text);
    expect(entitiesOf(ctx, 'Person')).toEqual(persons);
    expect(entitiesOf(ctx, 'Organization')).toEqual([]);
  });

  it('reads "Joseph R. Biden, Jr." as one name', () => {
    const ctx = extract('President Joseph R. Biden, Jr. spoke today with President Volodymyr Zelenskyy of Ukraine.');
    expect(entitiesOf(ctx, 'Person').sort()).toEqual(['Joseph R Biden', 'Volodymyr Zelenskyy']);
  });
});

describe('countries and organisations', () => {
  it.each([
    ['a capital used as an actor is its country', 'Moscow said the talks had failed.', 'Moscow', 'Country:russia'],
    [
      'a seat of government used as an actor is its country',
      'The Kremlin rejected the plan.',
      'Kremlin',
      'Country:russia',
    ],
    ['a capital after a locative is a place', 'The leaders met in Moscow on Friday.', 'Moscow', 'Place:moscow'],
    ['"the Russian side" is the country', 'The Russian side did not reply.', 'The Russian side', 'Country:russia'],
    ['an alias of a country is the country', 'Britain and the U.S. agreed.', 'U.S.', 'Country:united states'],
    [
      'an acronym of a known body is that body',
      'NATO allies met in Brussels.',
      'NATO',
      'Organization:north atlantic treaty organization',
    ],
  ])('%s', (_name, text, surface, key) => {
    expect(keysOf(extract(text), surface)[0]).toBe(key);
  });

  it('splits "US-Russia" into both countries', () => {
    const ctx = extract('The US-Russia talks ended.');
    expect(entitiesOf(ctx, 'Country').sort()).toEqual(['Russia', 'United States']);
  });

  it('takes no all-caps word the article uses as a common noun, after "a" or "an", for an organisation', () => {
    const ctx = extract(
      'He posted a 2.26 ERA which ranked him 10th. His ERA fell. Bobick won by a first-round KO, then eight by KO. An ASDF agent said the ASDF would look into it.',
    );
    expect(entitiesOf(ctx, 'Organization')).toEqual(['ASDF']);
  });

  it('keeps a lone unknown acronym the tagger reads as an organisation, but not a code or a plural noun', () => {
    const lone = extract('The group was founded with a grant from ZVNR, a charity based in Oslo.');
    expect(entitiesOf(lone, 'Organization')).toEqual(['ZVNR']);
    const plural = extract(
      'The group was founded with a grant from ZVNR, a charity based in Oslo. Other ZVNRs followed.',
    );
    expect(entitiesOf(plural, 'Organization')).toEqual([]);
    const code = extract('The group was founded with a grant from ZV, a charity based in Oslo.');
    expect(entitiesOf(code, 'Organization')).toEqual([]);
  });

  it('reads a known name on over a lower-case word that ends the capitalised run ("in Europe")', () => {
    const ctx = extract('The Organization for Security and Co-operation in Europe agreed. The OSCE said so.');
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Organization for Security and Co-operation in Europe']);
    expect(mentionCounts(ctx, 'Organization')).toEqual([2]);
    expect(entitiesOf(ctx, 'Place')).toEqual([]);
  });

  it('gives an acronym in brackets the name it abbreviates', () => {
    const ctx = extract('The Popular Front Party of Azerbaijan (PFPA) protested. The PFPA said so.');
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Popular Front Party of Azerbaijan']);
  });

  it('runs an organisation\'s "of" phrase over demonyms and a closing office to its noun', () => {
    const ctx = extract(
      'The Association of British Glassmakers wrote to the Department of Justice. A spokesman for the Association of Chief Police Officers agreed.',
    );
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Association of British Glassmakers', 'Department of Justice']);
    // "Chief" before "Police Officers" is no title of a person.
    expect(entitiesOf(ctx, 'Person')).toEqual([]);
  });

  it("keeps a demonym in an organisation's name, so two countries' ministries stay apart", () => {
    const ctx = extract('The Russian Foreign Ministry and the Ukrainian Foreign Ministry traded accusations.');
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Russian Foreign Ministry', 'Ukrainian Foreign Ministry']);
    const country = extract('The Fiji Labour Party won the vote.');
    expect(entitiesOf(country, 'Organization')).toEqual(['Fiji Labour Party']);
    expect(entitiesOf(country, 'Country')).toEqual([]);
  });

  it('reads a form of state before a country as the country, and a body named after a country as a body', () => {
    const ctx = extract('Two envoys of the Union of Comoros met the Consumer Federation of America.');
    expect(entitiesOf(ctx, 'Country')).toEqual(['Comoros']);
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Consumer Federation of America']);
  });

  it('reads a name opened by a foreign word for a firm or an institution as an organisation', () => {
    const ctx = extract('Deutsche Velmor held talks on Friday, and Banco Ostrava said it would bid.');
    expect(entitiesOf(ctx, 'Organization').sort()).toEqual(['Banco Ostrava', 'Deutsche Velmor']);
    expect(entitiesOf(ctx, 'Person')).toEqual([]);
  });

  it("reads a title word before a body's noun as part of the body's name", () => {
    const ctx = extract('The Premier Council said the inquiry would start soon.');
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Premier Council']);
  });

  it('runs an "of" phrase over two unknown nouns joined by "and"', () => {
    const ctx = extract('The Office of Velmor and Budget Planning met on Monday.');
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Office of Velmor and Budget Planning']);
  });

  it('stops an "of" phrase before a person named after it', () => {
    const ctx = extract('Lind met the Executive Committee of the ZRP Hussein Kovacs on Monday.');
    expect(entitiesOf(ctx, 'Organization')).not.toContain('Executive Committee of the ZRP Hussein Kovacs');
  });

  it("takes a city before an organisation's name into the name", () => {
    const ctx = extract('Shares in Dravia Mills fell on the Paris Grain Exchange on Monday.');
    expect(entitiesOf(ctx, 'Organization')).toContain('Paris Grain Exchange');
    expect(entitiesOf(ctx, 'Country')).toEqual([]);
  });

  it('finds the organisations of a real White House statement', () => {
    const text = readFileSync(
      new URL('../fixtures/entities/whitehouse-2022-01-02-biden-zelenskyy-call.txt', import.meta.url),
      'utf8',
    );
    const ctx = extract(text);
    expect(entitiesOf(ctx, 'Organization')).toEqual(expect.arrayContaining(['North Atlantic Treaty Organization']));
    expect(entitiesOf(ctx, 'Country')).toEqual(expect.arrayContaining(['Ukraine', 'United States', 'Russia']));
    expect(entitiesOf(ctx, 'Person')).toEqual(expect.arrayContaining(['Volodymyr Zelenskyy', 'Jen Psaki']));
  });
});

describe('events', () => {
  it('reads "against" and its object as part of a war', () => {
    const ctx = extract('Kovacs condemned the brutal war against Freedonia.', '2025-05-01');
    expect(entitiesOf(ctx, 'Event')).toEqual(['brutal war against Freedonia']);
  });

  it('keeps the possessor and the describing words of an event among its forms', () => {
    const ctx = extract('Kovacs condemned Russia’s unlawful and brutal war against Ukraine in a statement.');
    const [war] = labelled(ctx, 'Event');
    expect(war?.aliases).toEqual(
      expect.arrayContaining([
        'Russia’s unlawful and brutal war against Ukraine',
        'unlawful and brutal war against Ukraine',
      ]),
    );
  });

  it('reads events in a prose sentence made mostly of titles and names, not taking it for a headline', () => {
    const ctx = extract(
      'Today, President Anna Kovacs and Freedonia’s President Peter Lindqvar had a fantastic phone conversation. They spoke for an hour.',
    );
    expect(entitiesOf(ctx, 'Event')).toEqual(['phone conversation']);
  });

  it("keeps a happening known from its sentence's people apart from one of other people", () => {
    const ctx = extract(
      'President Anna Kovacs and President Peter Lindqvar held a long phone conversation. Kovacs briefed Lindqvar on his conversation with President Maria Ostrova.',
    );
    expect(entitiesOf(ctx, 'Event')).toHaveLength(2);
  });

  it('keeps a partial and a full ceasefire apart', () => {
    const ctx = extract(
      'The two leaders agreed on a partial ceasefire against energy, on the way to a full ceasefire.',
    );
    expect(entitiesOf(ctx, 'Event').sort()).toEqual(['full ceasefire', 'partial ceasefire']);
  });

  it('takes an event noun named by its capitalised complement for one event, not a call or a meeting', () => {
    const ctx = extract('They welcomed the second Summit for Freedonia Unity. Kovacs backed the Call for Proposals.');
    expect(entitiesOf(ctx, 'Event')).toEqual(['Summit for Freedonia Unity']);
  });

  it.each([
    ["last year's", "Last year's summit in Madrid agreed new plans.", '2022'],
    ["next year's", "Next year's summit in Madrid will be larger.", '2024'],
  ])("dates %s summit by the article's year", (_case, text, year) => {
    const events = [...extract(text, '2023-07-11').entities.values()].filter((e) => e.label === 'Event');
    expect(events.map((e) => e.date)).toEqual([year]);
  });

  it.each([
    [
      'a capitalised word before the event that is no place',
      'Leaders gathered for the COVID summit on Monday.',
      undefined,
    ],
    ['a recognised place before the event', 'Anna Kovacs flew to the Alaska summit on Friday.', 'Alaska'],
  ])("takes the event's place only from a recognised place: %s", (_case, text, place) => {
    const events = [...extract(text).entities.values()].filter((e) => e.label === 'Event');
    expect(events.map((e) => e.place)).toEqual([place]);
  });

  it('merges the mentions of one summit and keeps its place', () => {
    const ctx = extract(
      'Trump and Putin held talks in Anchorage on Friday. The summit produced no deal. After the summit, Trump flew home.',
    );
    const [a, b] = keysOf(ctx, 'talks in Anchorage on Friday', 'The summit');
    expect(a).toMatch(/^Event:/);
    expect(b).toBe(a);
    expect(ctx.entities.get(a!)?.place).toBe('Anchorage');
  });

  it('keeps a "next meeting" apart from the meeting that happened', () => {
    const ctx = extract('The meeting in Alaska was short. Putin proposed that the next meeting be held in Moscow.');
    const [a, b] = keysOf(ctx, 'The meeting in Alaska', 'the next meeting');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(b).not.toBe(a);
  });

  it('keeps a meeting of another year apart ("the 1945 meeting")', () => {
    const ctx = extract(
      'The summit in Alaska ended. Critics compared it to the 1945 meeting of US, UK and Soviet leaders.',
    );
    const [a, b] = keysOf(ctx, 'The summit in Alaska', 'the 1945 meeting of US, UK');
    expect(b ?? ctx.mentions.find((m) => m.text.startsWith('the 1945 meeting'))?.entity).not.toBe(a);
  });

  it('keeps "Monday\'s meeting" apart from the summit the article placed on Friday', () => {
    const ctx = extract(
      'Trump and Putin held a summit in Alaska on Friday. Zelensky will come to Washington. Monday’s meeting will be tense.',
    );
    const summit = ctx.mentions.find((m) => m.text.startsWith('a summit in Alaska'))?.entity;
    const monday = ctx.mentions.find((m) => m.text.startsWith('Monday'))?.entity;
    expect(summit).toBeDefined();
    expect(monday).toBeDefined();
    expect(monday).not.toBe(summit);
  });

  it('merges a bare "the talks" into the happening the article talks most about', () => {
    const ctx = extract(
      'Leaders held talks in Geneva on Tuesday. The Geneva talks lasted four hours. A ceasefire was discussed. The talks ended late.',
    );
    const [a, b, c] = keysOf(ctx, 'talks in Geneva on Tuesday', 'The Geneva talks', 'The talks');
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('resolves "on Friday" against the article date', () => {
    const ctx = extract('The leaders held a summit in Alaska on Friday.', '2025-08-16');
    const summit = [...ctx.entities.values()].find((e) => e.label === 'Event');
    expect(summit?.date).toBe('2025-08-15');
  });

  it.each([
    ['a written date', 'The leaders met at a summit in Geneva on 16 June 2021.', undefined, '2021-06-16'],
    ['a month and year', 'Russia began the full-scale invasion of Ukraine in February 2022.', undefined, '2022-02'],
    ['a month against the article date', 'The Oval Office meeting in February went badly.', '2025-08-16', '2025-02'],
    ['no date without an article date', 'The summit in Alaska on Friday was short.', undefined, undefined],
  ])('dates an event from %s', (_name, text, date, expected) => {
    const event = [...extract(text, date).entities.values()].find((e) => e.label === 'Event');
    expect(event).toBeDefined();
    expect(event?.date).toBe(expected);
  });

  it.each([
    ['a verb "call for" is no event', 'Leaders call for calm.'],
    ['"war crimes" is no war', 'He was accused of war crimes.'],
    ['a generic attack is no event', 'There were attacks overnight.'],
  ])('%s', (_name, text) => {
    expect(entitiesOf(extract(text), 'Event')).toEqual([]);
  });
});

describe('transcripts', () => {
  it('takes no speaker label repeated through a briefing for an organisation', () => {
    const ctx = extract(
      'Briefing by Anna Kovacs and Peter Lind\n\nMS. KOVACS: Good afternoon.\n\nMR. LIND: Thanks. We spoke with Sylvania.\n\nQ Thanks.\n\nMR. LIND: Sure. The talks went on.\n\nQ And?\n\nMR. LIND: We will see.',
    );
    expect([...ctx.entities.values()].filter((e) => e.label === 'Organization').map((e) => e.name)).toEqual([]);
    expect([...ctx.entities.values()].filter((e) => e.label === 'Person').map((e) => e.name)).toEqual([
      'Anna Kovacs',
      'Peter Lind',
    ]);
  });

  it('takes no speaker label of a briefing transcript for an entity', () => {
    const ctx = extract(
      'MR. KOVACS:  Thank you. We will hold talks with Peter Lind.\n\nTHE PRESIDENT:  Good morning.\n\nQ  Mr. President, will you meet him?',
    );
    expect([...ctx.entities.values()].filter((e) => e.label !== 'Event').map((e) => e.name)).toEqual(['Peter Lind']);
  });

  it("joins no reporter's question label to the name after it", () => {
    const ctx = extract(
      'MR. KOVACS:  As I said, it is uncertain, and so I will let the President —\n\nQ    Brian, so since —\n\nQ    Does that — what is a fair price —\n\nQ    Sorry, they called on me.\n\nQ    What is a fair price —\n\nQ    Brian.\n\nQ    — that you would accept, the White House, for gas?\n\nQ    Brian, as you just spoke about China, what are the conversations with India — another country that is dealing with major oil issues?',
    );
    expect(entitiesOf(ctx, 'Person')).toEqual([]);
  });
});

describe('mentions', () => {
  it('are sorted by start and point at existing entities and sentences', () => {
    const ctx = extract('Donald Trump met Vladimir Putin in Alaska. Putin said the summit was useful. Trump agreed.');
    const starts = ctx.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const m of ctx.mentions) {
      expect(ctx.entities.has(m.entity)).toBe(true);
      expect(ctx.sentences[m.sentence]!.start).toBeLessThanOrEqual(m.start);
      expect(ctx.sentences[m.sentence]!.end).toBeGreaterThanOrEqual(m.end);
    }
  });

  it('is deterministic', () => {
    const text = readFileSync(
      new URL('../fixtures/entities/whitehouse-2022-01-02-biden-zelenskyy-call.txt', import.meta.url),
      'utf8',
    );
    expect(JSON.stringify(extract(text).mentions)).toBe(JSON.stringify(extract(text).mentions));
  });
});

describe('datelines', () => {
  it('takes the town an agency story was filed from for a place, even in capitals no lexicon lists', () => {
    const ctx = extract('FLOODS HIT VALLEY\n\nVELMORA , France 2024-05-03\n\nFloods cut the road on Friday.');
    expect(entitiesOf(ctx, 'Place')).toEqual(['Velmora']);
    const agency = extract('Floods hit valley\n\nVELMORA, 3 May (AP) - Floods cut the road on Friday.');
    expect(entitiesOf(agency, 'Place')).toEqual(['Velmora']);
  });

  it('reads no place into an opening that only looks like a dateline', () => {
    const ctx = extract('Floods hit valley\n\nOn Friday, 3 May (AP) - Floods cut the road.');
    expect(entitiesOf(ctx, 'Place')).toEqual([]);
  });
});

describe('cities', () => {
  it('takes a city of the gazetteer that no rule typed for a place, but not a club in a results table', () => {
    const ctx = extract('Charleroi was shelled overnight, the mayor said.');
    expect(entitiesOf(ctx, 'Place')).toEqual(['Charleroi']);
    const table = extract('Results on Thursday:\nCharleroi 75 Estudiantes 70\nKovacs ( Charleroi ) scored 20.');
    expect(entitiesOf(table, 'Place')).toEqual([]);
  });
});

describe('places of the lexicons', () => {
  it("reads the United Kingdom's countries as places, an island as no country, and more generic words of places", () => {
    const uk = extract('The unit transferred to England in June 1943, then to Scotland.');
    expect(entitiesOf(uk, 'Place').sort()).toEqual(['England', 'Scotland']);
    const island = extract('Survivors swam to Shark Island after the wreck.');
    expect(entitiesOf(island, 'Place')).toEqual(['Shark Island']);
    expect(entitiesOf(island, 'Country')).toEqual([]);
    const features = extract('The convoy crossed Nova Kakhovka Dam and Vellmar Creek on the Halvorsen Highway.');
    expect(entitiesOf(features, 'Place').sort()).toEqual(['Halvorsen Highway', 'Nova Kakhovka Dam', 'Vellmar Creek']);
  });
});

describe('places and institutions by the words around them', () => {
  it('takes an unknown name after a place\'s noun and "of" for a place', () => {
    const ctx = extract('Shelling hit the village of Ostrovka overnight, and troops dug in north of Pelhamsk.');
    expect(entitiesOf(ctx, 'Place').sort()).toEqual(['Ostrovka', 'Pelhamsk']);
  });

  it("takes a name ending in a school's, a club's or a firm's word for an organisation", () => {
    const ctx = extract(
      'Students at Carleton College joined engineers of Halvorsen Systems and the Vellmar Economic Club.',
    );
    expect(entitiesOf(ctx, 'Organization').sort()).toEqual([
      'Carleton College',
      'Halvorsen Systems',
      'Vellmar Economic Club',
    ]);
    expect(entitiesOf(ctx, 'Person')).toEqual([]);
  });
});

describe('a known place written into a longer name', () => {
  it('reads the whole name, typed by the tagger, instead of the place inside it', () => {
    const city = extract('The accident happened near Atlantic City, where six died.');
    expect(entitiesOf(city, 'Place')).toEqual(['Atlantic City']);
    const team = extract('He played two seasons for the Texas Vellmars before he retired.');
    expect(entitiesOf(team, 'Organization')).toEqual(['Texas Vellmars']);
    expect(entitiesOf(team, 'Place')).toEqual([]);
  });

  it('keeps the place when the tagger gives the longer name no type, or the place owns what follows', () => {
    const untyped = extract('We will talk to the U.S. Government about it, she said.');
    expect(entitiesOf(untyped, 'Country')).toEqual(['United States']);
    const owner = extract("Topics of Interest Estonia's PM said the training would go on.");
    expect(entitiesOf(owner, 'Country')).toEqual(['Estonia']);
  });

  it('takes a first name that is no place, before a place-named surname, for a person whatever the tagger reads', () => {
    const ctx = extract('Let me go to Steve Holland, Reuters.');
    expect(entitiesOf(ctx, 'Person')).toEqual(['Steve Holland']);
    expect(entitiesOf(ctx, 'Country')).toEqual([]);
  });

  it("reads a place's name after a venue's name as where the venue is, and a place for no person", () => {
    const venue = extract('The leaders met at the Sokha Hotel Phnom Penh, Cambodia.');
    expect(entitiesOf(venue, 'Place')).toEqual(['Sokha Hotel']);
    expect(entitiesOf(venue, 'Country')).toEqual(['Cambodia']);
    const region = extract('Migrants crossed from North Africa on Monday.');
    expect(entitiesOf(region, 'Place')).toEqual(['North Africa']);
    expect(entitiesOf(region, 'Person')).toEqual([]);
  });

  it('joins the place and one word to the organisation of the article named "of the" that word', () => {
    const ctx = extract(
      'The Department of the Treasury leads the task force. The U.S. Treasury has sanctioned and blocked vessels.',
    );
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Department of the Treasury']);
    expect(mentionCounts(ctx, 'Organization')).toEqual([2]);
  });
});

describe('names written with abbreviations and "for"', () => {
  it('reads a place\'s name after "St.", "Mt." and "Ft." as one name', () => {
    const ctx = extract('He flew to St. Petersburg, then to Mt. Vellmar and Ft. Halvorsen.');
    expect(entitiesOf(ctx, 'Place').sort()).toEqual(['Ft. Halvorsen', 'Mt. Vellmar', 'St. Petersburg']);
  });

  it('takes a body\'s "for" phrase, two nouns joined by "and" and a noun\'s own "of" phrase into its name', () => {
    const ctx = extract(
      'The Vellmar Institute for the Study of War said the Halvorsen Center for Strategic and International Studies agreed.',
    );
    expect(entitiesOf(ctx, 'Organization').sort()).toEqual([
      'Halvorsen Center for Strategic and International Studies',
      'Vellmar Institute for the Study of War',
    ]);
  });
});

describe("a body's generic word alone", () => {
  it('names the one organisation of the article named before with that word, and none when two are', () => {
    const one = extract('The Vellmar League of Rights was founded in 1946. Critics said the League was racist.');
    expect(mentionCounts(one, 'Organization')).toEqual([2]);
    const two = extract('The Vellmar League met the Ostrava League in 1946. Critics said the League was racist.');
    expect(entitiesOf(two, 'Organization').sort()).toEqual(['Ostrava League', 'Vellmar League']);
    expect(mentionCounts(two, 'Organization')).toEqual([1, 1]);
  });

  it("gives an organisation's last word alone the organisation's name", () => {
    const ctx = extract('He played for the Texas Vellmars before he retired. The Vellmars won the title.');
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Texas Vellmars']);
    expect(mentionCounts(ctx, 'Organization')).toEqual([2]);
  });
});

describe('teams in results tables', () => {
  it('takes the names heading the rows of a results table for teams, in capitals too', () => {
    const ctx = extract(
      'Results on Thursday:\nCharleroi 75 Estudiantes 70\nStandings:\nVellmar Rovers 15 10 5 0 31 12 35\nHALVORSEN 13 12 1 77 76 27\nOstrava ( Freedonia ) 9 4 5 13',
    );
    expect(entitiesOf(ctx, 'Organization').sort()).toEqual([
      'Charleroi',
      'Estudiantes',
      'HALVORSEN',
      'Ostrava',
      'Vellmar Rovers',
    ]);
  });

  it('leaves scorers in brackets, ranked athletes, cued people and numbered names in prose alone', () => {
    const ctx = extract(
      'Charleroi 2 ( Pelhame 34 , Lindqvar 71 74 ) Estudiantes 1\n8. Halvorsen 101\nPresident Ostrava 67 70\nThe Vellmar 2 (2015) accords were broken within a year by both sides.',
    );
    expect(entitiesOf(ctx, 'Organization').sort()).toEqual(['Charleroi', 'Estudiantes']);
  });
});

describe('names the learned tagger reads', () => {
  it('takes an unknown two-word name for the organisation its context makes it, not for a person', () => {
    const ctx = extract('The contract went to Harlow Dynamics, a defence company based in Ohio.');
    expect(entitiesOf(ctx, 'Organization')).toEqual(['Harlow Dynamics']);
    expect(entitiesOf(ctx, 'Person')).toEqual([]);
  });

  it('takes an unknown name with no title, first name or speech verb for the person it tags', () => {
    const ctx = extract('The plant was opened on Monday by Dravko Pelhame, who runs the company.');
    expect(entitiesOf(ctx, 'Person')).toEqual(['Dravko Pelhame']);
  });

  it('leaves a describing word out of a tagged person, and a phrase of common words out of the people', () => {
    const ctx = extract(
      'Frenchman Gilles Pelhame beat the top seed in straight sets. The Iron Dome intercepted most of the rockets.',
    );
    expect(entitiesOf(ctx, 'Person')).toEqual(['Gilles Pelhame']);
  });

  it('joins a first name alone that it tags as a person to the person of the article with that first name', () => {
    const ctx = extract(
      'Angelo Pelhame was born in Miami. By the mid 1990s he was planning parties for clubs, recalls Angelo, and the work grew.',
    );
    expect(mentionCounts(ctx, 'Person')).toEqual([2]);
  });

  it('takes a single unknown word it tags as an organisation for one, with or without a speech verb', () => {
    const ctx = extract('Analysts at Commerzbank said the Bundesbank would raise rates.');
    expect(entitiesOf(ctx, 'Organization').sort()).toEqual(['Bundesbank', 'Commerzbank']);
    expect(entitiesOf(ctx, 'Person')).toEqual([]);
  });

  it('gives every mention of a single word the organisation it tags at one of them', () => {
    const ctx = extract(
      'Vellmarbank said it would cut jobs. The bank was bought by Vellmarbank in 2008, and the Bundesbank approved the deal.',
    );
    expect(entitiesOf(ctx, 'Person')).toEqual([]);
    expect(entitiesOf(ctx, 'Organization').sort()).toEqual(['Bundesbank', 'Vellmarbank']);
    expect(mentionCounts(ctx, 'Organization')).toEqual([1, 2]);
  });

  it.each(['Catholics', 'Nazism', 'Department', '@Commerzbank'])(
    "takes no word for people or a quality, no body's word alone and no handle for an organisation: %s",
    (word) => {
      const ctx = extract(`The deal with ${word}, Germany's second-largest lender, was approved.`);
      expect(entitiesOf(ctx, 'Organization')).toEqual([]);
    },
  );

  it('adds no single capitalised word the rules passed over, and nothing from a title-case heading', () => {
    const ctx = extract(
      'Fact Sheet: Promoting Clean Energy Jobs Across The Region\n\nThe Republicans in the House voted against it.',
    );
    expect(entitiesOf(ctx, 'Organization')).toEqual([]);
    expect(entitiesOf(ctx, 'Place')).toEqual([]);
  });
});
