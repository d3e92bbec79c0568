import { defineConfig } from 'vitest/config';

// Soaks: long runs of the built extension in real Chromium that measure responsiveness (long tasks)
// on heavy hostile pages. Timing is a measurement, not a test verdict (the machine's load decides it),
// so they run from `npm run bench -- --only heavy-pages`, never from `npm test`.
export default defineConfig({
  test: {
    include: ['tests/soak/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 900_000,
  },
});
