import { commandLineProblems } from '../commandLineProblems.js';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { loadExperiment } from '../../scenario/loadExperiment.js';
import { addExperimentFlags, checkFlags, planOrThrow, runExperiment, type ExperimentFlags } from './experiment.js';

export function registerSweep(program: Command): void {
  const cmd = program
    .command('sweep')
    .description('run a parameter sweep (full factorial or Latin hypercube) from an experiment file')
    .argument('<experiment>', 'experiment file of kind sweep');
  addExperimentFlags(cmd)
    .addHelpText(
      'after',
      `
Examples:
  kopsim sweep scenarios/experiments/awareness-sweep.yaml
  kopsim sweep scenarios/experiments/awareness-sweep.yaml -n 10 --months 120
  kopsim sweep my-sweep.yaml --shard $SLURM_ARRAY_TASK_ID/64 --out shards/$SLURM_ARRAY_TASK_ID`,
    )
    .action(async (file: string, opts: ExperimentFlags) => {
      const problems = commandLineProblems();
      const flags = checkFlags(opts, problems);
      const loaded = loadExperiment(file, flags.overrides, problems);
      if (loaded.experiment.kind !== 'sweep') {
        throw new InputError(file, [
          ...problems,
          {
            path: 'kind',
            message: 'kopsim sweep needs an experiment of kind sweep (use kopsim experiment for other kinds)',
            found: loaded.experiment.kind,
          },
        ]);
      }
      const plan = planOrThrow(loaded, problems, flags.maxWork);
      await runExperiment(loaded, plan, flags, opts);
    });
}
