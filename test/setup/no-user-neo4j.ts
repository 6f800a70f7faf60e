/**
 * Runs before every test file (vitest `setupFiles`): removes the NEO4J_* variables a user set for
 * their own server (README, "Your own server"), so no test, and no process a test starts with
 * `process.env`, can reach that server through them. CI has none; a developer's machine now
 * behaves the same. The Neo4j tests then get the test server's values (test/neo4j/setup.ts).
 */
for (const name of Object.keys(process.env)) if (name.startsWith('NEO4J_')) delete process.env[name];
