import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI on real PDFs; nodejieba's dictionary load alone takes ~1 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests never touch the user's extraction cache: every CLI they spawn inherits this one, fresh per run.
    env: { POLICY_CODE_CACHE_DIR: join(tmpdir(), `policy-code-test-cache-${process.pid}`) },
  },
});
