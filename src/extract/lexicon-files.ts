/**
 * The files of data/lexicons/, each read and parsed once however many modules read it: the
 * tokenizer, the entity lexicons and the relation lexicons share some (grammar.json).
 */
import { readFileSync } from 'node:fs';

const LEXICON_DIR = new URL('../../data/lexicons/', import.meta.url);
const parsed = new Map<string, unknown>();

/** The parsed JSON of data/lexicons/`file`, read on first use. */
export function lexiconFile(file: string): unknown {
  if (!parsed.has(file)) parsed.set(file, JSON.parse(readFileSync(new URL(file, LEXICON_DIR), 'utf8')));
  return parsed.get(file);
}
