/**
 * Where the evaluation scripts find the data that is not in the repository (gold
 * annotations, CoNLL-2003, PLOVER, the corpora): the folder `NEWSGRAPH_SHARED` names
 * (relative to the current folder), else `../shared` beside the project. A script checks
 * what it needs before any work and, when it is missing, stops with one line saying where
 * it looked and how to point it elsewhere — never with a stack trace.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (scripts/..). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared data folder: $NEWSGRAPH_SHARED, else ../shared beside the project. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.NEWSGRAPH_SHARED;
  return given ? resolve(given) : resolve(PROJECT_ROOT, '..', 'shared');
}

/** A path inside the shared data folder. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir(), ...parts);
}

/** The script's own option for a path: its name, and whether the user gave it (then no shared folder is involved). */
export interface PathFlag {
  name: string;
  given: boolean;
}

/**
 * Stops the script (exit 2) with one line when `path` does not exist: what is missing, where it
 * was looked for, and the option or variable that points elsewhere.
 */
export function requirePath(script: string, what: string, path: string, flag?: PathFlag): string {
  if (existsSync(path)) return path;
  let where = '';
  let fix: string;
  if (flag?.given) fix = `Check the path given to ${flag.name}.`;
  else {
    const env = process.env.NEWSGRAPH_SHARED;
    where = env ? ` (NEWSGRAPH_SHARED=${env})` : ' (../shared beside the project; NEWSGRAPH_SHARED is not set)';
    fix = `Set NEWSGRAPH_SHARED to the shared data folder${flag ? `, or give ${flag.name} <path>` : ''}.`;
  }
  process.stderr.write(`${script}: ${what} not found at ${path}${where}. ${fix}\n`);
  process.exit(2);
}
