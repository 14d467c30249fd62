import { commandLineProblems } from '../commandLineProblems.js';
import { loadExperimentDocument } from '../../scenario/loadExperiment.js';
import { checkPosteriorFlags, planWithPosterior, type PosteriorFlags } from '../posteriorFlags.js';
import { checkFlags, planOrThrow, runExperiment, type ExperimentFlags } from './experiment.js';

/**
 * The action of `kopsim replicate` and `kopsim compare`: an experiment of the kind given
 * over the scenarios named on the command line, with the experiment and posterior flags.
 * Every problem of the flags and the scenarios is reported at once, before any run.
 */
export async function runScenarioListExperiment(
  kind: 'replicate' | 'compare',
  scenarios: string[],
  opts: ExperimentFlags & PosteriorFlags,
): Promise<void> {
  const problems = commandLineProblems();
  const flags = checkFlags(opts, problems);
  const posterior = checkPosteriorFlags(opts, problems);
  const loaded = loadExperimentDocument(
    { kind, scenarios },
    `kopsim ${kind}`,
    process.cwd(),
    undefined,
    flags.overrides,
    problems,
  );
  const plan = planWithPosterior(planOrThrow(loaded, problems, flags.maxWork), posterior, loaded.source);
  await runExperiment(loaded, plan, flags, opts);
}
