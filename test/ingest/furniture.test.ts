/**
 * Furniture removal: each rule on a small snippet in the style of the sample articles, what
 * must stay (quotes, names, captions' words), and a whole pasted page against its expected text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/ingest/decode.js';
import { defaultFurnitureRules, isByline, removeFurniture, stripCredits } from '../../src/ingest/furniture.js';

const rules = defaultFurnitureRules();
const BODY =
  'President Joseph R. Biden, Jr. spoke today with President Volodymyr Zelenskyy of Ukraine about the situation in the region and the support of the allies.';
/** The snippet between two body paragraphs, so that top-of-page rules do not interfere. */
const clean = (snippet: string): string => removeFurniture(`${BODY}\n${snippet}\n${BODY}`, rules);
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');

describe('lines that are removed', () => {
  it.each([
    ['a video timestamp', '2:20'],
    ['a long video timestamp', '1:02:33'],
    ['a player label with a running time', 'PLAY | 00:45'],
    ['a browser notice of the video player', 'Please use Chrome browser for a more accessible video player'],
    ['a "browser does not support" notice', 'Your browser does not support the video tag.'],
    ['an embed consent prompt about cookies', 'To show you this content, we need your permission to use cookies.'],
    [
      'an embed provider notice',
      'This content is provided by Spotify, which may be using cookies and other technologies.',
    ],
    ['a privacy settings pointer', 'You can change your settings at any time via the Privacy Options.'],
    ['an app promo', 'Get all your news in one place.'],
    ['a sign-up prompt', 'Sign up to read this article'],
    ['a sign-in prompt', 'Already a member? Sign in here'],
    ['a free-trial promo', 'Fourteen days free'],
    ['an app download prompt', 'Download the app'],
    ['a sources promo', '100+ trusted global sources.'],
    ['a related-stories heading', 'Related Stories'],
    ['a top-stories heading', 'Top stories on inkl right now'],
    ['a comments heading', 'No comments yet...'],
    ['an AI-features promo', 'Explore what Daily8 AI can do for you:'],
    ['a share line', 'Share this article'],
    ['a row of share buttons', 'Facebook Twitter Email'],
    ['a copyright line', 'Copyright The Financial Times Limited 2025. All rights reserved.'],
    ['an advertisement label', 'ADVERTISEMENT'],
    ['a labelled dateline without a date', 'Published YESTERDAY'],
    ['an update stamp', 'Updated 05:21'],
    ['a caption that is only a credit', 'Image: File pic: AP'],
  ])('removes %s', (_name, line) => {
    expect(clean(line)).toBe(`${BODY}\n${BODY}`);
  });

  it('removes the embed label above a consent prompt', () => {
    expect(clean('Spotify\nTo show you this content, we need your permission to use cookies.')).toBe(
      `${BODY}\n${BODY}`,
    );
  });

  it('removes a teaser box stamp with the outlet names around it, keeping the teaser headline', () => {
    expect(clean('Al Jazeera\n2 hours ago\n- Al Jazeera\nTrump set to meet Zelenskyy after talks')).toBe(
      `${BODY}\nTrump set to meet Zelenskyy after talks\n${BODY}`,
    );
  });

  it('removes a topic list under its heading and stops at the first real paragraph', () => {
    // The blank lines of the list leave one paragraph break.
    expect(clean('Follow the topics in this article\n\nUS politics & policy\n\nWar in Ukraine')).toBe(
      `${BODY}\n\n${BODY}`,
    );
  });
});

