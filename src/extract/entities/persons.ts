/**
 * In-article person coreference: full names ("Volodymyr Zelenskyy") found anywhere
 * in the article adopt their short forms ("Zelensky", "Mr Zelenskyy", "President
 * Zelensky", "Sir Keir", "President Xi" for Xi Jinping), spelling variants included; unknown single names with no
 * full name and no cue are not taken for persons.
 */
import { NAME_SUFFIX, skeleton, SURNAME_PARTICLES } from '../../util/text.js';
import { FIRST_NAME_HONORIFICS, PHRASES, SURNAME_ENDING } from './lexicon.js';
import type { Candidate } from './recognise.js';
import type { Token } from '../tokens.js';

/** One person of the article and the token spans that name them. */
export interface PersonGroup {
  /** Skeleton of the surname, the group's identity. */
  surname: string;
  /** Skeleton of the first name when a full name was seen. */
  first?: string;
  /** Full surface forms seen (without titles), with their counts. */
  forms: Map<string, number>;
  /** Character spans of the mentions, with the surface forms they add as aliases. */
  mentions: { start: number; end: number; aliases: string[] }[];
  /** Titles written before the name ("President", "special envoy"). */
  titles: Set<string>;
  /** Countries a demonym before the title gave ("Russian President ..."). */
  countries: Set<string>;
}

const PARTICLES = new Set([...SURNAME_PARTICLES, 'Bin', 'Al']);

/** Splits a full name's tokens into first name and surname (particles stay with the surname). */
function nameParts(all: readonly string[]): { first?: string; surname: string } {
  let end = all.length;
  while (end > 1 && NAME_SUFFIX.test(all[end - 1]!)) end--;
  const words = all.slice(0, end);
  let s = words.length - 1;
  while (s > 0 && PARTICLES.has(words[s - 1]!)) s--;
  const surname = words.slice(s).join(' ');
  return s > 0 ? { first: words[0]!, surname } : { surname };
}

/**
 * Groups the person candidates and resolves unknown names against them. Returns the
 * groups in order of first mention, and the candidates that stay unresolved.
 */
export function resolvePersons(
  text: string,
  tokens: readonly Token[],
  candidates: readonly Candidate[],
): PersonGroup[] {
  const groups: PersonGroup[] = [];
  const bySurname = new Map<string, PersonGroup[]>();
  const words = (c: Candidate): string[] => tokens.slice(c.from, c.to).map((t) => t.text);
  const surface = (c: Candidate): string => text.slice(tokens[c.from]!.start, tokens[c.to - 1]!.end);

  const addMention = (g: PersonGroup, c: Candidate): void => {
    const s = surface(c);
    const aliases = [s];
    if (c.title) aliases.push(`${c.title} ${s}`);
    g.mentions.push({ start: tokens[c.from]!.start, end: tokens[c.to - 1]!.end, aliases });
    if (c.title) g.titles.add(c.title);
    if (c.country) g.countries.add(c.country);
  };

  // Pass 1: full names (two or more words) define the people of the article.
  const isFull = (c: Candidate): boolean =>
    c.to - c.from >= 2 &&
    tokens[c.from]!.cap &&
    (c.label === 'Person' ||
      (c.label === null && !c.locative && c.to - c.from <= 3 && SURNAME_ENDING.test(tokens[c.to - 1]!.text)));
  // A sentence-initial chunk without a cue may be a word plus a name ("Unlike Pashinyan"): read it last.
  const doubtful = (c: Candidate): boolean => tokens[c.from]!.initial && !c.cue;
  const fulls = candidates.filter(isFull);
  for (const c of [...fulls.filter((x) => !doubtful(x)), ...fulls.filter(doubtful)]) {
    if (doubtful(c)) {
      const rest = tokens.slice(c.from + 1, c.to).map((t) => t.text);
      const known = bySurname.get(skeleton(nameParts(rest).surname));
      if (known && rest.length === 1) {
        addMention(known[0]!, { ...c, from: c.from + 1 });
        continue;
      }
    }
    const w = words(c);
    const { first, surname } = nameParts(w);
    const sk = skeleton(surname);
    const fk = first ? skeleton(first) : undefined;
    const same = (bySurname.get(sk) ?? []).find((g) => !g.first || !fk || g.first === fk);
    const g: PersonGroup = same ?? {
      surname: sk,
      forms: new Map(),
      mentions: [],
      titles: new Set(),
      countries: new Set(),
    };
    if (!same) {
      groups.push(g);
      bySurname.set(sk, [...(bySurname.get(sk) ?? []), g]);
    }
    if (fk && !g.first && !FIRST_NAME_HONORIFICS.has(first!)) g.first = fk;
    const form = w.join(' ');
    g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
    addMention(g, c);
  }

  // Pass 2: single names join the person whose surname (or, after "Sir", first name) they are.
  for (const c of candidates) {
    if ((c.label !== null && c.label !== 'Person') || isFull(c)) continue;
    // One word, or a surname with particles ("von der Leyen").
    if (c.to - c.from !== 1 && !(c.to - c.from <= 4 && !tokens[c.from]!.cap)) continue;
    const word = words(c).join(' ');
    const whole = pickGroup(bySurname.get(skeleton(word)) ?? [], c, tokens[c.from]!.start);
    const parts = !whole && word.includes('-') ? word.split('-') : [word];
    const matches = whole
      ? [whole]
      : parts.map((p) => pickGroup(bySurname.get(skeleton(p)) ?? byFirst(groups, p, c), c, tokens[c.from]!.start));
    // "Trump-Putin": one mention per person; a part the article gives to several people names none.
    if (parts.length > 1 && matches.every((g) => g !== undefined)) {
      c.label = 'Person';
      let offset = tokens[c.from]!.start;
      parts.forEach((p, k) => {
        const g = matches[k]!;
        if (g !== 'ambiguous') g.mentions.push({ start: offset, end: offset + p.length, aliases: [p] });
        offset += p.length + 1;
      });
      continue;
    }
    const g = matches.length === 1 ? (matches[0] ?? middleNameOf(groups, word)) : undefined;
    const known = bySurname.get(skeleton(word)) ?? [];
    if (g && g !== 'ambiguous') {
      c.label = 'Person';
      addMention(g, c);
    } else if (g === 'ambiguous' || c.label === 'Person' || (c.cue === 'speech' && !c.locative)) {
      // A surname the article gives to several people names none of them: its mentions form a
      // person of their own, whom resolution across articles may still identify.
      c.label = 'Person';
      let ng = known.find((x) => !x.first && x.forms.has(word));
      if (!ng) {
        ng = { surname: skeleton(word), forms: new Map(), mentions: [], titles: new Set(), countries: new Set() };
        groups.push(ng);
        bySurname.set(ng.surname, [...known, ng]);
      }
      ng.forms.set(word, (ng.forms.get(word) ?? 0) + 1);
      addMention(ng, c);
    }
  }
  return groups;
}

