/** Format readers: pure functions from text to an article draft, one table per format. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/ingest/formats/html.js';
import { sniffFormat } from '../../src/ingest/formats/index.js';
import { parseJsonDocument, parseJsonLine, readRecord } from '../../src/ingest/formats/json.js';
import { parseMarkdown } from '../../src/ingest/formats/markdown.js';
import { isHardWrapped, parseText } from '../../src/ingest/formats/text.js';
import { defaultFurnitureRules } from '../../src/ingest/furniture.js';
import { detectTitle, looksLikeHeadline, withTitleFirst } from '../../src/ingest/title.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');

describe('plain text', () => {
  it.each([
    ['keeps text as written', 'Title line\nFirst paragraph.', 'Title line\nFirst paragraph.'],
    [
      'reduces pasted Markdown links to their words',
      'ordered the [invasion of Ukraine](#) in 2022',
      'ordered the invasion of Ukraine in 2022',
    ],
    [
      'reduces pasted bold names to the names',
      'Max Seddon and **Amy Mackinnon** in Anchorage',
      'Max Seddon and Amy Mackinnon in Anchorage',
    ],
    ['leaves single asterisks and snake_case alone', 'a * b and some_name_here', 'a * b and some_name_here'],
  ])('%s', (_name, input, expected) => {
    expect(parseText(input).text).toBe(expected);
  });

  it('joins the lines of a hard-wrapped paragraph so sentences are not cut by line breaks', () => {
    const wrapped = [
      'President Joseph R. Biden, Jr. spoke today with President Volodymyr',
      'Zelenskyy of Ukraine. President Biden reaffirmed the readiness of the',
      'United States to respond decisively if Russia further invades Ukraine.',
      '',
      'He also underscored the commitment of the United States to Ukraine’s',
      'sovereignty and territorial integrity, and the leaders discussed',
      'coordinated diplomatic efforts on European security.',
    ].join('\n');
    expect(isHardWrapped(wrapped)).toBe(true);
    expect(parseText(wrapped).text.split('\n\n')).toEqual([
      'President Joseph R. Biden, Jr. spoke today with President Volodymyr Zelenskyy of Ukraine. President Biden reaffirmed the readiness of the United States to respond decisively if Russia further invades Ukraine.',
      'He also underscored the commitment of the United States to Ukraine’s sovereignty and territorial integrity, and the leaders discussed coordinated diplomatic efforts on European security.',
    ]);
  });

  it('does not join one-paragraph-a-line text', () => {
    const seedLike = fixture('furniture/pasted-page.expected.txt');
    expect(isHardWrapped(seedLike)).toBe(false);
  });
});

describe('Markdown', () => {
  const draft = parseMarkdown(fixture('article.md'));

  it('reads title, date, url and source from front matter', () => {
    expect(draft).toMatchObject({
      title: 'Readout of President Biden’s Call with President Macron of France',
      date: '2022-03-13',
      url: 'https://example.org/readout-macron',
      source: 'Example Briefing Room',
    });
  });

  it.each([
    ['headings become their text', 'What they agreed'],
    [
      'links become their words and soft-wrapped lines one paragraph',
      'President Joseph R. Biden, Jr. spoke today with President Emmanuel Macron of France to discuss Russia’s war against Ukraine. They reviewed recent diplomatic engagements.',
    ],
    ['list items keep a line each without markers or emphasis', 'to hold Russia accountable for its actions'],
    ['block quotes lose the marker', '“We stand with Ukraine,” the leaders said.'],
    ['code fences keep their content', 'Code fences keep their text.'],
  ])('%s', (_name, line) => {
    expect(draft.text.split('\n')).toContain(line);
  });

  it.each([
    ['image syntax', '!['],
    ['heading marks', '#'],
    ['bold marks', '**'],
    ['reference definitions', '[ref]'],
    ['fences', '```'],
  ])('leaves no %s', (_name, syntax) => {
    expect(draft.text).not.toContain(syntax);
  });

  it('takes the first level-1 heading as title when there is no front matter', () => {
    expect(parseMarkdown('Intro line\n\n# The headline\n\nBody.').title).toBe('The headline');
  });
});

describe('HTML', () => {
  const draft = parseHtml(fixture('page.html'), defaultFurnitureRules().htmlBoilerplateWords);

  it('reads metadata from Open Graph, article:published_time and the canonical link', () => {
    expect(draft).toMatchObject({
      title: 'Readout of President Biden’s Call with President Zelenskyy of Ukraine',
      date: '2022-01-27T18:05:00-05:00',
      url: 'https://example.org/briefing-room/2022/01/27/readout/',
      source: 'Example Briefing Room',
    });
  });

  it.each([
    ['script text', 'window.tracking'],
    ['style text', 'color: red'],
    ['navigation', 'About'],
    ['the cookie banner', 'cookies'],
    ['the share bar', 'Facebook'],
    ['the related box', 'Another readout'],
    ['the newsletter box', 'newsletter'],
    ['the page footer', 'All rights reserved'],
    ['the byline block', 'Example Staff'],
  ])('drops %s', (_name, text) => {
    expect(draft.text).not.toContain(text);
  });

  it.each([
    ['the headline', 'Readout of President Biden’s Call with President Zelenskyy of Ukraine'],
    [
      'paragraphs, with entities decoded',
      'He also underscored the commitment of the United States to Ukraine’s sovereignty and territorial integrity.',
    ],
    [
      'a line break as a new line',
      'President Biden relayed the United States’ support for conflict resolution efforts in the Normandy Format.',
    ],
    ['the figure caption', 'President Biden speaks with President Zelenskyy (AP)'],
  ])('keeps %s on its own line', (_name, line) => {
    expect(draft.text.split('\n')).toContain(line);
  });

  it('turns a no-break space entity into a character, not a literal "&nbsp;"', () => {
    expect(draft.text).toContain('Volodymyr\u00a0Zelenskyy');
  });

  it('uses <body> when there is no <article> or <main>, and <title> without the site name', () => {
    const page =
      '<html><head><title>Leaders meet in Brussels | Example News</title></head><body><nav>Home</nav><p>The leaders met.</p></body></html>';
    expect(parseHtml(page)).toEqual({ text: 'The leaders met.', title: 'Leaders meet in Brussels' });
  });

  it('reads the date from JSON-LD when there are no meta tags', () => {
    const page = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2024-02-24T08:00:00Z","publisher":{"@type":"Organization","name":"Example Wire"}}]}</script></head><body><p>Text.</p></body></html>`;
    expect(parseHtml(page)).toMatchObject({ date: '2024-02-24T08:00:00Z', source: 'Example Wire', title: 'H' });
  });

  it('reads a <time datetime> when nothing else gives the date', () => {
    expect(parseHtml('<article><h1>H</h1><time datetime="2023-06-25">June 25</time><p>Text.</p></article>').date).toBe(
      '2023-06-25',
    );
  });

  it('keeps the whole page when the only <article> is a small teaser', () => {
    const body = '<p>' + 'Real article text. '.repeat(30) + '</p>';
    const page = `<body><div>${body}</div><article><p>Teaser</p></article></body>`;
    expect(parseHtml(page).text).toContain('Real article text.');
  });
});

describe('JSON records', () => {
  it.each([
    ['text', { text: 'Body.' }, 'Body.'],
    ['body', { body: 'Body.' }, 'Body.'],
    ['content', { content: 'Body.' }, 'Body.'],
    ['content holding HTML', { content: '<p>One.</p><p>Two.</p>' }, 'One.\n\nTwo.'],
  ])('reads the text from a "%s" field', (_name, record, text) => {
    const r = readRecord(record);
    expect(r.ok && r.draft.text).toBe(text);
  });

  it("keeps title, date, url, source ({name} too) and the record's own id", () => {
    const r = readRecord({
      id: 7,
      title: 'T',
      text: 'B',
      published_at: '2024-01-01',
      link: 'https://x',
      source: { name: 'Wire' },
    });
    expect(r).toEqual({
      ok: true,
      id: '7',
      draft: { text: 'B', title: 'T', date: '2024-01-01', url: 'https://x', source: 'Wire' },
    });
  });

  it.each([
    ['a record without a text field', { title: 'T' }, 'no text field (expected text, body or content)'],
    ['an empty text field', { text: '  ' }, 'empty text field ("text")'],
    ['a text field that is not a string', { text: 42 }, '"text" is not a string'],
    ['a value that is not an object', [1, 2], 'not a record (expected a JSON object, got an array)'],
  ])('rejects %s', (_name, value, reason) => {
    expect(readRecord(value)).toEqual({ ok: false, reason });
  });

  it.each([
    ['one object', '{"text":"A"}', { ok: true, single: true, records: [{ text: 'A' }] }],
    ['an array', '[{"text":"A"},{"text":"B"}]', { ok: true, single: false, records: [{ text: 'A' }, { text: 'B' }] }],
    ['an empty array', '[]', { ok: false, reason: 'no records (empty JSON array)' }],
    ['a number', '3', { ok: false, reason: 'not a JSON object or array of records' }],
  ])('reads a .json file holding %s', (_name, text, expected) => {
    expect(parseJsonDocument(text)).toEqual(expected);
  });

  it('says what is wrong with malformed JSON in one line', () => {
    const r = parseJsonLine('{"text": "unterminated');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^invalid JSON \(.+\)$/);
  });
});

describe('format sniffing (stdin, files without extension)', () => {
  it.each([
    ['[{"text":"a"}]', 'json'],
    ['{\n  "text": "a"\n}', 'json'],
    ['{"text":"a"}\n{"text":"b"}\n', 'jsonl'],
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['<p>Hello</p><p>World</p>', 'html'],
    ['---\ntitle: x\n---\nBody', 'markdown'],
    ['# Headline\n\nBody', 'markdown'],
    ['Headline\n\nBody with <angle> brackets.', 'text'],
  ])('sniffs %j as %s', (input, format) => {
    expect(sniffFormat(input)).toBe(format);
  });
});

describe('headlines', () => {
  it.each([
    ['Trump urges Zelensky to make a deal after talks with Putin in Alaska', true],
    ['Is a ceasefire in Ukraine any closer?', true],
    ["'My memories of Marley...'", true],
    ['U.S. President meets Zelensky in Kyiv', true],
    ['No deal has been reached to end the war in Ukraine.', false],
    ['Pope Francis condemned "armed conquest" on Thursday, and called for an end to the war."', false],
    ['Melbourne, Australia CNN —', false],
    ['The talks ended on Friday. The leaders left without a deal', false],
    ['- a list item', false],
  ])('%j looks like a headline: %s', (line, expected) => {
    expect(looksLikeHeadline(line)).toBe(expected);
  });

  it('takes the first line as title only when it looks like a headline and text follows', () => {
    expect(detectTitle('Leaders meet in Brussels\n\nThe leaders met.')).toBe('Leaders meet in Brussels');
    expect(detectTitle('The leaders met.\nThey talked.')).toBeUndefined();
    expect(detectTitle('Leaders meet in Brussels')).toBeUndefined();
  });

  it('puts a title in front of a text that does not start with it, once', () => {
    expect(withTitleFirst('Body.', 'Title')).toBe('Title\n\nBody.');
    expect(withTitleFirst('Title\n\nBody.', 'Title')).toBe('Title\n\nBody.');
  });
});
