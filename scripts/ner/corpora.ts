/**
 * Readers for the annotated data the entity tagger learns from and is checked on, each turned into
 * sentences of word tokens with BIO tags over PER, ORG, LOC, EVENT and MISC. Every corpus token is
 * re-tokenised with the extractor's own tokenizer (punctuation goes, "Biden's" loses its "'s"), so
 * the tagger is trained on the words it will see in a build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../src/extract/tokens.js';
import { gapMark, tokenGaps } from '../../src/extract/ner/index.js';
import type { NameType, TaggedSentence } from '../../src/extract/ner/index.js';

type Span = { from: number; to: number; type: NameType };

/** Re-tokenises `raw` tokens and projects the spans (over raw token indexes) onto the new words. */
export function retokenise(raw: readonly string[], spans: readonly Span[]): TaggedSentence {
  const words: string[] = [];
  const gaps: string[] = [];
  const firstWord: number[] = [];
  let gap = '';
  for (const token of raw) {
    firstWord.push(words.length);
    // A split-off possessive ("'s") is no word at run time: the tokenizer keeps it on its name.
    if (/^['’]s$/.test(token)) continue;
    const found = tokenize(token, [{ index: 0, start: 0, end: token.length, text: token }]);
    if (found.length === 0) gap += token;
    for (const t of found) {
      words.push(t.text);
      gaps.push(gapMark(gap));
      gap = '';
    }
  }
  firstWord.push(words.length);
  const tags: string[] = words.map(() => 'O');
  for (const s of spans) {
    const from = firstWord[s.from]!;
    const to = firstWord[s.to]!;
    if (to <= from || tags.slice(from, to).some((t) => t !== 'O')) continue;
    for (let i = from; i < to; i++) tags[i] = `${i === from ? 'B' : 'I'}-${s.type}`;
  }
  return { words, tags, gaps };
}

// CoNLL's four types, which Re-DocRED uses too (its TIME and NUM are no names).
const CONLL_TYPES: Record<string, NameType> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** CoNLL-style columns (token first, IOB1 or IOB2 tag last); documents split at -DOCSTART-. */
export function readConll(path: string, separator = /\s+/): TaggedSentence[][] {
  const docs: TaggedSentence[][] = [[]];
  let raw: string[] = [];
  let spans: Span[] = [];
  let open: Span | undefined;
  const endSentence = (): void => {
    if (open) spans.push(open);
    open = undefined;
    if (raw.length) docs[docs.length - 1]!.push(retokenise(raw, spans));
    raw = [];
    spans = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (docs[docs.length - 1]!.length) docs.push([]);
      continue;
    }
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const cols = line.split(separator);
    // CoNLL-U-like files (UNER) put the id first and the tag third.
    const [token, tag] =
      /^\d+$/.test(cols[0]!) && cols.length >= 3 ? [cols[1]!, cols[2]!] : [cols[0]!, cols[cols.length - 1]!];
    const [prefix, kind] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    const type = CONLL_TYPES[kind];
    const i = raw.length;
    raw.push(token);
    if (!type) {
      if (open) spans.push(open);
      open = undefined;
      continue;
    }
    if (open && open.type === type && prefix === 'I' && open.to === i) open.to = i + 1;
    else {
      if (open) spans.push(open);
      open = { from: i, to: i + 1, type };
    }
  }
  endSentence();
  return docs.filter((d) => d.length);
}

/** Re-DocRED: every mention of every entity, per sentence. */
export function readRedocred(path: string): TaggedSentence[][] {
  const docs = JSON.parse(readFileSync(path, 'utf8')) as {
    sents: string[][];
    vertexSet: { type: string; pos: [number, number]; sent_id: number }[][];
  }[];
  return docs.map((doc) => {
    const spans: Span[][] = doc.sents.map(() => []);
    for (const entity of doc.vertexSet)
      for (const m of entity) {
        const type = CONLL_TYPES[m.type];
        if (type) spans[m.sent_id]!.push({ from: m.pos[0], to: m.pos[1], type });
      }
    return doc.sents.map((sent, i) =>
      retokenise(
        sent,
        spans[i]!.sort((a, b) => a.from - b.from),
      ),
    );
  });
}

// Parts of speech that may sit inside a name ("Bank of England", "Trinidad and Tobago").
const INNER_POS = new Set(['ADP', 'CCONJ', 'DET', 'PUNCT', 'NUM']);
const GUM_TYPES: Record<string, NameType> = { person: 'PER', organization: 'ORG', place: 'LOC', event: 'EVENT' };

/**
 * GUM's CoNLL-U: the MISC column's `Entity=` brackets. GUM marks nominal mentions too ("the
 * president"); only named ones are kept: mentions whose words after a leading determiner are all
 * proper nouns (or the connectors inside names), outermost first.
 */
export function readGum(path: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let raw: string[] = [];
  let pos: string[] = [];
  let spans: Span[] = [];
  const stack: { id: string; type: string; from: number }[] = [];
  const finish = (): void => {
    if (!raw.length) return;
    spans.sort((a, b) => a.from - b.from || b.to - a.to);
    out.push(retokenise(raw, spans));
    raw = [];
    pos = [];
    spans = [];
  };
  const close = (span: { type: string; from: number }, to: number): void => {
    const type = GUM_TYPES[span.type];
    if (!type) return;
    let from = span.from;
    while (from < to && pos[from] === 'DET') from++;
    const words = pos.slice(from, to);
    const inner = (p: string, k: number): boolean => INNER_POS.has(p) && k > 0 && k < words.length - 1;
    const named = words.length > 0 && pos[from] === 'PROPN' && words.every((p, k) => p === 'PROPN' || inner(p, k));
    if (named) spans.push({ from, to, type });
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) {
      finish();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0]!)) continue;
    const i = raw.length;
    raw.push(cols[1]!);
    pos.push(cols[3]!);
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9] ?? '')?.[1];
    if (!entity) continue;
    // "(1-event-...(2-abstract-...-coref)" opens 1 and opens and closes 2; "1)" closes 1.
    for (const m of entity.matchAll(/\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g)) {
      if (m[4]) {
        const at = stack.map((s) => s.id).lastIndexOf(m[4]);
        if (at >= 0) close(stack.splice(at, 1)[0]!, i + 1);
      } else if (m[3]) close({ type: m[2]!, from: i }, i + 1);
      else stack.push({ id: m[1]!, type: m[2]!, from: i });
    }
  }
  finish();
  return out;
}

