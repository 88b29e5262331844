import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI on real PDFs; nodejieba's dictionary load alone takes ~1 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
