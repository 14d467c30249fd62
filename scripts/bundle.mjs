// Bundles the compiled CLI (dist/) into dist/bundle/, which bin/kopsim runs.
//
// Why: a fresh `kopsim validate` spent about a third of its time above Node's own start
// resolving, reading and compiling some 250 ES modules (kopsim's, zod's 95 with its
// locales, yaml's, commander's). esbuild puts them in a few files, and keeps every dynamic
// `import()` a chunk of its own (code splitting), so what the commands load lazily stays
// lazy: `--version` and `schema` still load no zod or yaml, a run without a report no
// chart library (test/cli/bundle.test.ts checks it on the chunks a process loads, through
// the metafile written next to them). docs/performance.md has the figures.
//
// The worker threads' modules and the validation probe are entry points too, so that
// `moduleWorker(name, import.meta.url)` finds `name.js` next to the chunk that starts it.
// Libraries with native code or their own files (resvg, the fonts), and those only the
// report and the terminal UI load (vega, vega-lite, ink, react), stay in node_modules.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const outdir = new URL('dist/bundle/', root);
// Chunk names change with their contents: start empty, so that no stale chunk is left.
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: [
    'dist/cli/main.js',
    'dist/experiment/runWorker.js',
    'dist/report/chartWorkerThread.js',
    'dist/indicators/welfareThread.js',
    'dist/experiment/validation/validationProbe.js',
  ],
  outdir: fileURLToPath(outdir),
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [
    '@resvg/resvg-js',
    'dejavu-fonts-ttf',
    'ink',
    'react',
    'react/*',
    'tsx',
    'tsx/*',
    'vega',
    'vega-lite',
  ],
  // CommonJS libraries (seedrandom, commander) call require: give the ES chunks one.
  banner: {
    js: "import { createRequire as kopsimCreateRequire } from 'node:module'; const require = kopsimCreateRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(new URL('meta.json', outdir), JSON.stringify(result.metafile));
