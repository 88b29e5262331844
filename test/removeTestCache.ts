import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

/** Vitest global setup: removes the run's extraction cache (vitest.config.ts, POLICY_CODE_CACHE_DIR) when the tests end. */
export default function setup(project: TestProject): () => void {
  const dir = project.config.env.POLICY_CODE_CACHE_DIR;
  return () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
