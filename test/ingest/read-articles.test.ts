/**
 * readArticles end to end: folders, ids, order, stdin, and every kind of bad input, each of
 * which must come out as a `skipped` item with a one-line reason and never as an exception.
 * Bad files are generated in a temporary folder (the 100 MB one is sparse, so instant).
 */
import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticles, type IngestItem, type IngestOptions } from '../../src/ingest/index.js';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
let dir: string;

async function collect(inputs: string[], options: IngestOptions = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readArticles(inputs, options)) items.push(item);
  return items;
}
const articles = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
const skips = (items: IngestItem[]) =>
  items.flatMap((i) => (i.kind === 'skipped' ? [{ path: i.path, reason: i.reason }] : []));
const stdin = (text: string | Buffer): Readable => Readable.from([Buffer.from(text)]);
const BODY = 'President Joe Biden spoke today with Prime Minister Justin Trudeau of Canada.';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-ingest-'));
  const corpus = join(dir, 'corpus');
  await mkdir(join(corpus, 'sub'), { recursive: true });
  await mkdir(join(corpus, '.hidden'), { recursive: true });
  await writeFile(join(corpus, 'b.txt'), `Second headline here\n\n${BODY}`);
  await writeFile(join(corpus, 'a.txt'), `First headline here\n\n${BODY}`);
  await writeFile(join(corpus, 'C.TXT'), `Upper-case extension\n\n${BODY}`);
  await writeFile(join(corpus, 'sub', 'd.md'), `# Markdown headline\n\n${BODY}`);
  await writeFile(join(corpus, 'index.csv'), 'a,b\n1,2\n');
  await writeFile(join(corpus, '.notes.txt'), 'hidden');
  await writeFile(join(corpus, '.hidden', 'e.txt'), 'hidden folder');
  await mkdir(join(dir, 'empty-folder'));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'blank.txt'), ' \n\n \t\n');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
  await writeFile(
    join(dir, 'latin1.txt'),
    Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait')]),
  );
  // Windows-1252 as a Windows editor saves it: curly quotes (0x93, 0x94), an apostrophe (0x92), a dash (0x96).
  await writeFile(
    join(dir, 'cp1252.txt'),
    Buffer.concat([
      Buffer.from('Ren'),
      Buffer.from([0xe9]),
      Buffer.from(' L'),
      Buffer.from([0xe9]),
      Buffer.from('vesque'),
      Buffer.from([0x92]),
      Buffer.from('s speech\n\n'),
      Buffer.from([0x93]),
      Buffer.from('We will not give up,'),
      Buffer.from([0x94]),
      Buffer.from(' Ren'),
      Buffer.from([0xe9]),
      Buffer.from(' L'),
      Buffer.from([0xe9]),
      Buffer.from('vesque said in Qu'),
      Buffer.from([0xe9]),
      Buffer.from('bec '),
      Buffer.from([0x96]),
      Buffer.from(' twice.'),
    ]),
  );
  await writeFile(
    join(dir, 'latin1-page.html'),
    Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' talks</title></head><body><h1>Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' talks</h1><p>'),
      Buffer.from(BODY),
      Buffer.from(' M'),
      Buffer.from([0xfc]),
      Buffer.from('nchen.</p></body></html>'),
    ]),
  );
  await writeFile(
    join(dir, 'utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Headline\n\n${BODY}`, 'utf16le')]),
  );
  await writeFile(join(dir, 'huge.txt'), '');
  await truncate(join(dir, 'huge.txt'), 100 * 1024 * 1024); // sparse: no disk, no time
  await writeFile(join(dir, 'notes.csv'), 'a,b\n');
  await writeFile(join(dir, 'bad.json'), '{"text": "no end');
  await writeFile(
    join(dir, 'huge.jsonl'),
    `{"text": "${BODY}"}\n{"text": "${'x'.repeat(2000)}"}\n{"text": "${BODY}"}\n`,
  );
  await writeFile(join(dir, 'binary.jsonl'), Buffer.from([0, 1, 2, 3, 0, 0, 10]));
  await writeFile(join(dir, 'noext'), `{"title": "Sniffed JSON", "text": "${BODY}"}`);
  await symlink(join(dir, 'does-not-exist.txt'), join(dir, 'broken-link.txt'));
  await mkdir(join(dir, 'loop', 'inner'), { recursive: true });
  await writeFile(join(dir, 'loop', 'inner', 'f.txt'), `Loop headline here\n\n${BODY}`);
  await symlink(join(dir, 'loop'), join(dir, 'loop', 'inner', 'back'));
  await mkdir(join(dir, 'x'));
  await mkdir(join(dir, 'y'));
  await writeFile(join(dir, 'x', 'same.txt'), `X headline here\n\n${BODY}`);
  await writeFile(join(dir, 'y', 'same.txt'), `Y headline here\n\n${BODY}`);
  await writeFile(join(dir, 'locked.txt'), BODY);
  await chmod(join(dir, 'locked.txt'), 0o000);
});

