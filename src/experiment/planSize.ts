import type { InputProblem } from '../core/errors.js';
import type { Scenario } from '../scenario/schema.js';

/*
 * A plan's size is checked before it is expanded: a sweep of 3 x 10,000 steps with
 * 100,000 replicates, or a Sobol' design with N = 2^20, would exhaust memory (or hang)
 * while building its list of runs, long before the first run.
 */

/** Default cap on a plan's work, household-months (runs x months x households): about a day on 2 cores at the benchmark's speed. */
export const DEFAULT_MAX_WORK = 1e12;
/** Most runs a plan may list: plan.json and the run list must fit in memory. */
export const MAX_PLAN_RUNS = 2_000_000;
/** The flag that raises the cap. */
export const MAX_WORK_FLAG = '--max-work';

/** Household-months of one run of a scenario. */
export function runWork(scenario: Pick<Scenario, 'regions'>, months: number): number {
  return months * scenario.regions.reduce((sum, r) => sum + r.households, 0);
}

/**
 * The problem (or none) of a plan of `runs` runs that simulate `work` household-months in
 * all, under a cap of `maxWork`. `what` says how the count arises (`3 scenarios x 30
 * replicates`).
 */
export function planSizeProblem(runs: number, work: number, maxWork: number, what: string): InputProblem | undefined {
  if (runs > MAX_PLAN_RUNS)
    return {
      path: '(plan)',
      message: `has ${formatCount(runs)} runs (${what}); a plan lists at most ${formatCount(MAX_PLAN_RUNS)}: use fewer replicates, points or steps`,
    };
  if (work > maxWork)
    return {
      path: '(plan)',
      message: `would simulate ${formatCount(work)} household-months (${what}), more than the cap of ${formatCount(maxWork)}: use fewer runs, months or households, or raise the cap with ${MAX_WORK_FLAG} <n>`,
    };
  return undefined;
}

/** Parses --max-work (a positive number, e.g. 1e13); undefined when not given. */
export function maxWorkFlag(raw: string | undefined, problems: InputProblem[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(Number.isFinite(n) && n >= 1)) {
    problems.push({ path: MAX_WORK_FLAG, message: 'must be a number of household-months, at least 1', found: raw });
    return undefined;
  }
  return n;
}

function formatCount(n: number): string {
  return n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(2);
}
