/**
 * Entity recognition and in-article coreference: fills `ctx.entities` and
 * `ctx.mentions` with persons, countries, organisations, places and events, every
 * mention pointing at the article-level entity it names.
 */
import type { ArticleEntity, EntityLabel } from '../../types.js';
import type { ExtractionContext, Extractor } from '../types.js';
import { resolveWhen } from './dates.js';
import { findDescriptors } from './descriptors.js';
import { findEventMentions, type TokenEntity } from './event-mentions.js';
import { clusterEvents, clusterName, mentionForms } from './events.js';
import { personName, resolvePersons, type PersonGroup } from './persons.js';
import { linkAcronyms, linkShortForms, recogniseLowercaseOrgs } from './organizations.js';
import { recogniseNames, type Candidate } from './recognise.js';
import { turnsOf } from '../transcripts.js';
import { EntityTable } from './table.js';
import { addTaggedNames } from './tagged.js';
import { addDatelinePlaces } from './datelines.js';
import { clubContext, markClubs } from './clubs.js';
import { CITIES } from './lexicon.js';
import { lowerVocabulary, tokenContaining } from '../tokens.js';

/**
 * A transcript's speaker labels ("MR. KIRBY:", "AIDE:") are not mentions: in capitals, a label
 * repeated through a briefing would otherwise become an organisation called KIRBY. Who speaks is
 * the relation stage's (relations/turns.ts).
 */
function outsideSpeakerLabels(ctx: ExtractionContext, candidates: Candidate[]): Candidate[] {
  const labels = turnsOf(ctx);
  const { tokens } = ctx;
  if (labels.length === 0) return candidates;
  return candidates.filter((c) => {
    const start = c.start ?? tokens[c.from]!.start;
    return !labels.some((l) => start >= l.labelStart && start < l.labelEnd);
  });
}

export const entityExtractor: Extractor = {
  id: 'entities',
  version: '1',
  run(ctx) {
    const { text } = ctx.article;
    const { tokens } = ctx;
    const vocab = lowerVocabulary(tokens);
    const recognised = recogniseNames(text, tokens, vocab);
    recognised.push(...recogniseLowercaseOrgs(text, tokens));
    addTaggedNames(text, tokens, vocab, recognised);
    // After the tagger, whose names may start at a label too ("Q    Brian").
    const candidates = outsideSpeakerLabels(ctx, recognised);
    linkAcronyms(text, tokens, candidates);
    linkShortForms(tokens, candidates);
    addDatelinePlaces(text, tokens, candidates);
    const table = new EntityTable(text, ctx.article.id);

    // What each token starts: the event reader asks it for places and participants.
    const byStart = new Map<number, TokenEntity[]>();
    const byEnd = new Map<number, TokenEntity[]>();
    const push = (map: Map<number, TokenEntity[]>, i: number, e: TokenEntity): void => {
      const list = map.get(i);
      if (list) list.push(e);
      else map.set(i, [e]);
    };
    const record = (
      label: EntityLabel,
      name: string,
      start: number,
      end: number,
      aliases: readonly string[],
      within?: string,
    ): void => {
      const key = table.add(label, name, start, end, aliases);
      const from = tokenContaining(tokens, start);
      const to = tokenContaining(tokens, end - 1) + 1;
      const e: TokenEntity = { label, key, name, from, to, surface: text.slice(start, end) };
      if (within) e.within = within;
      push(byStart, from, e);
      push(byEnd, to - 1, e);
    };

    markClubs(text, tokens, candidates);
    const groups = resolvePersons(text, tokens, candidates);
    const starting = new Map<number, PersonGroup>();
    const ending = new Map<number, PersonGroup>();
    for (const g of groups) {
      const name = personName(g);
      for (const m of g.mentions) {
        record('Person', name, m.start, m.end, m.aliases);
        starting.set(m.start, g);
        ending.set(m.end, g);
      }
    }
    const named: [number, number][] = [];
    for (const c of candidates) {
      // "in Sumy": an unknown single word after a locative that names no person is a place.
      if (c.label === null && c.locative && c.to - c.from === 1 && c.name) c.label = 'Place';
      // "Lviv was shelled", "the road to Kherson": a city's name that names no person of the article.
      if (c.label === null && CITIES.has(c.name) && !clubContext(text, tokens, c)) c.label = 'Place';
      if (c.label === null || c.label === 'Person') continue;
      const start = c.start ?? tokens[c.from]!.start;
      const end = c.end ?? tokens[c.to - 1]!.end;
      record(c.label, c.name, start, end, c.aliases, c.within);
      if (c.label === 'Event') named.push([start, end]);
    }

    for (const d of findDescriptors(
      text,
      tokens,
      groups,
      (o) => starting.get(o),
      (o) => ending.get(o),
    )) {
      const surface = text.slice(d.start, d.end);
      if (d.person) record('Person', personName(d.person), d.start, d.end, [surface]);
      else if (d.country) record('Country', d.country, d.start, d.end, [surface]);
    }

    const none: TokenEntity[] = [];
    const mentions = findEventMentions(
      text,
      tokens,
      (i) => byStart.get(i) ?? none,
      (i) => byEnd.get(i) ?? none,
    ).filter((m) => !named.some(([s, e]) => m.headStart < e && m.headEnd > s));
    for (const cluster of clusterEvents(mentions)) {
      const name = clusterName(text, cluster);
      let key = '';
      for (const m of cluster.mentions) key = table.add('Event', name, m.start, m.end, mentionForms(text, m));
      const place = cluster.placeNames[0];
      table.details(key, resolveWhen([...cluster.when], ctx.article.date), place);
    }
    table.finish(ctx);
    keepRecognisedPlaces(ctx.entities);
  },
};

/** An event's `place` must be a Place or Country entity of the article; a word that merely looked like one goes. */
function keepRecognisedPlaces(entities: Map<string, ArticleEntity>): void {
  const places = new Set<string>();
  for (const e of entities.values())
    if (e.label === 'Place' || e.label === 'Country')
      for (const n of [e.name, ...e.aliases]) places.add(n.toLowerCase());
  for (const e of entities.values()) if (e.place && !places.has(e.place.toLowerCase())) delete e.place;
}
