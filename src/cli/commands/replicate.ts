import type { Command } from 'commander';
import { addPosteriorFlags, type PosteriorFlags } from '../posteriorFlags.js';
import { addExperimentFlags, type ExperimentFlags } from './experiment.js';
import { runScenarioListExperiment } from './scenarioListExperiment.js';

export function registerReplicate(program: Command): void {
  const cmd = program
    .command('replicate')
    .description(
      'run scenarios many times with derived seeds and summarise the spread (mean, 95% CI, percentiles by month)',
    )
    .argument('<scenarios...>', 'scenario files or bundled names');
  addPosteriorFlags(addExperimentFlags(cmd, '30'))
    .addHelpText(
      'after',
      `
Examples:
  kopsim replicate seed-roadmap -n 30
  kopsim replicate scenarios/top-down.yaml -n 100 --months 120 --workers 4
  kopsim replicate seed-roadmap --set awareness.peerWeight=0.12 --json`,
    )
    .action((scenarios: string[], opts: ExperimentFlags & PosteriorFlags) =>
      runScenarioListExperiment('replicate', scenarios, opts),
    );
}
