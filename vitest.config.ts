import { defineConfig } from 'vitest/config';

// Three groups run one after another: fast unit tests in parallel, then the tests that share the
// one local Neo4j server (one file at a time, each starts from a clean database), then the
// headless-Chromium tests.
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
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'neo4j',
          include: ['test/neo4j/**/*.test.ts'],
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
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
