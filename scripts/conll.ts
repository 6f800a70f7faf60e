/**
 * npm run eval:conll: NER quality on CoNLL-2003 (default: eval/conll2003/eng.testb of the shared
 * data folder, $NEWSGRAPH_SHARED or ../shared; see scripts/shared-data.ts).
 * Each document is rebuilt as text (tokens joined by spaces, one sentence a line) and run
 * through the extractor; every name mention (a mention that starts with a capital letter —
 * descriptors such as "the president" are not CoNLL entities) of a Person, Organization,
 * or Country/Place entity is scored against PER, ORG and LOC with exact-span entity F1.
 * MISC is not scored; Events are not predicted as any CoNLL type.
 *   npm run eval:conll -- [--file PATH] [--json]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractArticle } from '../src/extract/index.js';
import type { EntityLabel } from '../src/types.js';
import { requirePath, sharedPath } from './shared-data.js';

type Kind = 'PER' | 'ORG' | 'LOC';
const KIND_OF: Partial<Record<EntityLabel, Kind>> = {
  Person: 'PER',
  Organization: 'ORG',
  Country: 'LOC',
  Place: 'LOC',
};

const args = process.argv.slice(2);
const fileIdx = args.indexOf('--file');
const given = fileIdx >= 0 && args[fileIdx + 1] !== undefined;
const file = requirePath(
  'eval:conll',
  'the CoNLL-2003 test file',
  given ? resolve(args[fileIdx + 1]!) : sharedPath('eval/conll2003/eng.testb'),
  { name: '--file', given },
);

interface Doc {
  text: string;
  gold: Set<string>;
}

/** Splits the file into documents and turns IOB1 tags into `start:end:KIND` spans over the rebuilt text. */
function readDocs(path: string): Doc[] {
  const docs: Doc[] = [];
  let parts: string[] = [];
  let offset = 0;
  let gold = new Set<string>();
  let open: { kind: string; start: number; end: number } | undefined;
  let lineTokens = 0;
  const close = (): void => {
    if (open && (open.kind === 'PER' || open.kind === 'ORG' || open.kind === 'LOC'))
      gold.add(`${open.start}:${open.end}:${open.kind}`);
    open = undefined;
  };
  const endSentence = (): void => {
    close();
    if (lineTokens > 0) {
      parts.push('\n');
      offset += 1;
    }
    lineTokens = 0;
  };
  const endDoc = (): void => {
    endSentence();
    const text = parts.join('');
    if (text.trim()) docs.push({ text, gold });
    parts = [];
    offset = 0;
    gold = new Set();
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endDoc();
      continue;
    }
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const cols = line.split(' ');
    const token = cols[0]!;
    const tag = cols[cols.length - 1]!;
    if (lineTokens > 0) {
      parts.push(' ');
      offset += 1;
    }
    const start = offset;
    parts.push(token);
    offset += token.length;
    lineTokens++;
    const [prefix, kind] = tag === 'O' ? ['O', ''] : (tag.split('-') as [string, string]);
    if (prefix === 'O') close();
    else if (open && open.kind === kind && prefix === 'I') open.end = offset;
    else {
      close();
      open = { kind, start, end: offset };
    }
  }
  endDoc();
  return docs;
}

const docs = readDocs(file);
const counts: Record<Kind, { tp: number; fp: number; fn: number }> = {
  PER: { tp: 0, fp: 0, fn: 0 },
  ORG: { tp: 0, fp: 0, fn: 0 },
  LOC: { tp: 0, fp: 0, fn: 0 },
};
let bytes = 0;
const t0 = performance.now();
docs.forEach((doc, i) => {
  bytes += Buffer.byteLength(doc.text);
  const extraction = extractArticle({ id: `conll#${i}`, path: file, text: doc.text });
  const predicted = new Set<string>();
  for (const entity of extraction.entities) {
    const kind = KIND_OF[entity.label];
    if (!kind) continue;
    for (const m of entity.mentions) if (/^\p{Lu}/u.test(m.text)) predicted.add(`${m.start}:${m.end}:${kind}`);
  }
  for (const p of predicted) {
    const kind = p.split(':')[2] as Kind;
    if (doc.gold.has(p)) counts[kind].tp++;
    else counts[kind].fp++;
  }
  for (const g of doc.gold) if (!predicted.has(g)) counts[g.split(':')[2] as Kind].fn++;
});
const seconds = (performance.now() - t0) / 1000;

const prf = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0, ...c };
};
const all = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
  tp: 0,
  fp: 0,
  fn: 0,
});
const result = {
  file,
  documents: docs.length,
  overall: prf(all),
  byKind: Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, prf(c)])),
  seconds,
};
if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(
    `CoNLL-2003 ${file.split('/').pop()}: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s`,
  );
  console.log('kind      P      R     F1     tp    fp    fn');
  for (const [k, v] of [...Object.entries(result.byKind), ['all', result.overall] as const])
    console.log(
      `${String(k).padEnd(5)} ${pct(v.precision)}  ${pct(v.recall)}  ${pct(v.f1)}  ${String(v.tp).padStart(5)} ${String(v.fp).padStart(5)} ${String(v.fn).padStart(5)}`,
    );
}
