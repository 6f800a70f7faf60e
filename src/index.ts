/**
 * newsgraph's library API: read articles, build the knowledge graph, filter it, push
 * it to Neo4j and export it, from TypeScript or JavaScript:
 *
 *   import { buildGraph, filterGraph, exportGraph, pushToNeo4j } from 'newsgraph';
 *
 * Re-exports only; every function is documented where it is defined.
 */

// Types and the schema's fixed lists.
export { ENTITY_LABELS, RELATION_TYPES } from './types.js';
export type {
  Article,
  ArticleMeta,
  EntityAttrs,
  EntityLabel,
  Evidence,
  Extraction,
  GraphAttrs,
  KnowledgeGraph,
  MeetingStatus,
  Mention,
  RelationAttrs,
  RelationType,
  SerializedKnowledgeGraph,
} from './types.js';

// Errors (check `code` or the class, not the message).
export { GraphFileError, InputError, NewsgraphError, OutputError, UsageError, type ErrorCode } from './errors.js';

// Ingest, extract, build.
export { readArticles, type IngestItem, type IngestOptions } from './ingest/index.js';
export { extractArticle, DEFAULT_EXTRACTORS, type Extractor } from './extract/index.js';
export {
  buildGraph,
  type BuildOptions,
  type BuildProgress,
  type BuildSummary,
  type SkippedInput,
} from './pipeline/index.js';
export { createGraph, countByKind, GraphBuilder } from './graph/index.js';
export {
  createResolver,
  parseJudgements,
  type Judgement,
  type JudgementLine,
  type JudgementProblem,
  type Resolver,
} from './resolve/index.js';
export { normalizeName } from './util/text.js';

// graph.json and layout.
export {
  applyLayout,
  fromSerialized,
  readGraphFile,
  serializeGraph,
  toSerialized,
  writeGraphFile,
  type LayoutOptions,
} from './graph/index.js';

// Sinks: Neo4j and file exports.
export { pushToNeo4j, type PushOptions, type PushProgress, type PushSummary } from './sinks/neo4j/index.js';
export {
  csvField,
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  exportGraph,
  filterGraph,
  openExport,
  subgraph,
  type ExportFormat,
  type ExportFormatId,
  type ExportOptions,
  type ExportResult,
  type ExportSettings,
  type FilterOptions,
  type PendingExport,
} from './sinks/exports/index.js';
