import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real browsers. One file at a time (each starts a browser on
// a 2-core machine), generous timeouts, no retries: a flaky e2e test is a bug to fix.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
