import { defineConfig } from 'vitest/config';

// One config for the whole monorepo; tiers are chosen by file name:
// *.test.ts pure, *.int.test.ts against a real database, e2e/ in a browser.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One PostgreSQL server for the run (embedded, or TEST_DATABASE_URL's) and the migrated template.
    globalSetup: ['packages/db/src/test-global-setup.ts'],
  },
});
