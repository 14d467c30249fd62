// Preload (`node --import`) that records the module graph of a process: every module URL
// it resolves (ESM, by the hooks in moduleTraceHooks.mjs) and every CommonJS file it loaded
// (require.cache at exit), one URL a line, appended to the file named by KOPSIM_MODULE_TRACE.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./moduleTraceHooks.mjs', import.meta.url);
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const file = process.env.KOPSIM_MODULE_TRACE;
  if (file)
    appendFileSync(
      file,
      Object.keys(cache)
        .map((path) => `${pathToFileURL(path).href}\n`)
        .join(''),
    );
});
