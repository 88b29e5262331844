// Module hooks registered by runTypeScript.mjs: `.js` imports between sources find the `.ts` file
// (the sources import what tsc will emit), and `.ts` files lose their types. rolldown's transformer
// comes with vitest (vite 8); only types are stripped, no other syntax is lowered.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.endsWith('.js') || !context.parentURL?.endsWith('.ts')) throw err;
    return next(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const { transformSync } = await import('rolldown/experimental');
  const path = fileURLToPath(url);
  const out = transformSync(path, await readFile(path, 'utf8'), { lang: 'ts' });
  if (out.errors.length > 0) throw new Error(`${path}: ${out.errors.map((e) => e.message).join('; ')}`);
  return { format: 'module', source: out.code, shortCircuit: true };
}
