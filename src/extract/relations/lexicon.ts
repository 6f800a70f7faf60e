/**
 * The relation lexicons (data/lexicons/*-verbs.json, one per relation type, named by its
 * descriptor in src/relation-types.ts): read once per file and compiled into phrase matchers
 * once per list. The sources of every list are cited inside the data files.
 */
import { lexiconFile } from '../lexicon-files.js';
import { PhraseMatcher } from './phrases.js';

/** A lexicon file's content, with its file name for messages. */
export interface Lexicon {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Reads a lexicon by file name; the default reads data/lexicons/, a test may pass its own. */
export type LexiconReader = (file: string) => Lexicon;

const read = new Map<string, Lexicon>();

/** The lexicon `file` of data/lexicons/, parsed once. */
export const readLexicon: LexiconReader = (file) => {
  let lexicon = read.get(file);
  if (!lexicon) {
    const data = lexiconFile(file);
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new TypeError(
        `relations: data/lexicons/${file} is not a JSON object. Expected a lexicon with its sources.`,
      );
    lexicon = { file, data: data as Record<string, unknown> };
    read.set(file, lexicon);
  }
  return lexicon;
};

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/**
 * The phrases under `key`: a list, or groups of lists by lemma (`{"meet": ["met", …]}`).
 * A missing key is an empty list when `optional`, an error otherwise.
 */
export function phrases(lexicon: Lexicon, key: string, optional = false): string[] {
  const value = lexicon.data[key];
  if (value === undefined && optional) return [];
  if (isStrings(value)) return value;
  if (value && typeof value === 'object' && Object.values(value).every(isStrings))
    return Object.values(value as Record<string, string[]>).flat();
  throw new TypeError(
    `relations: lexicon ${lexicon.file} has no "${key}" list. Expected a list of phrases or an object of lists.`,
  );
}

const matchers = new WeakMap<Lexicon, Map<string, PhraseMatcher>>();

/** A matcher for the phrases under `key`, compiled once per lexicon and key. */
export function phraseMatcher(lexicon: Lexicon, key: string, optional = false): PhraseMatcher {
  let byKey = matchers.get(lexicon);
  if (!byKey) matchers.set(lexicon, (byKey = new Map<string, PhraseMatcher>()));
  let matcher = byKey.get(key);
  if (!matcher) byKey.set(key, (matcher = new PhraseMatcher(phrases(lexicon, key, optional))));
  return matcher;
}

/** The verbs imported from the CAMEO verb dictionary, by the lexicon they add to (scripts/lexicons/cameo.ts). */
export const CAMEO_VERBS = 'cameo-verbs.json';

interface CameoImport {
  verbs: Record<string, { forms: string[] }>;
}

/**
 * The trigger verbs of `lexicon`: its own `verbs` and those the CAMEO import gives it, read from
 * `read` (the same reader as the lexicon's). A lexicon the import does not name has only its own.
 */
export function triggerVerbs(lexicon: Lexicon, read: LexiconReader = readLexicon): string[] {
  const own = phrases(lexicon, 'verbs');
  const imported = (read(CAMEO_VERBS).data.lexicons as Record<string, CameoImport> | undefined)?.[lexicon.file];
  if (!imported) return own;
  return [...new Set([...own, ...Object.values(imported.verbs).flatMap((v) => v.forms)])];
}

/** The speech verbs (VerbNet say-37.7 …): every pattern that reads statements attributes them with these. */
export const SPEECH_VERBS = 'speech-verbs.json';
