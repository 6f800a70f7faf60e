/**
 * Where the judgements file lives and how the CLI reads and appends to it. The default sits
 * beside the articles it corrects (inside the input folder, as a hidden file the article
 * reader passes over), so deleting an output folder never deletes a judgement.
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import {
  formatJudgement,
  parseJudgements,
  type Judgement,
  type JudgementLine,
  type JudgementProblem,
} from '../resolve/index.js';

export const JUDGEMENTS_FILE_NAME = '.newsgraph-judgements.jsonl';

/** The default judgements file of a build of `inputs`: in the first input folder, or beside the first input file. */
export async function defaultJudgementsPath(inputs: readonly string[]): Promise<string | undefined> {
  const first = inputs.find((i) => i !== '-');
  if (!first) return undefined;
  const info = await stat(first).catch(() => undefined);
  if (!info) return undefined;
  return info.isDirectory() ? join(first, JUDGEMENTS_FILE_NAME) : join(dirname(first), JUDGEMENTS_FILE_NAME);
}

/**
 * Reads a judgements file. A missing default file means no judgements; a missing file the user
 * named is a usage error. Bad lines come back as problems, to be reported one per line.
 */
export async function readJudgementsFile(
  path: string,
  named: boolean,
): Promise<{ judgements: JudgementLine[]; problems: JudgementProblem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !named) return { judgements: [], problems: [] };
    throw new UsageError(`cannot read judgements file ${path}: ${code ?? (err as Error).message}.`, { cause: err });
  }
  return parseJudgements(text);
}

/** `file:line: message`, the one-line form of a judgement problem. */
export const formatJudgementProblem = (path: string, p: JudgementProblem): string => `${path}:${p.line}: ${p.message}`;

/** Appends one judgement, stamped with the time, as a new line. */
export async function appendJudgement(path: string, judgement: Judgement, now = new Date()): Promise<string> {
  const stamped = { ...judgement, at: judgement.at ?? now.toISOString() };
  const existing = await readFile(path, 'utf8').catch(() => '');
  const line = formatJudgement(stamped);
  await appendFile(path, `${existing && !existing.endsWith('\n') ? '\n' : ''}${line}\n`, 'utf8');
  return line;
}
