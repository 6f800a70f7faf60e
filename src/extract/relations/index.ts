/**
 * Relation extractors, built from the relation types' descriptors (src/relation-types.ts)
 * and run pattern by pattern: SAID first (the stance rules reuse its attributions), then
 * MET_WITH, PROPOSED/REJECTED from verbs and nouns, PROPOSED/REJECTED from modal and
 * contrastive statements, and PARTICIPATED_IN last (it also reads the relations found
 * before it).
 */
export {
  createRelationExtractors,
  relationExtractors,
  RELATION_EXTRACTOR_FACTORIES,
  type RelationExtractorFactory,
  type RelationExtractorOptions,
  type RelationFactoryInput,
} from './registry.js';
export { readLexicon, type Lexicon, type LexiconReader } from './lexicon.js';
export { createMeetingExtractor, type MeetingOptions } from './meetings.js';
export { createParticipationExtractor, type ParticipationOptions } from './participation.js';
export { createSaidExtractor, type SaidOptions } from './said.js';
export { createContrastExtractor, createModalExtractor, type StanceOptions } from './stance.js';
export { createVerbRelationExtractor, type VerbRelationOptions } from './verbs.js';

export { findQuotes, type Quote } from './quotes.js';
export { attributeQuotes, type Attribution } from './said.js';
