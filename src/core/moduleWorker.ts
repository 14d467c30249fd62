import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` next to `from` (an `import.meta.url`), e.g.
 * `moduleWorker('runWorker', import.meta.url)`. From the compiled dist/ that is `name.js`.
 * From the TypeScript sources (tests under tsx/vitest) a worker does not inherit the TS
 * loader on Node 20 (its loader hooks do not reach worker threads started with a .ts file),
 * so an eval'd bootstrap registers tsx and then imports `name.ts`.
 */
export function moduleWorker(name: string, from: string): Worker {
  if (from.endsWith('.ts')) {
    const tsx = tsxApiUrl(from);
    const target = new URL(`./${name}.ts`, from).href;
    return new Worker(
      `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`,
      { eval: true },
    );
  }
  return new Worker(new URL(`./${name}.js`, from));
}

/** URL of tsx's ESM register API (the `import` condition of `tsx/esm/api`). */
function tsxApiUrl(from: string): string {
  try {
    const resolved = import.meta.resolve?.('tsx/esm/api');
    if (resolved && resolved.endsWith('.mjs')) return resolved;
  } catch {
    // fall through: some test runners do not provide import.meta.resolve
  }
  const pkg = createRequire(from).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
}
