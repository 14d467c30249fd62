import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './cli.js';

const TRACE = fileURLToPath(new URL('./moduleTrace.mjs', import.meta.url));

/** Libraries only the report and the terminal UI need (charts, PNGs, ink, react, a pool library). */
export const HEAVY =
  /\/node_modules\/(vega|vega-[a-z-]+|@resvg\/[^/]+|ink|react|react-reconciler|yoga-layout|piscina)\//;

/** The module URLs a fresh `node ...args` process loads (with `env` added to the environment), and its exit status. */
export function moduleGraph(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): { status: number | null; modules: string[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'kopsim-trace-')), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', TRACE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, KOPSIM_MODULE_TRACE: file, NO_COLOR: '1' },
  });
  const modules = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return { status: r.status, modules };
}

/** The heavy libraries among `modules`, each once. */
export const heavyIn = (modules: readonly string[]): string[] => [...new Set(modules.filter((m) => HEAVY.test(m)))];
