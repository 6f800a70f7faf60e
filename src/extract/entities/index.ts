/** Entity recognition and in-article coreference. (Being written: see extract/README in the issue.) */
import type { Extractor } from '../types.js';

export const entityExtractor: Extractor = {
  id: 'entities',
  version: '0',
  run() {},
};
