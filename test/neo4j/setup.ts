/**
 * Runs before every Neo4j test file (after test/setup/no-user-neo4j.ts): sets NEO4J_URI,
 * NEO4J_USERNAME and NEO4J_PASSWORD to the test server's, so that code reading them (the CLI in a
 * child process, a connection resolved from `process.env`) reaches the test server and nothing else.
 */
import { neo4jEnv } from './helpers.js';

const env = neo4jEnv();
for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD'] as const) process.env[name] = env[name];
