/**
 * Held-out check of the MET_WITH / PROPOSED / REJECTED rules on the PLOVER gold
 * records (../shared/eval/plover/records.jsonl, CC BY-SA 4.0): 322 news-style
 * sentences, each with source and target actors and one event class. The actors'
 * texts become the mentions (so this measures the relation rules, not entity
 * recognition); each record is then classified by the relations found whose source
 * is a gold source actor. The class mapping is the relation types' `plover` field
 * (src/relation-types.ts): CONSULT → MET_WITH, DEMAND → PROPOSED, REJECT (and
 * DISAPPROVE, whose criticise/condemn/accuse verbs the rejection lexicon includes)
 * → REJECTED; the types with a mapping are the ones scored, and a symmetric type
 * counts from either end.
 *   npx tsx scripts/eval-plover.ts [--verbose] [--records FILE]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext } from '../src/extract/index.js';
import { relationExtractors } from '../src/extract/relations/index.js';
import { ploverMapping, RELATIONS, SYMMETRIC_TYPES } from '../src/relation-types.js';
import { sentenceExtractor } from '../src/extract/sentences.js';
import type { EntityMention } from '../src/extract/types.js';
import type { EntityLabel, RelationType } from '../src/types.js';

interface Actor {
  actorText?: string;
  code?: string;
  sector?: string;
}
interface PloverRecord {
  id: string;
  event: string;
  text: string;
  source?: Actor[] | string | null;
  target?: Actor[] | string | null;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const fileArg = args.indexOf('--records');
const file = resolve(fileArg >= 0 && args[fileArg + 1] ? args[fileArg + 1]! : '../shared/eval/plover/records.jsonl');
const records: PloverRecord[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as PloverRecord);

const EXPECTED = ploverMapping(RELATIONS);
const SCORED: RelationType[] = RELATIONS.filter((d) => d.plover.length > 0).map((d) => d.type);
const ROLE =
  /\b(?:President|Minister|Secretary|Chancellor|King|Queen|Pope|Prime|General|leader|minister|secretary|judge|ambassador|envoy|negotiator|president)\b/;

function labelOf(a: Actor): EntityLabel {
  const t = a.actorText ?? '';
  if (ROLE.test(t) && /\p{Lu}\p{Ll}+$/u.test(t) && !ROLE.test(t.split(/\s+/).pop() ?? '')) return 'Person';
  if (
    a.code &&
    /^[A-Z]{3}$/.test(a.code) &&
    !['IGO', 'NGO', 'MNC', 'UNO'].includes(a.code) &&
    (!a.sector || a.sector === 'GOV')
  ) {
    return /\b(?:government|administration|parliament|ministry|forces|army|officials?|diplomats?)\b/i.test(t)
      ? 'Organization'
      : 'Country';
  }
  return 'Organization';
}

const actors = (x: PloverRecord['source']): Actor[] => (Array.isArray(x) ? x.filter((a) => a.actorText) : []);

const counts = Object.fromEntries(SCORED.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
  RelationType,
  { tp: number; fp: number; fn: number }
>;
let usable = 0;
for (const rec of records) {
  const sources = actors(rec.source);
  const targets = actors(rec.target);
  const ctx = createContext({ id: rec.id, path: rec.id, text: rec.text });
  sentenceExtractor.run(ctx);
  const mentions: EntityMention[] = [];
  const keyFor = new Map<Actor, string>();
  const taken = new Uint8Array(rec.text.length);
  for (const a of [...sources, ...targets].sort((x, y) => y.actorText!.length - x.actorText!.length)) {
    const label = labelOf(a);
    const key = `${label}:${a.actorText!.toLowerCase()}`;
    keyFor.set(a, key);
    const at = rec.text.indexOf(a.actorText!);
    if (at < 0 || taken.subarray(at, at + a.actorText!.length).some((x) => x)) continue;
    taken.fill(1, at, at + a.actorText!.length);
    const sentence = ctx.sentences.findIndex((s) => s.start <= at && s.end >= at);
    mentions.push({ start: at, end: at + a.actorText!.length, text: a.actorText!, label, entity: key, sentence });
    if (!ctx.entities.has(key)) ctx.entities.set(key, { key, label, name: a.actorText!, aliases: [], mentions: [] });
  }
  ctx.mentions = mentions.sort((x, y) => x.start - y.start);
  if (sources.length === 0 || mentions.length === 0) continue;
  usable++;
  for (const x of relationExtractors) x.run(ctx);
  const src = new Set(sources.map((a) => keyFor.get(a)!));
  const found = new Set<RelationType>();
  for (const r of ctx.relations) {
    if (!SCORED.includes(r.type)) continue;
    const bySource = src.has(r.source) || (SYMMETRIC_TYPES.has(r.type) && src.has(r.target));
    if (bySource) found.add(r.type);
  }
  const want = EXPECTED.get(rec.event);
  for (const t of SCORED) {
    const hit = found.has(t);
    if (t === want && hit) counts[t].tp++;
    else if (t === want) counts[t].fn++;
    else if (hit) counts[t].fp++;
    if (verbose && hit !== (t === want))
      console.log(`${hit ? 'FP' : 'FN'} ${t} [${rec.event}] ${rec.text.slice(0, 140)}`);
  }
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
console.log(`PLOVER gold records: ${records.length}, with a locatable source actor: ${usable}`);
console.log('type            P      R     F1    tp   fp   fn');
let all = { tp: 0, fp: 0, fn: 0 };
for (const t of SCORED) {
  const c = counts[t];
  all = { tp: all.tp + c.tp, fp: all.fp + c.fp, fn: all.fn + c.fn };
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(
    `${t.padEnd(13)} ${pct(p)}  ${pct(r)}  ${pct(f)}  ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`,
  );
}
const p = all.tp / Math.max(1, all.tp + all.fp);
const r = all.tp / Math.max(1, all.tp + all.fn);
console.log(`micro F1 ${pct(p + r ? (2 * p * r) / (p + r) : 0)}  (P ${pct(p)}, R ${pct(r)})`);
