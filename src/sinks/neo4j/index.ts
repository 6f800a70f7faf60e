/**
 * The Neo4j sink: push a KnowledgeGraph to a Neo4j server, run Cypher and format results.
 * The CLI (push, query, console) and the library API use only what is exported here.
 */
export { pushToNeo4j, pushGraph, planPush, validatePushSettings, DEFAULT_PUSH_SETTINGS } from './push.js';
export type { PushOptions, PushProgress, PushSettings, PushSummary } from './push.js';
export { openDriver, validateConnection, addressOf, DEFAULT_CONNECTION, DEFAULT_CONNECT_TIMEOUT_MS } from './driver.js';
export type { ConnectionSettings } from './driver.js';
export {
  ConnectionError,
  AuthError,
  QueryError,
  fromDriverError,
  describeQueryError,
  displayAddress,
  redact,
} from './errors.js';
export type { StatementPosition } from './errors.js';
export { runStatement, CancelledError } from './run.js';
export type { StatementResult, RunContext, RunningStatement } from './run.js';
export { splitStatements } from './statements.js';
export type { Statement, SplitResult } from './statements.js';
export { FORMATS, formatResult, toPlain, toText, toParam, parseParam } from './values.js';
export type { OutputFormat, ResultTable } from './values.js';
export { loadSavedQueries, parseSavedQuery, savedQueryParams } from './saved.js';
export type { SavedQuery, SavedParam } from './saved.js';
export { NODE_LABELS, RELATIONSHIP_TYPES, SCHEMA_FILE, QUERIES_DIR, schemaStatements } from './schema.js';
