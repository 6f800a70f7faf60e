/**
 * User judgements survive rebuilds: `newsgraph judge` records them beside the articles,
 * `newsgraph build` applies them after automatic resolution, and a bad judgement is named by
 * file and line while the build goes on and exits 1. Invented names throughout.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SerializedKnowledgeGraph } from '../../src/types.js';
import { runCli, tempDir } from './helpers.js';

let root: string;
let news: string;
let out: string;

const nodesOf = (): { key: string; label: string; name: string }[] =>
  (JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as SerializedKnowledgeGraph).nodes.map((n) => ({
    key: n.key,
    label: n.attributes.label,
    name: n.attributes.name,
  }));
const build = (...extra: string[]) => runCli(['build', news, '--out', out, '--no-progress', ...extra]);

beforeEach(() => {
  root = tempDir('newsgraph-judge-');
  news = join(root, 'news');
  out = join(root, 'out');
  mkdirSync(news);
  writeFileSync(
    join(news, 'a.txt'),
    'Talks in Vienna\n\nPresident Arno Vale met Chancellor Anna Kovacs in Vienna on Friday. "We agree," Vale said.\n',
  );
  writeFileSync(
    join(news, 'b.txt'),
    'A new envoy\n\nThe envoy Arnold Vale met Anna Kovacs on Monday. "It went well," Kovacs said.\n',
  );
});

describe('newsgraph judge and build', () => {
  it('merges two nodes the user judged the same, on every rebuild', () => {
    expect(build().status).toBe(0);
    const keys = nodesOf().map((n) => n.key);
    expect(keys).toEqual(expect.arrayContaining(['person:arno-vale', 'person:arnold-vale']));

    const judged = runCli(['judge', 'same', 'person:arno-vale', 'person:arnold-vale', '--input', news, '--graph', out]);
    expect(judged.status).toBe(0);
    expect(existsSync(join(news, '.newsgraph-judgements.jsonl'))).toBe(true);

    for (let i = 0; i < 2; i++) {
      const r = build();
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/1 judgement applied/);
      const vales = nodesOf().filter((n) => n.name.endsWith('Vale'));
      expect(vales.map((n) => n.key)).toEqual(['person:arno-vale']);
    }
  });

  it('drops a node judged no entity, and relabels another', () => {
    build();
    expect(runCli(['judge', 'not-entity', 'person:arnold-vale', '--input', news]).status).toBe(0);
    expect(runCli(['judge', 'relabel', 'person:anna-kovacs', 'Organization', '--input', news]).status).toBe(0);
    expect(build().status).toBe(0);
    const nodes = nodesOf();
    expect(nodes.map((n) => n.key)).not.toContain('person:arnold-vale');
    expect(nodes.find((n) => n.key === 'person:anna-kovacs')?.label).toBe('Organization');
  });

  it('refuses to record an id the graph does not have (exit 2), and writes nothing', () => {
    build();
    const r = runCli(['judge', 'same', 'person:arno-vale', 'person:nobody', '--input', news, '--graph', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/person:nobody/);
    expect(existsSync(join(news, '.newsgraph-judgements.jsonl'))).toBe(false);
  });

  it('names the file and line of a bad judgement, applies the others and exits 1', () => {
    const file = join(root, 'reviewed.jsonl');
    writeFileSync(
      file,
      [
        '{"judgement":"same","ids":["person:arno-vale","person:arnold-vale"]}',
        '{"judgement":"merge","ids":["a","b"]}',
        'not json',
        '{"judgement":"not-entity","id":"person:nobody"}',
      ].join('\n'),
    );
    const r = build('--judgements', file);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes(file));
    expect(
      lines.filter((l) => /^newsgraph: /.test(l)).map((l) => l.replace(/^newsgraph: .*?:(\d+): .*$/, '$1')),
    ).toEqual(['2', '3', '4']);
    expect(existsSync(join(out, 'graph.json'))).toBe(true);
    expect(nodesOf().filter((n) => n.name.endsWith('Vale'))).toHaveLength(1);
  });

  it('fails with exit 2 when a named judgements file does not exist', () => {
    const r = build('--judgements', join(root, 'missing.jsonl'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.jsonl/);
  });
});