afterAll(async () => {
  await chmod(join(dir, 'locked.txt'), 0o644).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe('folders', () => {
  it('reads a folder recursively in sorted order, with ids relative to its parent folder', async () => {
    const items = await collect([join(dir, 'corpus')]);
    expect(articles(items).map((a) => a.id)).toEqual([
      'corpus/C.TXT',
      'corpus/a.txt',
      'corpus/b.txt',
      'corpus/sub/d.md',
    ]);
    expect(skips(items)).toEqual([]);
  });

  it('passes over hidden entries and other file types inside folders quietly, telling onIgnored', async () => {
    const ignored: string[] = [];
    await collect([join(dir, 'corpus')], {
      onIgnored: (path, reason) => ignored.push(`${path.slice(dir.length + 1)}: ${reason}`),
    });
    expect(ignored).toEqual([
      'corpus/.hidden: hidden',
      'corpus/.notes.txt: hidden',
      'corpus/index.csv: not a supported file type',
    ]);
  });

  it('gives the sample corpus ids like articles/000_x.txt', async () => {
    const items = await collect([new URL('../../examples/articles', import.meta.url).pathname]);
    expect(articles(items).map((a) => a.id)).toEqual([
      'articles/000_7113f9998be2699a.txt',
      'articles/001_1b2e63929545fcf1.txt',
      'articles/002_9545b6b9ef256a5b.txt',
      'articles/003_740493c945730b12.txt',
      'articles/004_5045139355988f0c.txt',
    ]);
  });

  it('reports a folder with nothing to read', async () => {
    expect(skips(await collect([join(dir, 'empty-folder')]))).toEqual([
      { path: join(dir, 'empty-folder'), reason: expect.stringMatching(/^no files to read in this folder/) },
    ]);
  });

  it('reports a folder that links back to itself once and reads the rest', async () => {
    const items = await collect([join(dir, 'loop')]);
    expect(articles(items).map((a) => a.id)).toEqual(['loop/inner/f.txt']);
    expect(skips(items)).toEqual([
      { path: join(dir, 'loop', 'inner', 'back'), reason: 'directory loop (a link back to a folder above it)' },
    ]);
  });
});

describe('ids', () => {
  it('makes ids unique within a batch', async () => {
    const ids = articles(await collect([join(dir, 'x', 'same.txt'), join(dir, 'y', 'same.txt')])).map((a) => a.id);
    expect(ids).toEqual(['same.txt', 'same.txt~2']);
  });

  it('reads a file reached twice only once', async () => {
    const items = await collect([join(dir, 'corpus'), join(dir, 'corpus', 'a.txt')]);
    expect(articles(items)).toHaveLength(4);
  });

  it("numbers JSONL records by line and keeps a record's own id", async () => {
    const ids = articles(await collect([join(FIXTURES, 'records.jsonl')])).map((a) => a.id);
    expect(ids).toEqual(['wh-2022-01-02', 'records.jsonl#2', 'records.jsonl#6']);
  });
});

describe('bad inputs are skipped with a reason, never thrown', () => {
  it.each([
    ['a missing path', 'missing.txt', 'no such file or directory'],
    ['an empty file', 'empty.txt', 'empty file'],
    ['a file of blank lines', 'blank.txt', 'empty file'],
    ['a binary file', 'binary.txt', 'binary file'],
    [
      'a non-UTF-8 file that does not say its encoding (with the command that converts it)',
      'latin1.txt',
      expect.stringMatching(
        /^not UTF-8 text \(invalid byte sequence at offset 3\)\. If it is Latin-1 or Windows-1252, convert it: iconv -f windows-1252 -t utf-8 \S+\/latin1\.txt > \S+\/latin1\.utf8\.txt$/,
      ),
    ],
    [
      'a 100 MB file (by its size, without reading it)',
      'huge.txt',
      'larger than the 50 MB limit (104857600 bytes); raise --max-file-size to read it',
    ],
    [
      'a file of another type named explicitly',
      'notes.csv',
      'unsupported file type; expected .txt, .text, .md, .markdown, .html, .htm, .xhtml, .json, .jsonl, .ndjson',
    ],
    ['malformed JSON', 'bad.json', expect.stringMatching(/^invalid JSON \(.+\)$/)],
    ['a binary JSONL file', 'binary.jsonl', 'binary file'],
    [
      'a broken symbolic link',
      'broken-link.txt',
      expect.stringMatching(/^broken symbolic link \(its target \S+does-not-exist\.txt does not exist\)$/),
    ],
  ])('%s', async (_name, file, reason) => {
    expect(skips(await collect([join(dir, file)]))).toEqual([{ path: join(dir, file), reason }]);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    expect(skips(await collect([join(dir, 'locked.txt')]))).toEqual([
      { path: join(dir, 'locked.txt'), reason: 'permission denied' },
    ]);
  });

  it('applies maxFileBytes', async () => {
    expect(skips(await collect([join(dir, 'corpus', 'a.txt')], { maxFileBytes: 10 }))).toEqual([
      {
        path: join(dir, 'corpus', 'a.txt'),
        reason: expect.stringMatching(
          /^larger than the 10-byte limit \(\d+ bytes\); raise --max-file-size to read it$/,
        ),
      },
    ]);
  });

  it('skips one bad JSONL line with its number and reads the rest of the file', async () => {
    const items = await collect([join(FIXTURES, 'records.jsonl')]);
    expect(skips(items).map((s) => s.reason)).toEqual([
      'line 4: no text field (expected text, body or content)',
      expect.stringMatching(/^line 5: invalid JSON \(.+\)$/),
    ]);
    expect(articles(items)).toHaveLength(3);
  });

  it('applies the size limit to each JSONL line, not to the streamed file', async () => {
    const items = await collect([join(dir, 'huge.jsonl')], { maxFileBytes: 1000 });
    expect(articles(items)).toHaveLength(2);
    expect(skips(items).map((s) => s.reason)).toEqual([
      expect.stringMatching(/^line 2: record larger than the .* limit \(2012 bytes\)/),
    ]);
  });

  it('goes on after every bad input in one batch', async () => {
    const inputs = ['missing.txt', 'empty.txt', 'binary.txt', 'latin1.txt', 'huge.txt', 'bad.json', 'corpus'].map((f) =>
      join(dir, f),
    );
    const items = await collect(inputs);
    expect(skips(items)).toHaveLength(6);
    expect(articles(items)).toHaveLength(4);
  });
});

describe('text in other encodings', () => {
  it('reads a Windows-1252 file, which its curly quotes and dash give away', async () => {
    const [a] = articles(await collect([join(dir, 'cp1252.txt')]));
    expect(a?.title).toBe('René Lévesque’s speech');
    expect(a?.text).toBe('René Lévesque’s speech\n\n“We will not give up,” René Lévesque said in Québec – twice.');
  });

  it('reads an HTML page in the charset its <meta> declares', async () => {
    const [a] = articles(await collect([join(dir, 'latin1-page.html')]));
    expect(a?.title).toBe('Café talks');
    expect(a?.text).toContain('München.');
  });

  it('says how to convert non-UTF-8 stdin: a filter to put in the pipe', async () => {
    const latin1 = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait')]);
    expect(skips(await collect(['-'], { stdin: stdin(latin1) }))).toEqual([
      {
        path: 'stdin',
        reason:
          'not UTF-8 text (invalid byte sequence at offset 3). If it is Latin-1 or Windows-1252, convert it: pipe it through iconv -f windows-1252 -t utf-8',
      },
    ]);
  });
});

describe('formats and metadata', () => {
  it('reads UTF-16 with a byte-order mark', async () => {
    expect(articles(await collect([join(dir, 'utf16.txt')]))[0]?.text).toBe(`Headline\n\n${BODY}`);
  });

  it('sniffs the format of an explicitly named file without extension', async () => {
    expect(articles(await collect([join(dir, 'noext')]))[0]).toMatchObject({ id: 'noext', title: 'Sniffed JSON' });
  });

  it('keeps the first line as title and first paragraph, and takes the date from the file name', async () => {
    const [a] = articles(
      await collect([
        join(FIXTURES, 'whitehouse', '2022-03-13-readout-of-president-bidens-call-with-president-macron-of-france.txt'),
      ]),
    );
    expect(a).toMatchObject({
      title: 'Readout of President Biden’s Call with President Macron of France',
      date: '2022-03-13',
    });
    expect(
      a?.text.startsWith(
        'Readout of President Biden’s Call with President Macron of France\n\nPresident Joseph R. Biden',
      ),
    ).toBe(true);
  });

  it("puts a record's title in front of its text", async () => {
    const [a] = articles(await collect([join(FIXTURES, 'records.json')]));
    expect(a?.text).toBe(
      'Readout of President Biden’s Call with President Zelenskyy of Ukraine\n\nPresident Joseph R. Biden, Jr. spoke today with President Volodymyr Zelenskyy of Ukraine.',
    );
  });

  it('removes page furniture by default and keeps it with removeFurniture: false', async () => {
    const page = join(FIXTURES, 'furniture', 'pasted-page.txt');
    const [cleaned] = articles(await collect([page]));
    const [raw] = articles(await collect([page], { removeFurniture: false }));
    expect(cleaned?.text).not.toContain('Sign up to read this article');
    expect(raw?.text).toContain('Sign up to read this article');
  });
});

describe('stdin (-)', () => {
  it.each([
    ['plain text', `Headline from stdin\n\n${BODY}`, [{ id: 'stdin', title: 'Headline from stdin' }]],
    [
      'HTML',
      `<html><head><title>Page title</title></head><body><p>${BODY}</p></body></html>`,
      [{ id: 'stdin', title: 'Page title' }],
    ],
    ['a JSON array', `[{"text": "${BODY}"}, {"text": "${BODY}", "id": "own"}]`, [{ id: 'stdin#1' }, { id: 'own' }]],
    ['JSON lines', `{"text": "${BODY}"}\n\n{"text": "${BODY}"}\n`, [{ id: 'stdin#1' }, { id: 'stdin#3' }]],
  ])('reads %s', async (_name, input, expected) => {
    const items = await collect(['-'], { stdin: stdin(input) });
    expect(skips(items)).toEqual([]);
    expect(articles(items)).toMatchObject(expected);
  });

  it('reports bad JSON lines on stdin by line number', async () => {
    const items = await collect(['-'], { stdin: stdin(`{"text": "${BODY}"}\nnot json\n`) });
    expect(skips(items)).toEqual([{ path: 'stdin', reason: expect.stringMatching(/^line 2: invalid JSON/) }]);
  });

  it.each([
    ['empty input', '', 'empty input'],
    ['binary input', Buffer.from([0, 1, 2, 3]), 'binary file'],
  ])('skips %s', async (_name, input, reason) => {
    expect(skips(await collect(['-'], { stdin: stdin(input) }))).toEqual([{ path: 'stdin', reason }]);
  });

  it('reads stdin once when - is given twice', async () => {
    expect(articles(await collect(['-', '-'], { stdin: stdin(`Headline from stdin\n\n${BODY}`) }))).toHaveLength(1);
  });
});

describe('options', () => {
  it.each([[0], [-1], [Number.NaN]])('rejects maxFileBytes %s before reading anything', async (value) => {
    await expect(collect([join(dir, 'corpus')], { maxFileBytes: value })).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('stdin size limit', () => {
  it('stops reading stdin past the limit and says so', async () => {
    const items = await collect(['-'], { stdin: stdin('x'.repeat(5000)), maxFileBytes: 1000 });
    expect(skips(items)).toEqual([
      {
        path: 'stdin',
        reason: expect.stringMatching(
          /^larger than the 1000-byte limit \(more than \d+ bytes\); raise --max-file-size to read it$/,
        ),
      },
    ]);
  });
});
