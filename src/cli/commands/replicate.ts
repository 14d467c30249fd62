import type { Command } from 'commander';
import type { InputProblem } from '../../core/errors.js';
import { loadExperimentDocument } from '../../scenario/loadExperiment.js';
import { addPosteriorFlags, checkPosteriorFlags, planWithPosterior, type PosteriorFlags } from '../posteriorFlags.js';
import { addExperimentFlags, checkFlags, planOrThrow, runExperiment, type ExperimentFlags } from './experiment.js';

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
    .action(async (scenarios: string[], opts: ExperimentFlags & PosteriorFlags) => {
      const problems: InputProblem[] = [];
      const flags = checkFlags(opts, problems);
      const posterior = checkPosteriorFlags(opts, problems);
      const loaded = loadExperimentDocument(
        { kind: 'replicate', scenarios },
        'kopsim replicate',
        process.cwd(),
        undefined,
        flags.overrides,
        problems,
      );
      const plan = planWithPosterior(planOrThrow(loaded, problems, flags.maxWork), posterior, loaded.source);
      await runExperiment(loaded, plan, flags, opts);
    });
}
