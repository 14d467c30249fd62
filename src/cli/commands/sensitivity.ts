import { commandLineProblems } from '../commandLineProblems.js';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { planSensitivity } from '../../experiment/sensitivityPlan.js';
import { loadSensitivity } from '../../scenario/loadSensitivity.js';
import { addRunOptions, checkRunFlags, parseAtFlag, type RunFlags } from '../runFlags.js';
import { collect, intFlag, listFlag, planWithProblems } from '../flags.js';
import { runAnalysisPlan } from './analysisFolder.js';

interface SensitivityFlags extends RunFlags {
  replicates?: string;
  seed?: string;
  months?: string;
  set?: string[];
  indicators?: string;
  at?: string;
  resamples?: string;
}

export function registerSensitivity(program: Command): void {
  const cmd = program
    .command('sensitivity')
    .description(
      "global sensitivity analysis from a file: Morris elementary effects (mu, mu*, sigma) or Sobol' indices (S1, ST, S2) of chosen indicators over scenario parameters",
    )
    .argument('<file>', 'sensitivity experiment file (YAML or JSON, method: morris or sobol)')
    .option(
      '-n, --replicates <n>',
      "runs per design point, averaged with common random numbers (default: the file's, else 1)",
    )
    .option('--seed <n>', "base seed of the runs (default: the file's, else the scenario's)")
    .option('--months <n>', "months to simulate (default: the file's, else the scenario's)")
    .option('--set <path=value>', 'override a scenario field, e.g. regions[0].households=200 (repeatable)', collect, [])
    .option(
      '--indicators <ids>',
      "comma-separated indicators to analyse (default: the file's, else consumption_pc_mean,p0,gini,member_share)",
    )
    .option(
      '--at <months>',
      "comma-separated months at which to analyse them, numbers or final (default: the file's, else final)",
    )
    .option('--resamples <n>', "bootstrap resamples for the confidence intervals (default: the file's, else 1000)");
  addRunOptions(cmd, 'sensitivity', 'indices')
    .addHelpText(
      'after',
      `
Examples:
  kopsim sensitivity scenarios/experiments/sobol-roadmap.yaml
  kopsim sensitivity scenarios/experiments/morris-roadmap.yaml -n 3 --at 60,final --workers 8
  kopsim sensitivity scenarios/experiments/sobol-roadmap.yaml --shard 0/4 --out shards/0
  kopsim merge shards/*
  kopsim analyze reports/sobol-roadmap-sensitivity-s1-1a2b3c4d

The file names a scenario and the parameters to vary (path, min, max, optional
distribution uniform or loguniform); see docs/sensitivity.md. Replicate k uses the
same seed at every design point (common random numbers). The folder keeps the design
(design.csv, design.json), the seeds (seeds.csv) and every run (runs.jsonl), so
kopsim analyze recomputes the indices without rerunning.`,
    )
    .action(async (file: string, opts: SensitivityFlags) => {
      const problems = commandLineProblems();
      const replicates = intFlag(problems, '--replicates', opts.replicates, 1, 100000);
      const seed = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
      const months = intFlag(problems, '--months', opts.months, 1, 1200);
      const resamples = intFlag(problems, '--resamples', opts.resamples, 1, 1_000_000);
      const at = parseAtFlag(opts.at, problems);
      const run = checkRunFlags(opts, problems, availableParallelism());
      const loaded = loadSensitivity(
        file,
        { replicates, seed, months, resamples, at, indicators: listFlag(opts.indicators), sets: opts.set ?? [] },
        problems,
      );
      const plan = planWithProblems(loaded.source, problems, () => planSensitivity(loaded, run.maxWork));
      await runAnalysisPlan(plan, {
        source: loaded.source,
        scenario: loaded.scenario,
        ...run,
        out: opts.out,
        report: opts.report,
        tui: opts.tui,
        json: opts.json,
      });
    });
}
