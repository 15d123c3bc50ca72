import os from 'node:os';
import { defineConfig } from 'vitest/config';

// One config for the whole monorepo; tiers are chosen by file name:
// *.test.ts pure, *.int.test.ts against a real database, e2e/ in a browser.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Hang detectors, not speed targets: at load 15-20 with two workers, three route-matrix and credential tests
    // that loop over many requests passed 30 s and were stopped although nothing hung.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // vitest's default is one worker per core less one: a single worker on CI's 2-core machine, idle while its
    // test waits on PostgreSQL (a process of its own). Every test file has databases of its own (cloned from the
    // template), so two files at a time share nothing.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // One PostgreSQL server for the run (embedded, or TEST_DATABASE_URL's) and the migrated template.
    globalSetup: ['packages/db/src/test-global-setup.ts'],
  },
});
