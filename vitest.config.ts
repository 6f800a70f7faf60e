import { defineConfig } from 'vitest/config';

// Three groups run one after another: fast unit tests in parallel, then the tests that share the
// test run's own Neo4j server (one file at a time, each starts from a clean database), then the
// headless-Chromium tests. Every test file starts without the user's NEO4J_* variables
// (test/setup/no-user-neo4j.ts); the Neo4j tests get the test server's instead, and their global
// setup starts that server (`node scripts/neo4j.mjs start --test`) if it is not running.
const noUserNeo4j = 'test/setup/no-user-neo4j.ts';
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-report.json' }]],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/neo4j/**', 'test/viewer/**'],
          setupFiles: [noUserNeo4j],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'neo4j',
          include: ['test/neo4j/**/*.test.ts'],
          globalSetup: ['test/neo4j/global-setup.ts'],
          setupFiles: [noUserNeo4j, 'test/neo4j/setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'viewer',
          include: ['test/viewer/**/*.test.ts'],
          setupFiles: [noUserNeo4j],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
