import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../core/errors.js';
import { runSeed } from '../../core/seed.js';
import { createSimulation } from '../../experiment/simulation.js';
import { summarizeRun } from '../../experiment/runSummary.js';
import { loadScenario, type LoadedScenario } from '../../scenario/load.js';
import { writeRunFolder, type RunManifest } from '../../report/runFolder.js';
import { collect, intFlag } from '../flags.js';
import { runSummaryText } from '../runSummaryText.js';
import { kopsimVersion } from '../version.js';

export interface RunOptions {
  seed?: string;
  months?: string;
  out?: string;
  set?: string[];
  json?: boolean;
}

/** A run, checked and ready: everything `kopsim run` needs before any work starts. */
export interface PreparedRun {
  readonly loaded: LoadedScenario;
  readonly baseSeed: number;
  readonly seed: number;
  readonly outDir: string;
}

/**
 * Checks the flags and the scenario together and reports every problem at once. Nothing
 * has been run or written when this returns or throws.
 */
export function prepareRun(scenarioRef: string | undefined, opts: RunOptions, now = new Date()): PreparedRun {
  const problems: InputProblem[] = [];
  const seedFlag = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
  const monthsFlag = intFlag(problems, '--months', opts.months, 1, 1200);
  const sets = [...(opts.set ?? [])];
  if (monthsFlag !== undefined) sets.push(`months=${monthsFlag}`);
  let loaded: LoadedScenario | undefined;
  try {
    loaded = loadScenario(scenarioRef, sets);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  if (opts.out !== undefined && existsSync(opts.out) && !statSync(opts.out).isDirectory()) {
    problems.push({ path: '--out', message: 'exists and is not a folder', found: opts.out });
  }
  if (problems.length > 0 || !loaded) throw new InputError(scenarioRef ?? 'kopsim run', problems);
  const baseSeed = seedFlag ?? loaded.scenario.seed;
  const seed = runSeed(baseSeed);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = resolve(opts.out ?? join('reports', `${loaded.id}-s${baseSeed}-${stamp}`));
  return { loaded, baseSeed, seed, outDir };
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario and write its report folder')
    .argument('[scenario]', 'scenario file or bundled name (default: the default scenario)')
    .option('--seed <n>', 'base seed (default: the scenario\'s seed)')
    .option('--months <n>', 'months to simulate (default: the scenario\'s months)')
    .option('--out <dir>', 'output folder (default: reports/<scenario>-s<seed>-<time>)')
    .option('--set <path=value>', 'override a scenario field, e.g. awareness.peerWeight=0.1 (repeatable)', collect, [])
    .option('--json', 'print the summary as JSON only')
    .addHelpText(
      'after',
      `
Examples:
  kopsim run
  kopsim run scenarios/top-down.yaml --seed 7 --months 120
  kopsim run seed-roadmap --set membership.feeSubsidy=0.5 --out reports/subsidy`,
    )
    .action((scenario: string | undefined, opts: RunOptions) => {
      const started = new Date();
      const prepared = prepareRun(scenario, opts, started);
      const { loaded, seed, baseSeed, outDir } = prepared;
      const sim = createSimulation(loaded.id, loaded.scenario, seed);
      const tty = process.stdout.isTTY && !opts.json;
      let lastPrint = Date.now();
      while (!sim.done) {
        sim.advance();
        if (!opts.json && Date.now() - lastPrint > 2000) {
          process.stderr.write(`month ${sim.month}/${loaded.scenario.months}\n`);
          lastPrint = Date.now();
        }
      }
      void tty;
      const result = sim.result();
      const summary = summarizeRun(result);
      const manifest: RunManifest = {
        kopsimVersion: kopsimVersion(),
        scenarioId: loaded.id,
        source: loaded.source,
        extendsChain: loaded.chain,
        overrides: loaded.overrides,
        baseSeed,
        seed,
        months: result.months,
        households: result.households,
        commandLine: ['kopsim', ...process.argv.slice(2)],
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        timings: { simulationMs: Math.round(result.elapsedMs), totalMs: Date.now() - started.getTime() },
        stoppedEarly: result.stoppedEarly,
        scenario: loaded.scenario,
      };
      writeRunFolder(outDir, result, summary, manifest);
      if (opts.json) process.stdout.write(`${JSON.stringify({ folder: outDir, ...summary }, null, 2)}\n`);
      else process.stdout.write(`${runSummaryText(summary, outDir)}\n`);
    });
}
