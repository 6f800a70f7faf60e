/**
 * `newsgraph judge`: record a correction to resolution (same, split, not-entity, relabel) in the
 * judgements file that every later `build` applies, or list the file. With --graph the ids are
 * checked against a built graph first, so a typo never reaches the file.
 */
import { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { readGraphFile } from '../../graph/index.js';
import { JUDGEMENT_KINDS, type Judgement } from '../../resolve/index.js';
import { ENTITY_LABELS, type EntityLabel } from '../../types.js';
import { exitCodesHelp } from '../exit.js';
import {
  appendJudgement,
  defaultJudgementsPath,
  formatJudgementProblem,
  JUDGEMENTS_FILE_NAME,
  readJudgementsFile,
} from '../judgements.js';
import { checkChoice, examplesHelp } from '../settings.js';

/** The flags as commander hands them over. */
export interface JudgeFlags {
  judgements?: string;
  input?: string;
  graph?: string;
  note?: string;
}

/** What `newsgraph judge` runs with. */
export interface JudgeSettings {
  /** The judgements file, named or found beside --input. */
  file: string;
  graph?: string;
  note?: string;
}

/** --judgements over the default file beside --input; one of them is needed. */
export async function resolveJudgeSettings(flags: JudgeFlags): Promise<JudgeSettings> {
  const file = flags.judgements ?? (flags.input ? await defaultJudgementsPath([flags.input]) : undefined);
  if (!file) {
    throw new UsageError(
      flags.input
        ? `judge: --input ${flags.input} does not exist. Give the folder (or file) you build, or --judgements <file>.`
        : 'judge: say which judgements file to write: --input <the folder you build> or --judgements <file>.',
    );
  }
  return { file, ...(flags.graph ? { graph: flags.graph } : {}), ...(flags.note ? { note: flags.note } : {}) };
}

/** Throws a UsageError when an id is not a node of the --graph given. */
async function checkIds(s: JudgeSettings, ids: readonly string[]): Promise<void> {
  if (!s.graph) return;
  const info = await stat(s.graph).catch(() => undefined);
  const graph = await readGraphFile(info?.isDirectory() ? join(s.graph, 'graph.json') : s.graph);
  const missing = ids.filter((id) => !graph.hasNode(id));
  if (missing.length) {
    throw new UsageError(`judge: no node ${missing.join(', ')} in ${s.graph}. Node ids look like person:joe-biden.`);
  }
}

async function record(flags: JudgeFlags, ids: readonly string[], make: (note?: string) => Judgement): Promise<void> {
  const s = await resolveJudgeSettings(flags);
  await checkIds(s, ids);
  const line = await appendJudgement(s.file, make(s.note));
  process.stdout.write(`${line}\n`);
  process.stderr.write(`judge: recorded in ${s.file}; the next build applies it.\n`);
}

const withNote = (note?: string): { note?: string } => (note ? { note } : {});

function addFileOptions(command: Command, validate = true): Command {
  command
    .option('--input <path>', `the folder (or file) you build: the judgements go in its ${JUDGEMENTS_FILE_NAME}`)
    .option('--judgements <file>', 'the judgements file to write instead');
  if (validate) {
    command
      .option('--graph <path>', 'a built graph (folder or graph.json) to check the ids against first')
      .option('--note <text>', 'why: kept with the judgement');
  }
  return command;
}

export function judgeCommand(): Command {
  const judge = new Command('judge').description(
    `Correct resolution: record that nodes are the same, must be split, are no entity or have another label (${JUDGEMENT_KINDS.join(', ')})`,
  );
  judge.addCommand(
    addFileOptions(
      new Command('same')
        .description('the nodes are one thing: merge them into the first')
        .argument('<ids...>', 'two or more node ids, the one to keep first'),
    ).action(async (ids: string[], flags: JudgeFlags) => {
      if (ids.length < 2) throw new UsageError('judge same: give at least two node ids, the one to keep first.');
      await record(flags, ids, (note) => ({ judgement: 'same', ids, ...withNote(note) }));
    }),
  );
  judge.addCommand(
    addFileOptions(
      new Command('split')
        .description('the entities of the node known by these names are someone (something) else')
        .argument('<id>', 'the node that merged two things')
        .argument('<names...>', 'the names, as the node lists them, to take out into a node of their own'),
    ).action(async (id: string, names: string[], flags: JudgeFlags) => {
      await record(flags, [id], (note) => ({ judgement: 'split', id, names, ...withNote(note) }));
    }),
  );
  judge.addCommand(
    addFileOptions(
      new Command('not-entity').description('the node is no entity: drop it and its facts').argument('<id>', 'node id'),
    ).action(async (id: string, flags: JudgeFlags) => {
      await record(flags, [id], (note) => ({ judgement: 'not-entity', id, ...withNote(note) }));
    }),
  );
  judge.addCommand(
    addFileOptions(
      new Command('relabel')
        .description('the node has another label')
        .argument('<id>', 'node id')
        .argument('<label>', ENTITY_LABELS.join(', ')),
    ).action(async (id: string, label: string, flags: JudgeFlags) => {
      checkChoice('judge relabel', '<label>', label, ENTITY_LABELS);
      await record(flags, [id], (note) => ({
        judgement: 'relabel',
        id,
        label: label as EntityLabel,
        ...withNote(note),
      }));
    }),
  );
  judge.addCommand(
    addFileOptions(new Command('list').description('print the judgements file, reporting bad lines'), false).action(
      async (flags: JudgeFlags) => {
        const s = await resolveJudgeSettings(flags);
        const { judgements, problems } = await readJudgementsFile(s.file, true);
        for (const j of judgements) process.stdout.write(`${j.line}\t${JSON.stringify(j.judgement)}\n`);
        for (const p of problems) process.stderr.write(`newsgraph: ${formatJudgementProblem(s.file, p)}\n`);
        if (problems.length) throw new UsageError(`judge list: ${problems.length} bad lines in ${s.file}.`);
      },
    ),
  );
  judge.addHelpText(
    'after',
    examplesHelp(
      [
        'newsgraph judge same person:joe-biden person:biden --input news/ --graph out/news',
        "newsgraph judge split person:kamala-harris 'Donald Harris' --input news/",
        'newsgraph judge not-entity person:biden-announces-key-nominees --input news/',
        'newsgraph judge relabel person:kirby Organization --judgements reviewed.jsonl',
        'newsgraph judge list --input news/',
      ],
      exitCodesHelp(['OK', 'USAGE']),
    ),
  );
  return judge;
}
