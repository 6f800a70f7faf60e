/**
 * In-article event coreference: event mentions of one kind join the happening they
 * agree with (same place, day, participants, no "next"/"second" against them);
 * a bare "the summit" joins the most talked-about one. Each cluster becomes one
 * Event entity whose aliases are all its surface forms.
 */
import type { EventMention } from './event-mentions.js';
import { COUNTRY_BY_CODE } from './lexicon.js';

export interface EventCluster {
  cls: string;
  mentions: EventMention[];
  places: Set<string>;
  placeNames: string[];
  participants: Set<string>;
  when: Set<string>;
  /** Weekdays of the sentences of its anchored mentions. */
  days: Set<string>;
  /** The people and states the sentences of its mentions with no anchor name ("Trump and Zelenskyy had a call"). */
  context: Set<string>;
  distinct?: string;
  topic?: string;
  scope?: string;
}

const intersects = (a: ReadonlySet<string>, b: readonly string[]): boolean => b.some((x) => a.has(x));

/** A topic equal to the class ("peace deal" in the peace class) says nothing. */
const topicOf = (m: { cls: string; topic?: string }): string => (m.topic && m.topic !== m.cls ? m.topic : '');

function anchors(m: EventMention): number {
  return m.places.length + m.participants.length + m.when.length;
}

