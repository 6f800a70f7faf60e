/**
 * User judgements: corrections a person made to the automatic resolution, kept apart from the
 * data (after the judgements of OCCRP's nomenklatura) in a JSON Lines file, one judgement per
 * line, and applied after automatic resolution on every build, so a rebuild never undoes one:
 *
 *   {"judgement":"same","ids":["person:joe-biden","person:biden"]}        one node (the first id)
 *   {"judgement":"split","id":"person:kamala-harris","names":["Donald Harris"]}
 *                                   the entities of that node named so become a node of their own
 *   {"judgement":"not-entity","id":"person:biden-announces-key-nominees"}   no node, no facts
 *   {"judgement":"relabel","id":"person:kirby","label":"Organization"}
 *
 * Ids are node keys of the graph as automatic resolution makes it. Every line may carry a
 * `note` and an `at` timestamp, which are kept but not used.
 */
import { ENTITY_LABELS, type EntityLabel } from '../types.js';
import { normalizeName, slugify } from '../util/text.js';

export type Judgement =
  | { judgement: 'same'; ids: string[]; note?: string; at?: string }
  | { judgement: 'split'; id: string; names: string[]; note?: string; at?: string }
  | { judgement: 'not-entity'; id: string; note?: string; at?: string }
  | { judgement: 'relabel'; id: string; label: EntityLabel; note?: string; at?: string };

export const JUDGEMENT_KINDS = ['same', 'split', 'not-entity', 'relabel'] as const;

/** A judgement that could not be read or applied, with its line in the file. */
export interface JudgementProblem {
  line: number;
  message: string;
}

/** A judgement and the line it came from. */
export interface JudgementLine {
  line: number;
  judgement: Judgement;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isStringList = (v: unknown, min: number): v is string[] =>
  Array.isArray(v) && v.length >= min && v.every(isString);

/** Reads one judgement; a string names what is wrong with it. */
function readJudgement(value: unknown): Judgement | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const o = value as Record<string, unknown>;
  const extras = { ...(isString(o.note) ? { note: o.note } : {}), ...(isString(o.at) ? { at: o.at } : {}) };
  switch (o.judgement) {
    case 'same':
      if (!isStringList(o.ids, 2)) return '"same" needs "ids": at least two node ids';
      return { judgement: 'same', ids: o.ids, ...extras };
    case 'split':
      if (!isString(o.id)) return '"split" needs "id": the node to split';
      if (!isStringList(o.names, 1)) return '"split" needs "names": the names to take out of the node';
      return { judgement: 'split', id: o.id, names: o.names, ...extras };
    case 'not-entity':
      if (!isString(o.id)) return '"not-entity" needs "id": the node that is no entity';
      return { judgement: 'not-entity', id: o.id, ...extras };
    case 'relabel':
      if (!isString(o.id)) return '"relabel" needs "id": the node to relabel';
      if (!ENTITY_LABELS.includes(o.label as EntityLabel))
        return `"relabel" needs "label": one of ${ENTITY_LABELS.join(', ')}`;
      return { judgement: 'relabel', id: o.id, label: o.label as EntityLabel, ...extras };
    default:
      return `unknown judgement ${JSON.stringify(o.judgement)}: expected one of ${JUDGEMENT_KINDS.join(', ')}`;
  }
}

/** Parses a judgements file; blank lines are skipped, bad lines reported and left out. */
export function parseJudgements(text: string): { judgements: JudgementLine[]; problems: JudgementProblem[] } {
  const judgements: JudgementLine[] = [];
  const problems: JudgementProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: 'not valid JSON' });
      return;
    }
    const read = readJudgement(value);
    if (typeof read === 'string') problems.push({ line, message: read });
    else judgements.push({ line, judgement: read });
  });
  return { judgements, problems };
}

/** One judgement as a line of the file. */
export function formatJudgement(j: Judgement): string {
  return JSON.stringify(j);
}

/** What the judgements do to an entity that automatic resolution put in node `key`. */
export interface Verdict {
  /** The node it goes to, or undefined when it is no entity. */
  key?: string;
  /** A label the user gave the node. */
  label?: EntityLabel;
}

/** Judgements ready to apply to the key automatic resolution gave an entity. */
export interface JudgementPlan {
  apply(key: string, entity: { label: EntityLabel; name: string }): Verdict;
}

/** The judgements naming a node `known` does not hold, each as a problem; they must not be applied. */
export function unknownIds(lines: readonly JudgementLine[], known: ReadonlySet<string>): JudgementProblem[] {
  const problems: JudgementProblem[] = [];
  for (const { line, judgement: j } of lines) {
    const ids = j.judgement === 'same' ? j.ids : [j.id];
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length)
      problems.push({ line, message: `no node ${missing.join(', ')} in this graph; the judgement is not applied` });
  }
  return problems;
}

/** Applies split, then same, then not-entity and relabel, each on the key the previous step gave. */
export function planJudgements(lines: readonly JudgementLine[]): JudgementPlan {
  const splits = new Map<string, Set<string>>();
  const sameAs = new Map<string, string>();
  const dropped = new Set<string>();
  const labels = new Map<string, EntityLabel>();
  for (const { judgement: j } of lines) {
    if (j.judgement === 'split') {
      const set = splits.get(j.id) ?? new Set<string>();
      for (const n of j.names) set.add(normalizeName(n));
      splits.set(j.id, set);
    } else if (j.judgement === 'same') {
      const target = sameAs.get(j.ids[0]!) ?? j.ids[0]!;
      for (const id of j.ids.slice(1)) if (id !== target) sameAs.set(id, target);
    } else if (j.judgement === 'not-entity') dropped.add(j.id);
    else labels.set(j.id, j.label);
  }
  // "same a b" then "same b c": c goes to a as well.
  const canonical = (k: string): string => {
    const seen = new Set<string>();
    while (sameAs.has(k) && !seen.has(k)) {
      seen.add(k);
      k = sameAs.get(k)!;
    }
    return k;
  };

  return {
    apply(key, entity) {
      let k = key;
      if (splits.get(key)?.has(normalizeName(entity.name))) {
        const own = `${entity.label.toLowerCase()}:${slugify(entity.name)}`;
        k = own === key ? `${key}-apart` : own;
      }
      k = canonical(k);
      if (dropped.has(k)) return {};
      const label = labels.get(k);
      return label ? { key: k, label } : { key: k };
    },
  };
}
