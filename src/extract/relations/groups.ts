/**
 * Plural subjects that name back actors named together: joint statements and readouts name their
 * actors once ("President A of Arland and President B of Brevia met …") and then write "the two
 * leaders reaffirmed …", "they condemned …", "both countries called for …". Each such act is an act
 * of every actor of the group.
 *
 * A group is the coordinated actors that open a sentence. "They" reaches back over sentences that
 * name no one only (it names many things besides actors); a group noun ("the leaders", "the two sides") reaches back a
 * few sentences and must fit the group: its size ("two", "both") and its actors' label ("leaders"
 * are people, "countries" are countries). A group noun with no such group in reach names the
 * parties of the last meeting before it ("A met with B in Lima. … Both leaders called for …"),
 * again only when they fit. Anything else resolves to no group rather than a guess.
 */
import { sentenceAt, type Analysis } from './context.js';
import { candidatesIn, type Candidate } from './speaker.js';

// Between two coordinated actors: "A and B", "A, B and C", "President A of Arland and President B",
// "A, President of the Republic of Arland B".
export const COORDINATION =
  /^(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s*)+)?\s*(?:,|,?\s*and|,?\s*as well as|&)\s*(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+(?:(?:of|for)\s+(?:the\s+)?(?=\p{Lu}))?)*$/u;

/**
 * Whether mention `c` only qualifies the title of the person `right` after it ("President of the
 * Union of Arland Ana Kovacs"): a list walking left steps over it.
 */
export function qualifiesTitle(a: Analysis, c: Candidate, right: Candidate): boolean {
  if (c.kind !== 'mention' || c.label === 'Person' || right.kind !== 'mention' || right.label !== 'Person')
    return false;
  return (
    /\bof\s+(?:the\s+)?$/u.test(a.masked.slice(Math.max(0, c.at - 8), c.at)) &&
    /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(a.masked.slice(c.end, right.at))
  );
}

// The last link of a list has its conjunction ("A, B and C"); a comma alone ends an opening
// phrase or an apposition ("To support Arland, President B will …").
export const CONJOINED = /\b(?:and|as well as)\b|&/u;

type Plural = Extract<Candidate, { kind: 'plural' }>;

/**
 * What opens a sentence: the actors of its subject (one for a single actor, none for a person not
 * named); `null` when the sentence names someone but not as its opening subject; `'nobody'` when it
 * names no one at all.
 */
export type Opening = { at: number; actors: readonly string[] } | null | 'nobody';

// Before a sentence's subject: nothing, a few words ("On Friday"), or an opening phrase and its comma.
const SHORT_LEAD = /^[\s"“‘(]*(?:\S+\s+){0,3}$/u;
const COMMA_LEAD = /^[^,;:]{0,100},\s*$/u;
const OF_GAP = /^\.?\s+of\s+(?:the\s+)?$/u;
/** How many sentences back a group noun ("the two leaders") looks for its group. */
const GROUP_NOUN_REACH = 5;

/** The actors of the group `plural` names back, or undefined when no group fits. */
export function resolveGroup(a: Analysis, plural: Plural): readonly string[] | undefined {
  const here = sentenceAt(a.ctx.sentences, plural.at);
  if (!here) return undefined;
  const own = openingOf(a, here.index);
  if (own && own !== 'nobody' && own.at < plural.at) return fits(a, plural, own.actors);
  return groupBefore(a, plural, here.index) ?? (plural.pronoun ? undefined : lastMeeting(a, plural));
}

function groupBefore(a: Analysis, plural: Plural, index: number): readonly string[] | undefined {
  for (let i = index - 1; i >= 0 && i >= index - GROUP_NOUN_REACH; i--) {
    const opening = openingOf(a, i);
    if (opening && opening !== 'nobody' && opening.actors.length > 1) return fits(a, plural, opening.actors);
    // "They" skips only sentences that name no one ("A blue backdrop stood behind them."): any
    // other subject is what it would have to step over.
    if (plural.pronoun && opening !== 'nobody') return undefined;
  }
  return undefined;
}

/** The parties of the last meeting read before `plural` (all of its sentence's), when they fit it. */
function lastMeeting(a: Analysis, plural: Plural): readonly string[] | undefined {
  const meetings = a.memo.meetings ?? [];
  let i = meetings.length - 1;
  while (i >= 0 && meetings[i]!.at > plural.at) i--;
  if (i < 0) return undefined;
  const at = meetings[i]!.at;
  const actors = new Set<string>();
  for (; i >= 0 && meetings[i]!.at === at; i--) for (const e of meetings[i]!.actors) actors.add(e);
  return fits(a, plural, [...actors]);
}

function fits(a: Analysis, plural: Plural, actors: readonly string[]): readonly string[] | undefined {
  if (actors.length < 2 || (plural.count !== undefined && actors.length !== plural.count)) return undefined;
  if (plural.label && actors.some((e) => a.ctx.entities.get(e)?.label !== plural.label)) return undefined;
  return actors;
}

/** The subject that opens sentence `index`, computed once per sentence. */
export function openingOf(a: Analysis, index: number): Opening {
  const memo = (a.memo.openings ??= new Map<number, Opening>());
  if (memo.has(index)) return memo.get(index)!;
  // Set first: a sentence opening with a group noun looks only at the sentences before it.
  memo.set(index, null);
  const s = a.ctx.sentences[index]!;
  const list = candidatesIn(a, s.start, s.end);
  const head = list[0];
  let opening: Opening = head ? null : 'nobody';
  const lead = head ? a.masked.slice(s.start, head.at) : '';
  if (head && (SHORT_LEAD.test(lead) || COMMA_LEAD.test(lead))) {
    if (head.kind === 'plural') {
      const actors = groupBefore(a, head, index);
      opening = actors ? { at: head.at, actors } : null;
    } else if (head.kind === 'mention') {
      const actors = [head.entity];
      let right = head;
      for (const next of list.slice(1)) {
        const gap = a.masked.slice(right.end, next.at);
        // "President A of the Republic of Arland and President B": the country says whose president.
        if (next.kind === 'mention' && next.label !== 'Person' && OF_GAP.test(gap)) {
          right = next;
          continue;
        }
        if (next.kind !== 'mention' || !COORDINATION.test(gap)) break;
        actors.push(next.entity);
        right = next;
      }
      opening = { at: head.at, actors: [...new Set(actors)] };
    } else opening = { at: head.at, actors: [] };
  }
  memo.set(index, opening);
  return opening;
}
