import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, invokedCommand } from '../../src/cli/main.js';
import { assertDistFresh, UNBUNDLED_MAIN as MAIN } from '../support/cli.js';
import { heavyIn, moduleGraph } from '../support/moduleGraph.js';

/*
 * Lazy loading is checked on the module graph, not on the clock: a preload records every
 * module the process resolves or requires, and the commands that need no chart, simulation
 * or terminal UI must not load the libraries behind them. The graph is that of the compiled
 * modules before bundling (dist/cli/main.js), where every module is a file of its own;
 * bin/kopsim runs their bundle, whose chunks keep each dynamic import apart, and
 * test/cli/bundle.test.ts checks the same properties on the chunks it loads.
 */
describe('lazy loading', () => {
  beforeAll(() => {
    // The traced CLI runs dist/: fail plainly if it is older than src/ (npm test builds first).
    assertDistFresh();
  });

  it('the trace sees ESM and CommonJS libraries (control: ink imports react)', () => {
    const { status, modules } = moduleGraph(['--input-type=module', '-e', "await import('ink')"]);
    expect(status).toBe(0);
    expect(modules.some((m) => m.includes('/node_modules/ink/'))).toBe(true);
    expect(modules.some((m) => m.includes('/node_modules/react/'))).toBe(true);
  });

  for (const args of [['--version'], ['--help'], ['validate', 'default'], ['schema'], ['run', '--help']]) {
    it(`kopsim ${args.join(' ')} loads no chart, terminal UI or worker pool library`, () => {
      const { status, modules } = moduleGraph([MAIN, ...args]);
      expect(status).toBe(0);
      expect(modules.some((m) => m.endsWith('/dist/cli/main.js'))).toBe(true);
      expect(heavyIn(modules)).toEqual([]);
    });
  }

  // What a command that succeeds in English does without. `kopsim schema` prints the committed
  // docs/scenario.schema.json: no zod (95 modules, 64 of them its locales), no scenario schema,
  // no YAML parser. The patterns that translate problems (problemText), the error text and the
  // help's translation are loaded for an error or another language only, the catalogues by
  // the commands that print a message.
  const ERROR_OR_OTHER_LANGUAGE = [
    'error text or translation',
    /\/dist\/i18n\/problemText\.js|\/dist\/cli\/(errorText|helpLanguage)\.js/,
  ] as const;
  const SCENARIO = ['zod, yaml or scenario code', /\/node_modules\/(zod|yaml)\/|\/dist\/scenario\//] as const;
  const CATALOGUES = ['message catalogue', /\/dist\/i18n\/(en|id|locale)\.js/] as const;
  for (const [args, unneeded] of [
    [['--version'], [ERROR_OR_OTHER_LANGUAGE, SCENARIO, CATALOGUES]],
    [['schema'], [ERROR_OR_OTHER_LANGUAGE, SCENARIO, CATALOGUES]],
    [['validate', 'default'], [ERROR_OR_OTHER_LANGUAGE]],
  ] as const) {
    it(`kopsim ${args.join(' ')} loads no ${unneeded.map(([name]) => name).join(', no ')}`, () => {
      const { status, modules } = moduleGraph([MAIN, ...args], { LC_ALL: 'C' });
      expect(status).toBe(0);
      expect([...new Set(modules.filter((m) => unneeded.some(([, re]) => re.test(m))))]).toEqual([]);
    });
  }

  it('the error text and the translations are loaded when there is an error, or another language', () => {
    expect(moduleGraph([MAIN, 'validate', 'no-such-scenario'], { LC_ALL: 'C' }).modules).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/dist\/cli\/errorText\.js$/)]),
    );
    expect(moduleGraph([MAIN, '--version', '--lang', 'id']).modules).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/dist\/i18n\/problemText\.js$/)]),
    );
  });

  it('kopsim run starts the chart worker only when the report is wanted (not with --no-report)', () => {
    const out = mkdtempSync(join(tmpdir(), 'kopsim-lazy-run-'));
    const worker = (modules: readonly string[]) => modules.some((m) => m.endsWith('/dist/report/chartWorkerThread.js'));
    const withReport = moduleGraph([MAIN, 'run', '--months', '2', '--no-tui', '--out', join(out, 'a')]);
    expect(withReport.status).toBe(0);
    // Control: the trace sees the worker thread's modules.
    expect(worker(withReport.modules)).toBe(true);
    const without = moduleGraph([MAIN, 'run', '--months', '2', '--no-tui', '--no-report', '--out', join(out, 'b')]);
    expect(without.status).toBe(0);
    expect(worker(without.modules)).toBe(false);
    expect(heavyIn(without.modules)).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  });

  it('kopsim replicate --no-report loads no chart or terminal UI library, in its main thread or its run workers', () => {
    const out = mkdtempSync(join(tmpdir(), 'kopsim-lazy-replicate-'));
    const args = ['replicate', 'default', '-n', '2', '--months', '2', '--workers', '2', '--no-report', '--no-tui'];
    const { status, modules } = moduleGraph([MAIN, ...args, '--out', join(out, 'r')]);
    expect(status).toBe(0);
    // Control: the trace sees the modules the run workers load.
    expect(modules.some((m) => m.endsWith('/dist/experiment/runWorker.js'))).toBe(true);
    expect(heavyIn(modules)).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  });

  it('kopsim --version loads no command module', () => {
    const { modules } = moduleGraph([MAIN, '--version']);
    expect(modules.filter((m) => m.includes('/dist/cli/commands/'))).toEqual([]);
  });
});

describe('the command table', () => {
  it("names each module's command with the module's own description", async () => {
    for (const entry of COMMANDS) {
      const program = new Command();
      (await entry.load())(program);
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
      expect(program.commands[0]!.description()).toBe(entry.description);
    }
  });

  it('finds the invoked command after options and after help', () => {
    expect(invokedCommand(['run', 'x.yaml'])).toBe('run');
    expect(invokedCommand(['--help'])).toBeUndefined();
    expect(invokedCommand(['help', 'sweep'])).toBe('sweep');
    expect(invokedCommand(['-h', 'bench', '--quick'])).toBe('bench');
  });
});
