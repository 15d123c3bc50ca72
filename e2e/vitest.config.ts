import { defineConfig } from 'vitest/config';

// Browser tests: Debian's /usr/bin/chromium driven by playwright-core against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // A hang detector, not a speed target: the clinics flow took 127–195 s on a shared machine at load 30–35.
    testTimeout: 300_000,
    hookTimeout: 180_000,
    // Two files at a time, each with its own server process, database and browser: a browser test waits on
    // pages and servers much of the time, so two overlap well on the 2-core CI machine.
    fileParallelism: true,
    maxWorkers: 2,
    // The server's database: the embedded PostgreSQL (or TEST_DATABASE_URL's), as for the database tests.
    // e2e/artifacts.ts empties e2e/artifacts (screenshots, layout-guard failures) before the run and prints its path after.
    globalSetup: ['packages/db/src/test-global-setup.ts', 'e2e/artifacts.ts'],
  },
});
