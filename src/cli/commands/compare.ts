import type { Command } from 'commander';
import { addPosteriorFlags, type PosteriorFlags } from '../posteriorFlags.js';
import { addExperimentFlags, type ExperimentFlags } from './experiment.js';
import { runScenarioListExperiment } from './scenarioListExperiment.js';

export function registerCompare(program: Command): void {
  const cmd = program
    .command('compare')
    .description(
      'compare strategies with common random numbers: replicate k of every scenario uses the same seed, and differences from the baseline are paired',
    )
    .argument('<scenarios...>', 'two or more scenario files or bundled names');
  addPosteriorFlags(addExperimentFlags(cmd, '30'))
    .option('--baseline <scenario>', 'the scenario differences are taken from (default: the first)')
    .addHelpText(
      'after',
      `
Examples:
  kopsim compare scenarios/seed-roadmap.yaml scenarios/top-down.yaml scenarios/status-quo.yaml -n 30
  kopsim compare seed-roadmap top-down status-quo --baseline status-quo --at 60,120
  kopsim compare seed-roadmap status-quo -n 100 --shard 0/4 --out shards/0
  kopsim compare seed-roadmap top-down -n 40 --posterior reports/baseline-bps-calibrate-s1-1a2b3c4d`,
    )
    .action((scenarios: string[], opts: ExperimentFlags & PosteriorFlags) =>
      runScenarioListExperiment('compare', scenarios, opts),
    );
}
