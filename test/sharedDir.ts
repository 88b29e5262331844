import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is in test/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The shared material beside the repository (`../shared`, as CI lays it out), or /work/shared for
 * a worktree that sits deeper; null when neither exists, and tests that need it skip.
 */
export function sharedDir(): string | null {
  for (const dir of [resolve(REPO_ROOT, '..', 'shared'), '/work/shared']) {
    if (existsSync(join(dir, 'gold')) || existsSync(join(dir, 'corpus'))) return dir;
  }
  return null;
}

export const SHARED_DIR: string | null = sharedDir();

/** The reason given by tests that skip because the shared material is absent. */
export const SHARED_MISSING = 'skipped: ../shared (the real corpus and gold codes) is not beside the repository';

export function sharedPath(...parts: string[]): string {
  if (!SHARED_DIR) throw new Error(SHARED_MISSING);
  return join(SHARED_DIR, ...parts);
}
