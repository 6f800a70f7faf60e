/**
 * npm run lexicons:cameo: imports the trigger verbs of PETRARCH2's CAMEO verb dictionary for the
 * relation lexicons, into data/lexicons/cameo-verbs.json: for each lexicon, every verb of the CAMEO
 * classes that code its relation, under its dictionary entry, with its code, its block, the
 * dictionary line it is written on and its forms. The verb relations read them beside the lexicon's
 * own `verbs` (src/extract/relations/lexicon.ts `triggerVerbs`).
 *   npm run lexicons:cameo -- [--dictionary FILE] [--check]
 * --dictionary: CAMEO.2.0.txt (default: nlp/petrarch2/ of the shared data folder).
 * --check: writes nothing, and fails when the file is not what the dictionary gives.
 *
 * Which classes code which relation (CAMEO 1.1b3 codebook):
 * - PROPOSED: 020 make an appeal or request (appeal, urge, suggest, recommend), 030 express intent to
 *   cooperate (offer, pledge, promise), 100 demand;
 * - REJECTED: 110 disapprove (oppose, dismiss, dispute, decry), 111 criticize or denounce, 112
 *   accuse (blame, fault), 114 complain officially, 120 reject (decline, object, defy, overrule).
 * A class holds verbs that code it only with a pattern's help (PETRARCH reads them with their
 * object: "prepare" is 030 only before "talks"); those read alone would be wrong, so they are
 * excluded below, each group with its reason.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCameoVerbs, type CameoVerb } from './cameo-parse.js';
import { formatJson } from './json-file.js';
import { optionValue } from '../options.js';
import { CAMEO_VERBS } from '../../src/extract/relations/lexicon.js';
import { PROJECT_ROOT, requirePath, sharedPath } from '../shared-data.js';

interface Selection {
  /** CAMEO codes (three digits) whose verbs trigger the relation. */
  codes: readonly string[];
  /** Entries left out, by reason. */
  exclude: Readonly<Record<string, readonly string[]>>;
}

const MENTAL_STATE = "a state of mind or a plan of one's own, not an act toward another party";
const TOO_GENERAL = 'too general read alone: in news it mostly takes an object that is no proposal or rejection';
const NOUN_IN_NEWS = 'mostly a noun in news ("security guarantees"), read as a verb after a name it goes wrong';
const OTHER_SENSE = 'its usual sense in news is another act (physical, legal, procedural or emotional)';

const SELECTIONS: Readonly<Record<string, Selection>> = {
  'proposal-verbs.json': {
    codes: ['020', '030', '100'],
    exclude: {
      [MENTAL_STATE]: [
        'DESIRE',
        'HOPE',
        'IS_DETERMINED',
        'DECIDE',
        'DETERMINE',
        'EXPECT',
        'INTEND',
        'MEAN',
        'PLAN',
        'WANT',
        'AIM',
        'ENDEAVOR',
        'ENDEAVOUR',
        'STRIVE',
        'NEED',
        'NECESSITATE',
      ],
      [TOO_GENERAL]: [
        'ASK',
        'APPLY',
        'HINT',
        'SEEK',
        'VOTE',
        'SIGNAL',
        'ENSURE',
        'ASSURE',
        'CERTIFY',
        'COMPLY',
        'PRESS',
        'PUSH',
        'ORDER',
        'DECREE',
        'BID',
        'CAMPAIGN',
        'CRUSADE',
        'SUBSCRIBE',
        'COUNSEL',
        'ADVISE',
        'INSIST',
      ],
      [NOUN_IN_NEWS]: ['GUARANTEE', 'VOUCH'],
      [OTHER_SENSE]: ['GEAR_UP', 'GROOM', 'PREPARE', 'READY', 'TRAIN', 'RESURRECT', 'RESUSCITATE', 'REVIVE', 'PLEAD'],
    },
  },
  'rejection-verbs.json': {
    codes: ['110', '111', '112', '114', '120'],
    exclude: {
      [MENTAL_STATE]: [
        'DESPAIR',
        'DISAPPOINT',
        'DISCOURAGE',
        'DISHEARTEN',
        'DISMAY',
        'SADDEN',
        'DISTRUST',
        'SUSPECT',
        'GRIEVE',
        'LAMENT',
        'MOURN',
        'REGRET',
        'BEMOAN',
        'ABHOR',
      ],
      [TOO_GENERAL]: [
        'EXPRESS',
        'ALLEGE',
        'AVER',
        'AVOW',
        'CLAIM',
        'SWEAR',
        'ARGUE',
        'CHALLENGE',
        'COMPETE',
        'CONTEND',
        'CONTRAST',
        'COUNTER',
        'COUNTERBALANCE',
        'DIFFER',
        'CONTRADICT',
        'BRAND',
        'LECTURE',
        'FAIL',
        'TABLE',
        'CHARGE',
        'IMPLICATE',
        'COMPENSATE',
        'DISAGREE',
        'DISSENT',
      ],
      [OTHER_SENSE]: [
        'GRILL',
        'BLASPHEME',
        'CURSE',
        'CRY',
        'WAIL',
        'WEEP',
        'WHINE',
        'SLIGHT',
        'DEBASE',
        'DEFILE',
        'DEGRADE',
        'DISGRACE',
        'HUMBLE',
        'HUMILIATE',
        'CRUCIFY',
        'SAVAGE',
        'CHASTEN',
        'REPROBATE',
        'DEFECT',
        'DEFER',
        'DELAY',
        'FORESTALL',
        'HAMPER',
        'HINDER',
        'IMPEDE',
        'INHIBIT',
        'OBSTRUCT',
        'POSTPONE',
        'PREVENT',
        'PROCRASTINATE',
        'REMIT',
        'RETARD',
        'STALL',
        'STYMIE',
        'SHELVE',
        'CONTRAVENE',
        'CONTEST',
        'WRANGLE',
        'DECLINE',
      ],
    },
  },
};

