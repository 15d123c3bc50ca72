import { defineConfig } from 'vitest/config';

// Browser tests: Debian's /usr/bin/chromium driven by playwright-core against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // Empties e2e/artifacts (screenshots, layout-guard failures) before the run and prints its path after.
    globalSetup: ['e2e/artifacts.ts'],
  },
});
