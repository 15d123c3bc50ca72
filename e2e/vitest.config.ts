import { defineConfig } from 'vitest/config';

// Browser tests: Debian's /usr/bin/chromium driven by playwright-core against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The server's database: the embedded PostgreSQL (or TEST_DATABASE_URL's), as for the database tests.
    // e2e/artifacts.ts empties e2e/artifacts (screenshots, layout-guard failures) before the run and prints its path after.
    globalSetup: ['packages/db/src/test-global-setup.ts', 'e2e/artifacts.ts'],
  },
});
