import { defineConfig } from 'vitest/config';

// Unit tests live next to what they test (core/, cli/, components/, platform/) and in test/unit.
// Browser end-to-end tests have their own config (test/e2e/vitest.config.ts): they need a build first.
export default defineConfig({
  test: {
    include: ['{core,cli,components,platform,rules,test/unit,entrypoints}/**/*.test.{ts,tsx}'],
    environment: 'node',
    reporters: ['default'],
  },
});
