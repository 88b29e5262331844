// Lets a plain `node` run this project's TypeScript sources: `node --import ./scripts/runTypeScript.mjs src/...ts`.
// The reader processes and threads that src/io starts from its sources (under vitest) run through
// it, so a test exercises the code as it is now, never a stale build in dist/ (src/io/scriptBeside.ts).
import { register } from 'node:module';

register('./typescriptHooks.mjs', import.meta.url);
