/**
 * Reads the verb blocks of PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt; format in the
 * dictionaries' documentation, dictionaries.rst "Verb Synonym Blocks and Patterns"): each block
 * opens with `---  NAME   [code]  ---` and lists its verbs, one per line, with irregular forms in
 * `{…}` and an optional code of their own in `[…]`; `+` marks the inflected word of a phrase and `_`
 * joins its words. Regular forms are made as PETRARCH makes them (-s, -ed, -ing).
 */

/** One verb of the dictionary, with the code it is coded under and where it is written. */
export interface CameoVerb {
  /** The verb as the dictionary writes it (`RULE_OUT`). */
  entry: string;
  /** The block it belongs to (`REFUSE`). */
  block: string;
  /** Its CAMEO code: its own, else its block's. */
  code: string;
  /** Every form, in lower case, words separated by spaces. */
  forms: string[];
  /** Line number in the dictionary (1-based). */
  line: number;
}

const HEADER = /^---\s+(\S+)\s+\[([^\]]*)\]/;

/** The regular forms of an English verb as PETRARCH generates them: base, -s, -ed, -ing. */
export function regularForms(verb: string): string[] {
  const consonantY = /[^aeiou]y$/.test(verb);
  const third = /(?:s|sh|ch|x|z|o)$/.test(verb) ? `${verb}es` : consonantY ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  const past = verb.endsWith('e') ? `${verb}d` : consonantY ? `${verb.slice(0, -1)}ied` : `${verb}ed`;
  const gerund = /[^e]e$/.test(verb) ? `${verb.slice(0, -1)}ing` : `${verb}ing`;
  return [verb, third, past, gerund];
}

/** A dictionary phrase (`+RULE_OUT`, `WIRE_+TAP`) as lower-case words, and the index of the inflected one. */
function phraseWords(text: string): { words: string[]; head: number } {
  const parts = text.toLowerCase().split('_');
  const marked = parts.findIndex((p) => p.startsWith('+'));
  return { words: parts.map((p) => p.replace(/^\+/, '')), head: marked >= 0 ? marked : 0 };
}

/** Every verb of the dictionary's VERB PATTERNS section. */
export function parseCameoVerbs(text: string): CameoVerb[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#+\s*VERB PATTERNS/.test(l));
  const out: CameoVerb[] = [];
  let block: { name: string; code: string } | undefined;
  let inPatterns = false;
  for (let i = start + 1; i < lines.length; i++) {
    const raw = lines[i]!.replace(/#.*$/, '').trim();
    if (!raw) continue;
    const header = HEADER.exec(raw);
    if (header) {
      block = { name: header[1]!, code: header[2]!.trim() };
      inPatterns = false;
      continue;
    }
    if (!block) continue;
    if (raw.startsWith('-')) {
      inPatterns = true;
      continue;
    }
    if (inPatterns) continue;
    const m = /^(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/.exec(raw);
    if (!m) continue;
    const { words, head } = phraseWords(m[1]!);
    const irregular = m[2]?.trim().split(/\s+/).filter(Boolean);
    const forms = irregular
      ? [words.join(' '), ...irregular.map((f) => phraseWords(f).words.join(' '))]
      : regularForms(words[head]!).map((f) => words.map((w, k) => (k === head ? f : w)).join(' '));
    out.push({
      entry: m[1]!.replace(/^\+/, '').replace(/_\+/g, '_'),
      block: block.name,
      code: (m[3] ?? block.code).trim(),
      forms: [...new Set(forms)],
      line: i + 1,
    });
  }
  return out;
}
