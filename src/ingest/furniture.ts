/**
 * Page furniture: what a copied web page carries besides the article (sign-up and app
 * promos, cookie prompts of embedded players, video notices and timestamps, photo credits,
 * teaser-box stamps, share buttons, tag lists, bylines and section labels at the top).
 * Removed by general, line-level rules read from `data/furniture.json`; no rule names a
 * site or an article. Lines are removed whole or lose a credit tail; the rest of the text
 * and its paragraph structure stay as they are.
 */
import { readFileSync } from 'node:fs';
import { parseDateline } from './dates.js';
import { looksLikeHeadline } from './title.js';

/** One whole-line rule as written in the data file. */
export interface DropRuleData {
  id: string;
  why: string;
  pattern: string;
  flags?: string;
  maxWords?: number;
  /** A cheap pattern a matching line must also match (speed only). */
  prefilter?: string;
  /** A short label line just above a match names the embed (e.g. the player's name): drop it too. */
  embedLabelBefore?: boolean;
}

/** The data file's shape (`data/furniture.json`). */
export interface FurnitureData {
  basis: string[];
  drop: DropRuleData[];
  tagListHeadings: { why: string; pattern: string; maxItemWords: number };
  relativeTime: { why: string; pattern: string };
  captionLabel: { why: string; pattern: string };
  creditTails: { id: string; why: string; pattern: string; flags?: string; prefilter?: string }[];
  photoAgencies: string[];
  shareWords: string[];
  shareFillers: string[];
  htmlBoilerplateWords: string[];
}

/** Compiled rules, ready for {@link removeFurniture} and the HTML reader. */
export interface FurnitureRules {
  drop: { id: string; re: RegExp; prefilter: RegExp | undefined; maxWords: number; embedLabelBefore: boolean }[];
  tagListHeading: RegExp;
  tagListMaxItemWords: number;
  relativeTime: RegExp;
  captionLabel: RegExp;
  creditTails: { id: string; re: RegExp; prefilter: RegExp | undefined }[];
  shareWords: ReadonlySet<string>;
  shareFillers: ReadonlySet<string>;
  /** class/id words that mark boilerplate blocks in HTML. */
  htmlBoilerplateWords: ReadonlySet<string>;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles the data file's patterns; throws with the rule id when a pattern is invalid. */
export function compileFurnitureRules(data: FurnitureData): FurnitureRules {
  const compile = (id: string, pattern: string, flags = 'iu'): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch (err) {
      throw new Error(`ingest: furniture rule "${id}" is not a valid regular expression: ${(err as Error).message}.`, {
        cause: err,
      });
    }
  };
  // Longest names first so "Getty Images" wins over "Getty".
  const agencies = [...data.photoAgencies]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return {
    drop: data.drop.map((r) => ({
      id: r.id,
      re: compile(r.id, r.pattern, r.flags),
      prefilter: r.prefilter === undefined ? undefined : compile(r.id, r.prefilter, 'i'),
      maxWords: r.maxWords ?? 12,
      embedLabelBefore: r.embedLabelBefore ?? false,
    })),
    tagListHeading: compile('tagListHeadings', data.tagListHeadings.pattern),
    tagListMaxItemWords: data.tagListHeadings.maxItemWords,
    relativeTime: compile('relativeTime', data.relativeTime.pattern),
    captionLabel: compile('captionLabel', data.captionLabel.pattern),
    creditTails: data.creditTails.map((r) => ({
      id: r.id,
      re: compile(r.id, r.pattern.replace('{{agencies}}', agencies), r.flags ?? 'u'),
      prefilter: r.prefilter === undefined ? undefined : compile(r.id, r.prefilter, 'u'),
    })),
    shareWords: new Set(data.shareWords.map((w) => w.toLowerCase())),
    shareFillers: new Set(data.shareFillers.map((w) => w.toLowerCase())),
    htmlBoilerplateWords: new Set(data.htmlBoilerplateWords.map((w) => w.toLowerCase())),
  };
}

/** Where the bundled rules live: `data/` at the package root, two levels above `src/ingest` and `dist/ingest`. */
export const FURNITURE_DATA_URL = new URL('../../data/furniture.json', import.meta.url);

let defaults: FurnitureRules | undefined;

/** The bundled rules (`data/furniture.json`), read once. */
export function defaultFurnitureRules(): FurnitureRules {
  defaults ??= compileFurnitureRules(JSON.parse(readFileSync(FURNITURE_DATA_URL, 'utf8')) as FurnitureData);
  return defaults;
}

// ---- line classification ----

const wordCount = (s: string): number => {
  let n = 0;
  for (const w of s.split(/\s+/)) if (w) n++;
  return n;
};

