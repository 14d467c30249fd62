import { InputError, type InputProblem } from '../../core/errors.js';
import type { PosteriorSample } from '../../scenario/loadPosterior.js';
import { getPath, parsePath } from '../../scenario/overrides.js';
import { planHash, type ExperimentPlan } from '../plan.js';
import { scenarioAtPoint, validationProblem } from '../scenarioAtPoint.js';
import { posteriorDrawIndex } from './posteriorDraws.js';

/** How an experiment draws its parameters from a calibrated posterior. */
export interface PosteriorDraws {
  /** The calibration's name and plan hash (posterior.json). */
  readonly name: string;
  readonly calibrationHash: string;
  /** The scenario field paths the posterior sets. */
  readonly parameters: readonly string[];
  /** Consecutive replicates that share one draw: K seeds per draw separate noise from parameters. */
  readonly seedsPerDraw: number;
  /** For each draw (replicates gK..gK+K-1), the particle it took and its values. */
  readonly draws: readonly { readonly particle: number; readonly theta: readonly number[] }[];
}

/** An experiment plan whose replicates draw their parameters from a posterior. */
export type PosteriorExperimentPlan = ExperimentPlan & { readonly posterior: PosteriorDraws };

/** Whether a plan draws its parameters from a posterior. */
export function hasPosterior(plan: ExperimentPlan): plan is PosteriorExperimentPlan {
  return (plan as Partial<PosteriorExperimentPlan>).posterior !== undefined;
}

/** What drawing from a posterior needs of a plan: experiment, sensitivity and attribution plans have it. */
type DrawablePlan = Pick<ExperimentPlan, 'scenarios' | 'runs' | 'replicates' | 'hash'>;

/**
 * The plan with each replicate's parameters drawn from a posterior: replicates gK..gK+K-1
 * (K = seedsPerDraw) share draw g, the particle picked by weight from a stream derived
 * from the run seed of replicate gK, so the draw is the same whichever worker runs it.
 * Every scenario (or coalition) of a replicate gets the same draw: strategies are
 * compared under the same parameters, like their common random numbers. The drawn values
 * become the runs' params (recorded in runs.jsonl) and the plan's hash covers them.
 * Checks, all reported together: every posterior parameter is a number field of every
 * scenario, and every drawn particle gives a valid scenario.
 */
export function withPosteriorDraws<P extends DrawablePlan>(
  plan: P,
  posterior: PosteriorSample,
  seedsPerDraw: number,
  source: string,
): P & { readonly posterior: PosteriorDraws } {
  const problems: InputProblem[] = [];
  for (const path of posterior.parameters) {
    const parsed = parsePath(path);
    for (const s of plan.scenarios) {
      if (parsed === null || typeof getPath(s.scenario, parsed) !== 'number') {
        problems.push({
          path: '--posterior',
          message: `sets ${path}, which is not a number field of scenario ${s.label}`,
        });
        break;
      }
    }
  }
  if (problems.length > 0) throw new InputError(source, problems);

  const weights = posterior.particles.map((p) => p.weight);
  const seedOf = new Map(plan.runs.map((r) => [r.replicate, r.seed]));
  const count = Math.ceil(plan.replicates / seedsPerDraw);
  const draws = Array.from({ length: count }, (_, g) => {
    const particle = posteriorDrawIndex(weights, seedOf.get(g * seedsPerDraw) ?? g, 0);
    return { particle, theta: posterior.particles[particle].theta };
  });
  const paramsOf = (g: number) => Object.fromEntries(posterior.parameters.map((p, k) => [p, draws[g].theta[k]]));
  const checked = new Set<number>();
  draws.forEach((d, g) => {
    if (checked.has(d.particle)) return;
    checked.add(d.particle);
    for (const s of plan.scenarios) {
      const problem = validationProblem(scenarioAtPoint(s.scenario, paramsOf(g)), s.label);
      if (problem) problems.push({ path: `--posterior (particle ${d.particle})`, message: problem });
    }
  });
  if (problems.length > 0) throw new InputError(source, problems.slice(0, 10));

  const { hash: _old, ...body } = plan;
  const withDraws = {
    ...body,
    runs: plan.runs.map((r) => ({
      ...r,
      params: { ...r.params, ...paramsOf(Math.floor(r.replicate / seedsPerDraw)) },
    })),
    posterior: {
      name: posterior.name,
      calibrationHash: posterior.calibrationHash,
      parameters: posterior.parameters,
      seedsPerDraw,
      draws,
    },
  };
  return { ...withDraws, hash: planHash(withDraws) } as unknown as P & { readonly posterior: PosteriorDraws };
}
