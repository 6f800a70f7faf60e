/**
 * Relation extractors, in the order they run: SAID first (the stance rules reuse
 * its attributions), then MET_WITH, PROPOSED/REJECTED from verbs and nouns,
 * PROPOSED/REJECTED from modal and contrastive statements, and PARTICIPATED_IN
 * last (it also reads the relations found before it).
 */
import type { Extractor } from '../types.js';
import { meetingExtractor } from './meetings.js';
import { participationExtractor } from './participation.js';
import { proposalExtractor } from './proposals.js';
import { saidExtractor } from './said.js';
import { stanceExtractor } from './stance.js';

export const relationExtractors: readonly Extractor[] = [
  saidExtractor,
  meetingExtractor,
  proposalExtractor,
  stanceExtractor,
  participationExtractor,
];

export { findQuotes, type Quote } from './quotes.js';
export { attributeQuotes, type Attribution } from './said.js';