describe('photo credits', () => {
  it.each([
    [
      'an agency in brackets',
      'Putin and Trump held a press conference (Getty Images)',
      'Putin and Trump held a press conference',
    ],
    [
      'an agency via another',
      'Protestors hold slogans during a demonstration (AFP via Getty Images)',
      'Protestors hold slogans during a demonstration',
    ],
    ['a wire in capitals', 'The pair shook hands in Alaska (REUTERS)', 'The pair shook hands in Alaska'],
    [
      'a photographer and agencies in brackets',
      'The banker spoke at a conference in Hong Kong. (Anna Kovacs/Bloomberg/Getty Images)',
      'The banker spoke at a conference in Hong Kong.',
    ],
    [
      'a photographer and a wire',
      'Mourners gathered in the square. (Peter Lind/AP)',
      'Mourners gathered in the square.',
    ],
    [
      'an "Image: … Pic:" caption',
      'Image: Donald Trump greets Vladimir Putin in Alaska. Pic: AP/ Julia Demaree Nikhinson',
      'Donald Trump greets Vladimir Putin in Alaska.',
    ],
    [
      'a © credit',
      'Vladimir Putin and Donald Trump met for about three hours © GAVRIIL GRIGOROV/SPUTNIK/EPA/Shutterstock',
      'Vladimir Putin and Donald Trump met for about three hours',
    ],
    [
      'a "View image in fullscreen" label',
      'View image in fullscreen Lavrov greets members of the league. Photograph: AP',
      'Lavrov greets members of the league.',
    ],
  ])('strips %s and keeps the caption', (_name, line, expected) => {
    expect(stripCredits(line, rules)).toBe(expected);
  });

  it.each([
    ['an acronym in brackets', 'He spoke to the North Atlantic Treaty Organization (NATO)'],
    ['a lower-case "photo:" inside a sentence', 'He posted a photo: the two men shaking hands in the rain'],
    ['a country starting like an agency', 'The delegation arrived from Islamabad (Pakistan)'],
  ])('leaves %s alone', (_name, line) => {
    expect(stripCredits(line, rules)).toBe(line);
  });
});

describe('lines that stay', () => {
  it.each([
    ['a quotation that mentions cookies', '“We will not accept cookies from the Kremlin,” he said, and we laughed.'],
    [
      'a sentence that mentions a video player',
      'The Gizmondo combined media player, phone and gaming gadget goes on sale on Saturday.',
    ],
    ['a sentence with a name and a quote', 'Putin said his meeting with Trump was “very useful”.'],
    ['a video title under a timestamp', 'Key moments from Trump-Putin news conference'],
    ['a subheading', 'The red carpet treatment'],
    ['a short speech line beginning "Sign up"', 'We can all play a part. Sign up to be a tutor or a mentor.'],
    ['a headline about subscriptions', 'Streaming service raises its subscription prices again'],
    ['a single capitalised word line that is not a share button', 'Spotify'],
  ])('keeps %s', (_name, line) => {
    expect(clean(line)).toBe(`${BODY}\n${line}\n${BODY}`);
  });
});

describe('the top of a pasted page', () => {
  it('removes outlet and section labels, a byline and a dateline above the body, keeping the headline', () => {
    const top = [
      'Evening Standard',
      'World',
      'Megan Howe,Rachael Burford,Bill Bowkett and Matt Watts',
      '',
      'Trump urges Zelensky to make a deal',
      '',
      'Published 16 August 2025',
      '',
      BODY,
    ].join('\n');
    expect(removeFurniture(top, rules)).toBe(`Trump urges Zelensky to make a deal\n\n${BODY}`);
  });

  it('keeps a clean text whose short first line is its title', () => {
    const text = `G20 Bali Leaders’ Declaration\n\nBali, Indonesia, 15-16 November 2022 and a longer subtitle here\n\n${BODY}`;
    expect(removeFurniture(text, rules)).toBe(text);
  });

  it('keeps the place line of a transcript under its title', () => {
    const text = `Remarks by President Biden Before Bilateral Meeting\n\nOval Office\n\n2:40 P.M. EDT\n\n${BODY}`;
    expect(removeFurniture(text, rules)).toBe(text);
  });

  it.each([
    ['By Jane Doe', true],
    ['Megan Howe,Rachael Burford,Bill Bowkett and Matt Watts', true],
    ['Max Seddon and **Amy Mackinnon** in Anchorage, **James Politi** in Washington', true],
    ['Jane Doe in Kyiv', true],
    ['New York, New York', false],
    ['US-UK Energy Security and Affordability Partnership', false],
    ['At UN, President Trump Champions Sovereignty, Rejects Globalism', false],
    ['Oval Office', false],
  ])('treats %j as a byline: %s', (line, expected) => {
    expect(isByline(line)).toBe(expected);
  });
});

describe('a whole pasted page', () => {
  it('comes out as the expected article text', () => {
    expect(removeFurniture(normalizeText(fixture('furniture/pasted-page.txt')), rules)).toBe(
      fixture('furniture/pasted-page.expected.txt').trimEnd(),
    );
  });

  it('keeps line and paragraph structure of what remains', () => {
    const out = removeFurniture(normalizeText(fixture('furniture/pasted-page.txt')), rules);
    expect(out).not.toMatch(/\n{3,}/);
    expect(out.split('\n\n').length).toBeGreaterThan(5);
  });
});
