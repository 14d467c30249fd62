import { SimulationError } from '../../core/errors.js';
import { runSeed } from '../../core/seed.js';
import { loadScenario } from '../../scenario/load.js';
import type { PosteriorSample } from '../../scenario/loadPosterior.js';
import { type PosteriorDraws, withPosteriorDraws } from '../calibration/posteriorPlan.js';
import { planScenarioOf, runKey, type PlannedRun, type PlanScenario } from '../plan.js';
import type { RunFailure } from '../runRecord.js';
import { executeRuns } from '../workerPool.js';
import type { RunMeasures } from './validationProbe.js';

/**
 * One group of runs validation needs: a bundled scenario with `--set` overrides, run for
 * `months` with each of the given base seeds (seed k is the run `kopsim run <scenario>
 * --seed k` gives: runSeed(k)). Arms with the same seeds share their random numbers, so
 * differences between them are paired.
 */
export interface ValidationArm {
  readonly label: string;
  readonly scenario: string;
  readonly sets: readonly string[];
  readonly months: number;
  readonly seeds: readonly number[];
}

/** Each arm's measures, one per seed, in the order of the arm's seeds. */
export type ArmMeasures = ReadonlyMap<string, readonly RunMeasures[]>;

/** URL of the probe module, with this module's own extension (.ts under tsx and vitest, .js from dist/). */
function probeUrl(): string {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./validationProbe${ext}`, import.meta.url).href;
}

/** How {@link measureRuns} runs: on how many workers, telling whom of each run done. */
export interface MeasureOptions {
  readonly workers: number;
  /** Told of each finished run (progress display). */
  readonly onRun?: (done: number, total: number, key: string) => void;
}

export interface RunArmsOptions extends MeasureOptions {
  /** The runs' parameters drawn from this posterior (see {@link validationRuns}); the defaults without it. */
  readonly posterior?: PosteriorSample;
}

/** The runs of the arms, and the posterior draws they take (undefined without a posterior). */
export interface ValidationRuns {
  readonly scenarios: readonly PlanScenario[];
  readonly runs: readonly PlannedRun[];
  readonly draws?: PosteriorDraws;
}

/**
 * The runs validation makes: each arm's scenario for each of its base seeds. With a
 * posterior, base seed k's runs take draw k: one particle, picked by weight from a stream
 * derived from runSeed(k) (the method of `kopsim replicate --posterior`, one seed per draw), the
 * same in every arm, so paired facts compare arms under the same parameters as well as the
 * same random numbers. Throws InputError (naming `--posterior`) when a posterior parameter
 * is not a number field of an arm's scenario, or a drawn particle makes a scenario invalid.
 */
export function validationRuns(arms: readonly ValidationArm[], posterior?: PosteriorSample): ValidationRuns {
  const scenarios: PlanScenario[] = arms.map((a) =>
    planScenarioOf(a.label, loadScenario(a.scenario, [...a.sets, `months=${a.months}`])),
  );
  const runs: PlannedRun[] = [];
  for (const arm of arms)
    for (const base of arm.seeds)
      runs.push({
        index: runs.length,
        key: runKey(arm.label, '', base),
        scenario: arm.label,
        point: '',
        params: {},
        replicate: base,
        seed: runSeed(base),
        months: arm.months,
      });
  if (!posterior) return { scenarios, runs };
  // Draw g goes to the runs with replicate g (base seed g); seeds start at 1, so draw 0 is unused.
  const replicates = Math.max(0, ...runs.map((r) => r.replicate)) + 1;
  const drawn = withPosteriorDraws({ scenarios, runs, replicates, hash: '' }, posterior, 1, 'kopsim validation');
  return { scenarios, runs: drawn.runs, draws: drawn.posterior };
}

/**
 * Runs every arm's seeds on the experiment worker pool with the validation probe and
 * returns the measures by arm. A run that fails makes the whole call throw, naming it:
 * a validation table with a run missing would look complete and not be.
 */
export async function runArms(arms: readonly ValidationArm[], opts: RunArmsOptions): Promise<ArmMeasures> {
  return measureRuns(validationRuns(arms, opts.posterior), opts);
}

/** Runs {@link validationRuns}' runs, as {@link runArms} describes. */
export async function measureRuns(planned: ValidationRuns, opts: MeasureOptions): Promise<ArmMeasures> {
  const { scenarios, runs } = planned;
  const measures = new Map<number, RunMeasures>();
  const failures: RunFailure[] = [];
  let done = 0;
  await executeRuns({
    plan: { scenarios, indicators: [] },
    runs,
    workers: opts.workers,
    probe: probeUrl(),
    onRecord: (record) => {
      measures.set(record.index, record.probe as RunMeasures);
      opts.onRun?.(++done, runs.length, record.key);
    },
    onFailure: (failure) => {
      failures.push(failure);
      opts.onRun?.(++done, runs.length, failure.key);
    },
  });
  if (failures.length > 0)
    throw new SimulationError(
      `validation runs failed: ${failures.map((f) => `${f.key} (seed ${f.seed}): ${f.error}`).join('; ')}`,
    );
  const out = new Map<string, RunMeasures[]>();
  for (const run of runs) {
    const m = measures.get(run.index);
    if (!m) throw new SimulationError(`validation run ${run.key} left no measures`);
    out.set(run.scenario, [...(out.get(run.scenario) ?? []), m]);
  }
  return out;
}

/** Base seeds 1..n. */
export function seedRange(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k + 1);
}
