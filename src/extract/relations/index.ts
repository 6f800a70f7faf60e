/** Relation extractors: SAID, MET_WITH, PROPOSED, REJECTED, PARTICIPATED_IN. */
import type { Extractor } from '../types.js';

export const relationExtractors: readonly Extractor[] = [];