/**
 * "Lula" for Luiz Inácio Lula da Silva: a word inside the one full name the article gives that
 * holds it, neither its first name nor its surname.
 */
function middleNameOf(groups: readonly PersonGroup[], word: string): PersonGroup | undefined {
  const holders = groups.filter((g) =>
    [...g.forms.keys()].some((form) => {
      const words = form.split(' ');
      return words.indexOf(word) > 0 && words.indexOf(word) < words.length - 1 && !PARTICLES.has(word);
    }),
  );
  return holders.length === 1 ? holders[0] : undefined;
}

/**
 * "Sir Keir" names Keir Starmer by his first name; "President Xi" names Xi Jinping, whose family
 * name comes first: an office is written before a family name, never before a given name. ("Mr
 * Howard" beside "Howard Flight" may be another man whose surname is Howard: honorifics do not count.)
 */
function byFirst(groups: readonly PersonGroup[], word: string, c: Candidate): PersonGroup[] {
  // A first name alone: after "Sir" or an office, or one the tagger read as a person ("recalls Angelo").
  const firstName = c.cue === 'first-name' && c.to - c.from === 1;
  if (!firstName && (!c.title || !(FIRST_NAME_HONORIFICS.has(c.title) || isOffice(c.title)))) return [];
  const fk = skeleton(word);
  return groups.filter((g) => g.first === fk);
}

/** An office ("President", "Prime Minister"), as opposed to an honorific ("Mr", "Dr"). */
const isOffice = (title: string): boolean => PHRASES.get(title)?.kind === 'title';

/**
 * Whether a surname mention with a title can be `g`: an office names the person who holds it in
 * the article, or one given no office whose full name came first ("Volodymyr Zelenskyy ...
 * President Zelensky"); "President Biden spoke of his son Hunter Biden" names someone else.
 */
function titleFits(g: PersonGroup, c: Candidate, at: number): boolean {
  if (!c.title || !isOffice(c.title)) return true;
  if (g.titles.has(c.title)) return true;
  if ([...g.titles].some(isOffice)) return false;
  return g.mentions.some((m) => m.start < at);
}

/**
 * The person a single name joins: the one of that surname, if the mention's title fits; of several,
 * the one who holds the mention's title. Otherwise the surname is ambiguous in the article and its
 * mentions form a person of their own, whom resolution across articles may still identify.
 */
function pickGroup(list: readonly PersonGroup[], c: Candidate, at: number): PersonGroup | 'ambiguous' | undefined {
  if (list.length === 0) return undefined;
  const named = list.filter((g) => g.first !== undefined);
  if (named.length === 0) return list[0];
  const ambiguous = named.length > 1 || named.length < list.length;
  if (!ambiguous) return titleFits(named[0]!, c, at) ? named[0] : 'ambiguous';
  const holders = c.title && isOffice(c.title) ? named.filter((g) => g.titles.has(c.title!)) : [];
  return holders.length === 1 ? holders[0] : 'ambiguous';
}

/** The name a group goes by: its longest full form, then its most frequent, then the first in code order. */
export function personName(g: PersonGroup): string {
  let best = '';
  let bestCount = 0;
  for (const [form, count] of g.forms) {
    const better =
      form.split(' ').length > best.split(' ').length ||
      (form.split(' ').length === best.split(' ').length &&
        (count > bestCount || (count === bestCount && form < best)));
    if (!best || better) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