/** GUM documents by split name (splits.md): dev and test are held out for `eval:ner`. */
export function gumSplits(dir: string): { train: string[]; dev: string[]; test: string[] } {
  const text = readFileSync(join(dir, 'splits.md'), 'utf8');
  const section = (name: string): Set<string> => {
    const m = new RegExp(`## ${name}\\s*\\n([\\s\\S]*?)(?=\\n## |$)`).exec(text);
    return new Set([...(m?.[1] ?? '').matchAll(/\*\s+(\S+)/g)].map((x) => x[1]!));
  };
  const dev = section('dev');
  const test = section('test');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.conllu'))
    .sort();
  const name = (f: string): string => f.replace(/\.conllu$/, '');
  return {
    train: files.filter((f) => !dev.has(name(f)) && !test.has(name(f))).map((f) => join(dir, f)),
    dev: files.filter((f) => dev.has(name(f))).map((f) => join(dir, f)),
    test: files.filter((f) => test.has(name(f))).map((f) => join(dir, f)),
  };
}

/** The project's own annotated White House sentences (training/ner/GUIDELINES.md). */
export function readAnnotated(path: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { text: string; entities: [string, NameType][] };
    const tokens = tokenize(record.text, [{ index: 0, start: 0, end: record.text.length, text: record.text }]);
    const tags = tokens.map(() => 'O');
    let cursor = 0;
    for (const [name, type] of record.entities) {
      const at = record.text.indexOf(name, cursor);
      if (at < 0) continue;
      cursor = at + name.length;
      let first = true;
      tokens.forEach((t, i) => {
        if (t.start >= at && t.start < cursor) {
          tags[i] = `${first ? 'B' : 'I'}-${type}`;
          first = false;
        }
      });
    }
    out.push({ words: tokens.map((t) => t.text), tags, gaps: tokenGaps(record.text, tokens) });
  }
  return out;
}
