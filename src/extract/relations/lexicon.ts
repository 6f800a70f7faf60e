/**
 * The verb lexicons (data/lexicons/*-verbs.json), read once at module load and
 * compiled into phrase matchers. The sources of every list are cited inside the
 * data files.
 */
import { readFileSync } from 'node:fs';
import { PhraseMatcher } from './tokens.js';

interface VerbFile {
  verbs: Record<string, string[]>;
  nouns?: string[];
  deontic?: string[];
  contrast?: string[];
}
interface MeetingFile {
  transitive: Record<string, string[]>;
  reciprocal: Record<string, string[]>;
  nouns: string[];
  conduct: string[];
}

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../data/lexicons/${name}`, import.meta.url), 'utf8')) as T;
}

const flat = (r: Record<string, string[]>): string[] => Object.values(r).flat();

const speech = load<VerbFile>('speech-verbs.json');
const meeting = load<MeetingFile>('meeting-verbs.json');
const proposal = load<VerbFile>('proposal-verbs.json');
const rejection = load<VerbFile>('rejection-verbs.json');
const participation = load<VerbFile>('participation-verbs.json');

export const SPEECH = new PhraseMatcher(flat(speech.verbs));

export const MEETING_TRANSITIVE = new PhraseMatcher(flat(meeting.transitive));
export const MEETING_RECIPROCAL = new PhraseMatcher(flat(meeting.reciprocal));
export const MEETING_NOUN = new PhraseMatcher(meeting.nouns);
export const MEETING_CONDUCT = new PhraseMatcher(meeting.conduct);

export const PROPOSAL = new PhraseMatcher(flat(proposal.verbs));
export const PROPOSAL_NOUN = new PhraseMatcher(proposal.nouns ?? []);
export const REJECTION = new PhraseMatcher(flat(rejection.verbs));
export const REJECTION_NOUN = new PhraseMatcher(rejection.nouns ?? []);

export const DEONTIC = new PhraseMatcher(proposal.deontic ?? []);
export const CONTRAST = new PhraseMatcher(rejection.contrast ?? []);

export const PARTICIPATION = new PhraseMatcher(flat(participation.verbs));
