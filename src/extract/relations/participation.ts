/**
 * PARTICIPATED_IN: an actor took part in an event. Three sources: a participation
 * phrase with the actor as subject and an Event after it ("X attended the summit",
 * "X spoke at the press conference"); the two sides of a meeting whose event is
 * known (a relation with an `event`: MET_WITH); and a speaker whose statement (a
 * relation with a `quote`: SAID) has as target the Event it was made at. The
 * registry's `participation` pattern: it runs after the other patterns and reads
 * their relations.
 */
import type { ArticleRelation, RelationType } from '../../types.js';
import type { ExtractionContext, Extractor } from '../types.js';
import { ACTOR_LABELS, analyse, evidenceAt, mentionsIn, pushRelation } from './context.js';
import { clauseEnd, subjectGroup } from './clauses.js';
import { phraseMatcher, type Lexicon } from './lexicon.js';
import type { PhraseMatcher } from './phrases.js';

const AT_EVENT = /\b(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:[\p{L}\p{N}’'-]+\s+){0,4}$/iu;

function extractParticipation(ctx: ExtractionContext, type: RelationType, verbs: PhraseMatcher): void {
  const a = analyse(ctx);
  const label = (k: string) => ctx.entities.get(k)?.label;
  const add = (actor: string, event: string, evidence: ArticleRelation['evidence']): void => {
    if (!ACTOR_LABELS.has(label(actor) ?? 'Place') || label(event) !== 'Event') return;
    pushRelation(ctx, { type, source: actor, target: event, evidence });
  };
  // A statement's event is where it was made only when the frame says so ("said at the summit").
  const saidAt = (r: ArticleRelation): boolean =>
    mentionsIn(a.frameMentions, r.evidence.start, r.evidence.end).some(
      (m) => m.entity === r.target && AT_EVENT.test(a.masked.slice(Math.max(r.evidence.start, m.start - 50), m.start)),
    );
  const earlier = ctx.relations.slice();
  for (const r of earlier) {
    if (r.event) {
      add(r.source, r.event, r.evidence);
      add(r.target, r.event, r.evidence);
    } else if (r.quote !== undefined && label(r.target) === 'Event' && saidAt(r)) add(r.source, r.target, r.evidence);
  }
  const history = new Map<number, string>();
  for (const s of ctx.sentences) {
    for (const m of verbs.find(a.tokens, s.start, s.end)) {
      const from = m.start;
      const to = m.end;
      const end = Math.min(s.end, Math.max(clauseEnd(a, to + 1, s.end), to + 40));
      const event = mentionsIn(a.frameMentions, to, end).find((x) => x.label === 'Event');
      if (!event) continue;
      for (const actor of subjectGroup(a, s.start, from, history)) add(actor, event.entity, evidenceAt(ctx, s.start));
    }
  }
}

/** Options of `createParticipationExtractor`. */
export interface ParticipationOptions {
  /** The type it emits (PARTICIPATED_IN in the registry). */
  type: RelationType;
  /** Its lexicon: the participation phrases under `verbs`. */
  lexicon: Lexicon;
}

/** An extractor emitting a relation of `type` from an actor to each event it took part in. */
export function createParticipationExtractor({ type, lexicon }: ParticipationOptions): Extractor {
  const verbs = phraseMatcher(lexicon, 'verbs');
  return { id: `relations/participation:${type}`, version: '1', run: (ctx) => extractParticipation(ctx, type, verbs) };
}
