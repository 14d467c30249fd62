import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDistFresh, BIN, ROOT } from '../support/cli.js';
import { heavyIn, moduleGraph } from '../support/moduleGraph.js';

/*
 * bin/kopsim runs the CLI bundled by scripts/bundle.mjs (dist/bundle/). A chunk hides from a
 * module trace which modules it holds, so the chunks a process loads are mapped back to the
 * modules in them through the bundle's metafile (dist/bundle/meta.json). The bundle must keep
 * out of each command what test/cli/lazyLoading.test.ts keeps out of it unbundled.
 */
interface Metafile {
  readonly outputs: Readonly<Record<string, { readonly inputs: Readonly<Record<string, unknown>> }>>;
}

// A library's modules are node_modules/... from the package root (or ../.../node_modules/...
// where node_modules is a link to another checkout's).
const SCENARIO = /(^|\/)node_modules\/(zod|yaml)\/|^dist\/scenario\//;
const out = mkdtempSync(join(tmpdir(), 'kopsim-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What a fresh `bin/kopsim ...args` loads: the trace's URLs, and the modules inside the bundle's chunks among them (paths from the package root). */
function loaded(args: readonly string[]): { status: number | null; modules: string[]; inputs: string[] } {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Metafile;
  const { status, modules } = moduleGraph([BIN, ...args], { LC_ALL: 'C' });
  const inputs = new Set<string>();
  for (const url of modules) {
    if (!url.startsWith('file:')) continue;
    const chunk = meta.outputs[relative(ROOT, fileURLToPath(url)).split('\\').join('/')];
    if (chunk) for (const input of Object.keys(chunk.inputs)) inputs.add(input);
  }
  return { status, modules, inputs: [...inputs] };
}

const bundled = (modules: readonly string[], name: string) => modules.some((m) => m.endsWith(`/dist/bundle/${name}`));

describe('the bundled CLI (bin/kopsim -> dist/bundle/)', () => {
  beforeAll(() => {
    assertDistFresh();
  });

  it('validate runs from the bundle, with zod, yaml and the scenario code inside its chunks (control for the checks below)', () => {
    const { status, modules, inputs } = loaded(['validate', 'default']);
    expect(status).toBe(0);
    expect(bundled(modules, 'main.js')).toBe(true);
    expect(modules.filter((m) => m.includes('/dist/cli/'))).toEqual([]);
    expect(modules.filter((m) => /\/node_modules\/(zod|yaml)\//.test(m))).toEqual([]);
    for (const re of [/(^|\/)node_modules\/zod\//, /(^|\/)node_modules\/yaml\//, /^dist\/scenario\//])
      expect(inputs.some((i) => re.test(i))).toBe(true);
  });

  for (const args of [['--version'], ['schema']]) {
    it(`kopsim ${args.join(' ')} loads no chunk holding zod, yaml or scenario code`, () => {
      const { status, inputs } = loaded(args);
      expect(status).toBe(0);
      expect(inputs.filter((i) => SCENARIO.test(i))).toEqual([]);
    });
  }

  it('kopsim --version loads no command module', () => {
    expect(loaded(['--version']).inputs.filter((i) => i.startsWith('dist/cli/commands/'))).toEqual([]);
  });

  it('kopsim run starts the bundled chart worker only when the report is wanted', () => {
    const withReport = loaded(['run', '--months', '2', '--no-tui', '--out', join(out, 'a')]);
    expect(withReport.status).toBe(0);
    expect(bundled(withReport.modules, 'chartWorkerThread.js')).toBe(true);
    const without = loaded(['run', '--months', '2', '--no-tui', '--no-report', '--out', join(out, 'b')]);
    expect(without.status).toBe(0);
    expect(bundled(without.modules, 'chartWorkerThread.js')).toBe(false);
    expect(heavyIn(without.modules)).toEqual([]);
  });

  it('kopsim run of 100,000 households computes its welfare indicators on the bundled indicator thread; a small run does not start it', () => {
    const large = [0, 1, 2, 3, 4].flatMap((r) => ['--set', `regions[${r}].households=20000`]);
    const big = loaded(['run', '--months', '1', '--no-tui', '--no-report', ...large, '--out', join(out, 'w')]);
    expect(big.status).toBe(0);
    expect(bundled(big.modules, 'welfareThread.js')).toBe(true);
    const small = loaded(['run', '--months', '1', '--no-tui', '--no-report', '--out', join(out, 'v')]);
    expect(small.status).toBe(0);
    expect(bundled(small.modules, 'welfareThread.js')).toBe(false);
  });

  it('kopsim replicate runs its workers on the bundled run worker, without chart or terminal UI libraries', () => {
    const args = ['replicate', 'default', '-n', '2', '--months', '2', '--workers', '2', '--no-report', '--no-tui'];
    const { status, modules } = loaded([...args, '--out', join(out, 'r')]);
    expect(status).toBe(0);
    expect(bundled(modules, 'runWorker.js')).toBe(true);
    expect(heavyIn(modules)).toEqual([]);
  });
});