const DESCRIPTION =
  "Trigger verbs of the CAMEO verb dictionary, by the relation lexicon they add to: every verb of the CAMEO classes that code the relation, with its code, its block and the dictionary line it is written on, except the verbs listed under `excluded` with the reason. Written by npm run lexicons:cameo (scripts/lexicons/cameo.ts); do not edit by hand. The verb relations read these forms beside their lexicon's own `verbs`.";
const SOURCE =
  'PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt, Copyright (c) 2015 Open Event Data Alliance, MIT licence; openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/';

/** The `cameo` key of a lexicon: the selected verbs by entry, in dictionary order. */
export function cameoEntries(verbs: readonly CameoVerb[], selection: Selection): Record<string, unknown> {
  const excluded = new Set(Object.values(selection.exclude).flat());
  const out: Record<string, unknown> = {};
  for (const v of verbs) {
    if (!selection.codes.includes(v.code) || excluded.has(v.entry)) continue;
    const key = v.entry.toLowerCase().replace(/_/g, ' ');
    if (key in out) continue;
    out[key] = { code: v.code, block: v.block, line: v.line, forms: v.forms };
  }
  return out;
}

async function main(): Promise<number> {
  const given = optionValue('--dictionary', '');
  const file = requirePath(
    'lexicons:cameo',
    'the CAMEO verb dictionary',
    given || sharedPath('nlp/petrarch2/CAMEO.2.0.txt'),
    {
      name: '--dictionary',
      given: given !== '',
    },
  );
  const verbs = parseCameoVerbs(readFileSync(file, 'utf8'));
  const known = new Set(verbs.map((v) => v.entry));
  const lexicons: Record<string, unknown> = {};
  for (const [name, selection] of Object.entries(SELECTIONS)) {
    const unknown = Object.values(selection.exclude)
      .flat()
      .filter((e) => !known.has(e));
    if (unknown.length > 0) {
      console.error(
        `lexicons:cameo: ${file} has no entries ${unknown.join(', ')}; the selection for ${name} needs updating.`,
      );
      return 1;
    }
    const entries = cameoEntries(verbs, selection);
    lexicons[name] = { codes: selection.codes, excluded: selection.exclude, verbs: entries };
    console.log(
      `lexicons:cameo: ${name}: ${Object.keys(entries).length} CAMEO verbs (codes ${selection.codes.join(', ')})`,
    );
  }
  const data = { description: DESCRIPTION, sources: [SOURCE], lexicons };
  const path = join(PROJECT_ROOT, 'data/lexicons', CAMEO_VERBS);
  // Laid out by the project's Prettier, so that a rerun on the same dictionary gives the same bytes.
  const text = await formatJson(data);
  const where = relative(process.cwd(), path);
  if (process.argv.includes('--check')) {
    const now = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (now === text) return 0;
    console.error(`lexicons:cameo: ${where} is not what ${file} gives; run npm run lexicons:cameo.`);
    return 1;
  }
  writeFileSync(path, text);
  console.log(`lexicons:cameo: wrote ${where}`);
  return 0;
}

process.exitCode = await main();
