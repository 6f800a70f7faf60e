/**
 * From relation descriptors (src/relation-types.ts) to extractors: each pattern a
 * descriptor names is built by its factory from the descriptor's type and lexicon, and
 * the extractors run pattern by pattern in `RELATION_PATTERNS` order (within a pattern,
 * in registry order). `relationExtractors` is the default registry's list.
 */
import { RELATION_DESCRIPTORS, RELATION_PATTERNS, validateRelationDescriptors } from '../../relation-types.js';
import type { RelationDescriptor, RelationPattern } from '../../relation-types.js';
import type { RelationType } from '../../types.js';
import type { Extractor } from '../types.js';
import { readLexicon, SPEECH_VERBS, type Lexicon, type LexiconReader } from './lexicon.js';
import { createMeetingExtractor } from './meetings.js';
import { createParticipationExtractor } from './participation.js';
import { createSaidExtractor } from './said.js';
import { createContrastExtractor, createModalExtractor } from './stance.js';
import { createVerbRelationExtractor } from './verbs.js';

/** What a pattern's factory is given: the type to emit, its lexicon, and the speech verbs. */
export interface RelationFactoryInput {
  type: RelationType;
  lexicon: Lexicon;
  /** The speech verbs, for the patterns that read statements. */
  speech: Lexicon;
}

export type RelationExtractorFactory = (input: RelationFactoryInput) => Extractor;

/** The extractor factory of every pattern a descriptor may name. */
export const RELATION_EXTRACTOR_FACTORIES: Readonly<Record<RelationPattern, RelationExtractorFactory>> = {
  quotes: ({ type, lexicon }) => createSaidExtractor({ type, lexicon }),
  meetings: ({ type, lexicon }) => createMeetingExtractor({ type, lexicon }),
  verbs: ({ type, lexicon, speech }) => createVerbRelationExtractor({ type, lexicon, speech }),
  modals: createModalExtractor,
  contrasts: createContrastExtractor,
  participation: ({ type, lexicon }) => createParticipationExtractor({ type, lexicon }),
};

/** Options of `createRelationExtractors`. */
export interface RelationExtractorOptions {
  /** Reads a lexicon by file name (default: data/lexicons/). */
  readLexicon?: LexiconReader;
}

/**
 * The extractors of `descriptors`, in the order they run. A descriptor whose type is not in
 * `RelationType` (a test's invented one) is built the same way: the union is the compiled
 * registry's, the factories take any type.
 */
export function createRelationExtractors(
  descriptors: readonly RelationDescriptor[] = RELATION_DESCRIPTORS,
  options: RelationExtractorOptions = {},
): Extractor[] {
  const problems = validateRelationDescriptors(descriptors);
  if (problems.length > 0) throw new TypeError(`relations: ${problems.map((p) => p.message).join(' ')}`);
  const read = options.readLexicon ?? readLexicon;
  const speech = read(SPEECH_VERBS);
  const out: Extractor[] = [];
  for (const pattern of RELATION_PATTERNS) {
    for (const d of descriptors) {
      if (!d.extractors.includes(pattern)) continue;
      const type = d.type as RelationType;
      out.push(RELATION_EXTRACTOR_FACTORIES[pattern]({ type, lexicon: read(d.lexicon), speech }));
    }
  }
  return out;
}

/** The relation extractors of the registry, in the order they run. */
export const relationExtractors: readonly Extractor[] = createRelationExtractors();
