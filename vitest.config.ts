import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { RealCorpusLast } from './test/RealCorpusLast.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI on real PDFs; nodejieba's dictionary load alone takes ~1 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests never touch the user's extraction cache: every CLI they spawn inherits this one, fresh per run
    // and removed at the end (test/removeTestCache.ts).
    env: { POLICY_CODE_CACHE_DIR: join(tmpdir(), `policy-code-test-cache-${process.pid}`) },
    // dist/ rebuilt when a source is newer (test/buildCli.ts); one analyze of ../shared/corpus with OCR per run,
    // in the background from the start (test/realCorpusRun.ts), the files that read it last.
    globalSetup: ['test/buildCli.ts', 'test/removeTestCache.ts', 'test/realCorpusRun.ts'],
    sequence: { sequencer: RealCorpusLast },
  },
});
