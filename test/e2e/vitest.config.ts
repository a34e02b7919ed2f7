import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: they load the built extension (.output/chrome-mv3 and
// .output/firefox-mv2, built by scripts/check.ts first) into Debian's Chromium and
// Firefox ESR. One file at a time and two workers at most: the machine has 2 cores
// and each file starts real browsers.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    maxWorkers: 2,
    retry: 0,
  },
});