// Years and months name a different happening ("the 1938 meeting"); weekdays may be the same one seen from another day.
const STRONG_WHEN = /^(?:\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const isStrong = (w: string): boolean => STRONG_WHEN.test(w);
const COUNTRY_NAMES = new Set(COUNTRY_BY_CODE.values());
// People, bodies and states are counted apart: "US-Russia talks" are between Trump and Putin, and one
// round of calls may reach the EU and NATO as well as a president.
const isPerson = (key: string): boolean => key.startsWith('Person:');
const isState = (key: string): boolean => key.startsWith('Country:');

/** Two sides of one meeting at most: a third actor (or state) not already there makes it another happening. */
function participantsClash(c: ReadonlySet<string>, m: readonly string[], kind: (p: string) => boolean): boolean {
  const cs = [...c].filter(kind);
  const ms = m.filter(kind);
  if (!cs.length || !ms.length) return false;
  const union = new Set([...cs, ...ms]).size;
  const shared = ms.filter((p) => c.has(p)).length;
  return union > 2 && shared < Math.min(cs.length, ms.length);
}

/** How well `m` fits `c`: -1 when they cannot be one happening. */
function fit(m: EventMention, c: EventCluster): number {
  if (c.cls !== m.cls || topicOf(c) !== topicOf(m)) return -1;
  if (m.scope && c.scope && m.scope !== c.scope) return -1;
  const sharedWhen = intersects(c.when, m.when);
  const sharedPlace = intersects(c.places, m.places);
  const shared = m.participants.filter((p) => c.participants.has(p)).length;
  const sharedSpot = m.places.some((p) => c.places.has(p) && !COUNTRY_NAMES.has(p));
  if (m.distinct !== c.distinct && !(c.distinct && !m.distinct && (sharedWhen || sharedSpot))) return -1;
  if (c.when.size && m.when.length && !sharedWhen) return -1;
  const strongM = m.when.some(isStrong);
  const strongC = [...c.when].some(isStrong);
  // Another year or month is another happening unless the same people or the same building are named.
  if (strongM !== strongC && !shared && !sharedSpot && !(strongC && m.when.length === 0 && anchors(m) === 0)) return -1;
  // "Monday's meeting" is not the summit the article placed on Friday.
  if (m.dayModifier && c.days.size && !c.days.has(m.dayModifier) && !c.when.has(m.dayModifier)) return -1;
  if (c.places.size && m.places.length && !sharedPlace && !sharedWhen) return -1;
  if (participantsClash(c.participants, m.participants, isPerson) && !sharedWhen) return -1;
  // A happening known only from its sentences' people is not one of other people ("Trump and
  // Zelenskyy had a phone conversation", then "his conversation with Putin").
  if (![...c.participants].some(isPerson) && participantsClash(c.context, m.participants, isPerson)) return -1;
  // Both name the people who met, and none is the same: two meetings.
  // (Not for calls: each side names only the other, "my conversation with Trump" / "a call with Zelensky".)
  if (
    c.cls !== 'call' &&
    !c.distinct &&
    !shared &&
    m.participants.some(isPerson) &&
    [...c.participants].some(isPerson) &&
    !sharedWhen &&
    !sharedPlace
  )
    return -1;
  if (participantsClash(c.participants, m.participants, isState) && !sharedWhen) return -1;
  return (sharedWhen ? 3 : 0) + (sharedPlace ? 3 : 0) + shared * 2 + c.mentions.length * 0.01;
}

/** Groups the mentions (in reading order) into happenings. */
export function clusterEvents(mentions: readonly EventMention[]): EventCluster[] {
  const clusters: EventCluster[] = [];
  for (const m of mentions) {
    let best: EventCluster | undefined;
    let bestFit = -1;
    for (const c of clusters) {
      let f = fit(m, c);
      // Generic mentions go to the happening of their kind whose people the sentence names, else to the
      // dominant one; never to a "next" one.
      if (f >= 0 && anchors(m) === 0 && !m.distinct) {
        const context = m.contextParticipants.filter((p) => c.participants.has(p)).length;
        f = c.distinct ? -1 : c.mentions.length + 100 * context;
      }
      if (f > bestFit) {
        best = c;
        bestFit = f;
      }
    }
    if (!best) {
      best = {
        cls: m.cls,
        mentions: [],
        places: new Set(),
        placeNames: [],
        participants: new Set(),
        when: new Set(),
        days: new Set(),
        context: new Set(),
      };
      if (topicOf(m)) best.topic = topicOf(m);
      if (m.distinct) best.distinct = m.distinct;
      clusters.push(best);
    }
    best.scope ??= m.scope;
    best.mentions.push(m);
    for (const p of m.places) best.places.add(p);
    best.placeNames.push(...m.placeNames);
    for (const p of m.participants) best.participants.add(p);
    for (const w of m.when) best.when.add(w);
    for (const d of m.contextDays) best.days.add(d);
    if (anchors(m) === 0) for (const p of m.contextParticipants) best.context.add(p);
  }
  return clusters;
}

/** The surface forms of a mention worth keeping as aliases, fullest first. */
export function mentionForms(text: string, m: EventMention): string[] {
  const forms = [text.slice(m.coreStart, m.end), text.slice(m.start, m.end), text.slice(m.coreStart, m.nounEnd)];
  // "first Russia-US summit" → "Russia-US summit": shorter premodifier chains.
  for (const s of m.premodStarts.slice(1)) forms.push(text.slice(s, m.nounEnd));
  // "full-scale invasion of Ukraine in February 2022" → also "full-scale invasion of Ukraine".
  for (const e of m.ppEnds) {
    forms.push(text.slice(m.coreStart, e), text.slice(m.headStart, e));
  }
  if (m.bare) forms.push(text.slice(m.headStart, m.headEnd));
  // "Russia's unlawful war against Ukraine" → also "unlawful war against Ukraine".
  if (m.ownedStart !== undefined && m.describedStart !== undefined)
    forms.push(text.slice(m.ownedStart, m.end), text.slice(m.describedStart, m.end));
  return [...new Set(forms.map((f) => f.replace(/\s+/g, ' ').trim()))];
}

/** The cluster's name: the mention with the most anchors, then the longest, then the first. */
export function clusterName(text: string, c: EventCluster): string {
  let best = c.mentions[0]!;
  let bestScore = -Infinity;
  for (const m of c.mentions) {
    const core = text.slice(m.coreStart, m.end);
    const words = core.split(/\s+/).length;
    const score =
      (m.places.length ? 3 : 0) + (m.participants.length ? 1 : 0) + (m.bare ? -3 : 0) - Math.max(0, words - 4);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return text.slice(best.coreStart, best.end).replace(/\s+/g, ' ');
}
