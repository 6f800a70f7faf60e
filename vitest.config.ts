import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Neo4j and Chromium tests share one server and one browser install; files run in parallel on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
