/** The learned name tagger: features, model, decoder and weights file. */
export { NAME_TYPES, TAGS, TAG_COUNT, spansOf, tagWords, viterbi, constrained, weightsAt } from './model.js';
export type { NameSpan, NameType, TaggedSentence, TaggerModel } from './model.js';
export { FEATURES_PER_TOKEN, sentenceFeatures, hashFeature, wordShape, gapMark, tokenGaps } from './features.js';
export {
  DEFAULT_MODEL_PATH,
  modelPath,
  decodeModel,
  encodeModel,
  modelFromWeights,
  readModel,
  taggerModel,
} from './file.js';
export type { TrainedWeights } from './file.js';