/** A double-quoted passage ("…" or “…”): quoted words are content, never furniture. */
const QUOTED = /["“][^"“”]{2,}["”]/u;
/** Sentence punctuation a label or byline does not end with. */
const TERMINAL = /[.!?:;,"”’'…)]$/u;

const PARTICLE = /^(?:von|van|der|den|de|da|di|du|del|la|le|bin|al|el|ter)$/u;
// "Jane", "O'Brien", "Kendall-Taylor", "J.": not "Trump's", "US-UK", "G20".
const NAME_WORD =
  /^(?:\p{Lu}\p{Ll}[\p{Ll}-]*(?:-\p{Lu}\p{Ll}+)?|\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}\.(?:\p{Lu}\.)?|Mc\p{Lu}\p{Ll}+)$/u;
const PLACE_SUFFIX = /\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** "Jane Doe", "Ursula von der Leyen": two or three capitalised words (four with a particle). */
function isPersonName(part: string): boolean {
  const tokens = part.split(/\s+/);
  const particles = tokens.filter((t) => PARTICLE.test(t)).length;
  const max = particles > 0 ? 5 : 3;
  return (
    tokens.length >= 2 &&
    tokens.length <= max &&
    NAME_WORD.test(tokens[0]!) &&
    tokens.every((t) => NAME_WORD.test(t) || PARTICLE.test(t))
  );
}

/**
 * A line of author names: "By Jane Doe", "Megan Howe, Rachael Burford and Matt Watts",
 * "Max Seddon in Anchorage and Amy Mackinnon in Kyiv", "Jane Doe in Kyiv". A single name
 * alone is not enough (it may be a place or a subheading); above the headline the label
 * rule takes it.
 */
export function isByline(line: string): boolean {
  const s = line.replace(/\*{1,3}|_{2,3}/g, '').trim();
  if (s.length === 0 || s.length > 300 || /[.!?:;"“”]$/u.test(s)) return false;
  if (/^by\s+\p{Lu}/iu.test(s)) return s.split(/\s+/).length <= 16;
  const parts = s.split(/\s*(?:,|;|&|\band\b)\s*/u).filter((p) => p.length > 0);
  // Several names need a conjunction ("A, B and C"): "New York, New York" is a place.
  if (!/\s(?:and|&)\s/u.test(s) && !(parts.length === 1 && PLACE_SUFFIX.test(parts[0]!))) return false;
  return parts.length > 0 && parts.every((part) => isPersonName(part.replace(PLACE_SUFFIX, '')));
}

/** "World", "Evening Standard", "War in Ukraine": a section or outlet label (short, capitalised, no punctuation). */
function isLabel(line: string): boolean {
  if (TERMINAL.test(line) || QUOTED.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > 4) return false;
  return words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}&]/u.test(w));
}

