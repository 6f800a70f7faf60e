/**
 * `recall`: a file that is one article is looked up by a key of its path and bytes before it is
 * parsed, and an article recalled is used as it is. This is what lets a cached rebuild skip
 * cleaning the text (pipeline/cache.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFurnitureRules, readArticles, type IngestItem, type IngestOptions } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';

const read = async (inputs: string[], options: IngestOptions): Promise<IngestItem[]> => {
  const items: IngestItem[] = [];
  for await (const item of readArticles(inputs, options)) items.push(item);
  return items;
};

const folder = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-recall-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};

const STORY = 'Talks in Vienna\n\nPresident Arno Vale met Minister Anna Kovacs on Friday.\n';

describe('recall', () => {
  it('gives text, Markdown and HTML articles a key that changes with their bytes, and no key to JSON records', async () => {
    const dir = folder({
      'a.txt': STORY,
      'b.md': `# ${STORY}`,
      'c.html': `<html><body><h1>Talks</h1><p>${STORY}</p></body></html>`,
      'd.jsonl': JSON.stringify({ id: 'r1', text: STORY }),
    });
    const keys = async () =>
      (await read([dir], { recall: () => undefined })).map((i) => (i.kind === 'article' ? i.fileKey : 'skipped'));
    const before = await keys();
    expect(before.slice(0, 3).every((k) => typeof k === 'string' && k.length === 64)).toBe(true);
    expect(new Set(before.slice(0, 3)).size).toBe(3);
    expect(before[3]).toBeUndefined();
    expect(await keys()).toEqual(before);
    writeFileSync(join(dir, 'a.txt'), `${STORY}Kovacs said "we agree".\n`);
    const after = await keys();
    expect(after[0]).not.toBe(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('uses a recalled article as it is, without parsing the file', async () => {
    const dir = folder({ 'a.txt': STORY });
    const [first] = await read([dir], { recall: () => undefined });
    const kept: Article = { id: 'a.txt', path: join(dir, 'a.txt'), text: 'kept text' };
    const asked: string[] = [];
    const items = await read([dir], {
      recall: (key) => {
        asked.push(key);
        return kept;
      },
    });
    expect(first?.kind === 'article' && first.fileKey).toBe(asked[0]);
    expect(items).toEqual([{ kind: 'article', article: kept, fileKey: asked[0] }]);
  });

  it('is not asked with custom furniture rules, which the key does not cover', async () => {
    const dir = folder({ 'a.txt': STORY });
    let asked = 0;
    const items = await read([dir], {
      furniture: defaultFurnitureRules(),
      recall: () => {
        asked++;
        return undefined;
      },
    });
    expect(asked).toBe(0);
    expect(items[0]?.kind === 'article' && items[0].fileKey).toBeUndefined();
  });
});