/** A short line without sentence punctuation: an outlet name or a caption fragment. */
const isShortLabel = (line: string, maxWords: number): boolean =>
  wordCount(line) <= maxWords && !/[.!?:;"“”]$/u.test(line) && !QUOTED.test(line);

function isShareLine(line: string, words: number, rules: FurnitureRules): boolean {
  if (words > 8) return false;
  const tokens = line
    .toLowerCase()
    .split(/[\s|·•,/]+/)
    .filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return false;
  let core = 0;
  for (const t of tokens) {
    if (rules.shareWords.has(t)) core++;
    else if (!rules.shareFillers.has(t)) return false;
  }
  return core > 0;
}

/** Removes photo credits from a caption line; returns '' when nothing but the credit was there. */
export function stripCredits(line: string, rules: FurnitureRules): string {
  let s = line;
  const labelled = rules.captionLabel.exec(s);
  if (labelled) s = s.slice(labelled[0].length);
  // Two passes: a caption may carry two credits ("… (AP) © Reuters").
  for (let pass = 0; pass < 2; pass++) {
    for (const tail of rules.creditTails)
      if (tail.prefilter === undefined || tail.prefilter.test(s)) s = s.replace(tail.re, '');
  }
  s = s.trim();
  return labelled || s !== line ? s : line;
}

/** Which rule removed a line (for the contextual rules). */
type Mark = 'keep' | 'drop' | 'consent' | 'stamp';

/**
 * Removes page furniture from article text (lines separated by `\n`). Whole lines are
 * dropped or lose a credit tail; every other line is kept as it was, so paragraphs and
 * quotations are untouched.
 */
export function removeFurniture(text: string, rules: FurnitureRules): string {
  const lines = text.split('\n');
  const marks: Mark[] = new Array<Mark>(lines.length).fill('keep');

  // Pass 1: rules that look at one line.
  for (let i = 0; i < lines.length; i++) {
    const original = lines[i]!.trim();
    if (original.length === 0) continue;
    const line = stripCredits(original, rules);
    if (line.length === 0) {
      marks[i] = 'drop';
      continue;
    }
    lines[i] = line;
    if (rules.relativeTime.test(line)) {
      marks[i] = 'stamp';
      continue;
    }
    if (QUOTED.test(line)) continue;
    const words = wordCount(line);
    for (const rule of rules.drop) {
      if (words <= rule.maxWords && (rule.prefilter === undefined || rule.prefilter.test(line)) && rule.re.test(line)) {
        marks[i] = rule.embedLabelBefore ? 'consent' : 'drop';
        break;
      }
    }
    if (marks[i] === 'keep' && isShareLine(line, words, rules)) marks[i] = 'drop';
  }

  const kept = (i: number): boolean => marks[i] === 'keep' && lines[i]!.trim().length > 0;
  const prevLine = (i: number): number => {
    for (let j = i - 1; j >= 0; j--) if (lines[j]!.trim().length > 0) return j;
    return -1;
  };
  const nextLine = (i: number): number => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim().length > 0) return j;
    return -1;
  };

  // Pass 2: rules that look at neighbours.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (marks[i] === 'stamp') {
      // Teaser box: "Outlet / 2 hours ago / - Outlet": the names around the stamp go with it.
      const p = prevLine(i);
      if (p >= 0 && kept(p) && isShortLabel(lines[p]!, 5)) marks[p] = 'drop';
      const n = nextLine(i);
      if (n >= 0 && kept(n) && /^[-–—•·]\s*\S/u.test(lines[n]!) && isShortLabel(lines[n]!, 6)) marks[n] = 'drop';
    } else if (marks[i] === 'consent') {
      const p = prevLine(i);
      if (p >= 0 && kept(p) && isShortLabel(lines[p]!, 3)) marks[p] = 'drop';
    } else if (kept(i) && !QUOTED.test(line) && rules.tagListHeading.test(line)) {
      marks[i] = 'drop';
      for (let n = nextLine(i); n >= 0; n = nextLine(n)) {
        const item = lines[n]!;
        // The list is the short lines right under the heading; other furniture ends it.
        if (marks[n] !== 'keep') break;
        if (wordCount(item) > rules.tagListMaxItemWords || /[.!?"”]$/u.test(item) || QUOTED.test(item)) break;
        marks[n] = 'drop';
      }
    }
  }

  // Repeated short lines ("Outlet / Outlet") are layout, not text.
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!kept(i)) continue;
    if (last >= 0 && lines[i] === lines[last] && wordCount(lines[i]!) <= 8 && !QUOTED.test(lines[i]!))
      marks[i] = 'drop';
    last = i;
  }

  dropHeaderFurniture(lines, marks);

  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) if (marks[i] === 'keep') out.push(lines[i]!);
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** How far the top of the article reaches at most, in non-empty lines. */
const HEADER_LINES = 15;

/**
 * The top of a pasted page, before the first body paragraph: datelines and bylines go, and
 * so do section and outlet labels above the headline (only when a headline follows).
 */
function dropHeaderFurniture(lines: string[], marks: Mark[]): void {
  const zone: number[] = [];
  for (let i = 0; i < lines.length && zone.length < HEADER_LINES; i++) {
    if (marks[i] !== 'keep' || lines[i]!.trim().length === 0) continue;
    const words = wordCount(lines[i]!);
    // The first body paragraph: a long sentence (headlines run long too, but do not end with a full stop).
    if ((words >= 20 && /[.!?"”’')]$/u.test(lines[i]!)) || words >= 40) break;
    zone.push(i);
  }
  const headline = zone.find(
    (i) =>
      wordCount(lines[i]!) >= 5 &&
      /(?:^|\s)\p{Ll}{3,}/u.test(lines[i]!) && // a sentence-case headline, not a place or Title Case label line
      !isByline(lines[i]!) &&
      parseDateline(lines[i]!) === undefined &&
      looksLikeHeadline(lines[i]!),
  );
  const isMeta = (line: string): boolean => !QUOTED.test(line) && (parseDateline(line) !== undefined || isByline(line));
  // Labels go only when everything above the headline is labels, bylines or datelines: a page header.
  // and the top shows other furniture too (a byline, a dateline, removed promo lines, two labels):
  // a clean text's short first line is its title, not a label.
  const above = headline === undefined ? [] : zone.filter((i) => i < headline);
  const pageHeader =
    headline !== undefined &&
    above.every((i) => isMeta(lines[i]!) || isLabel(lines[i]!)) &&
    (zone.some((i) => isMeta(lines[i]!)) ||
      above.filter((i) => isLabel(lines[i]!)).length >= 2 ||
      marks.slice(0, headline).some((m) => m !== 'keep'));
  for (const i of zone) {
    const line = lines[i]!;
    if (isMeta(line)) marks[i] = 'drop';
    else if (pageHeader && i < headline && isLabel(line)) marks[i] = 'drop';
  }
}
