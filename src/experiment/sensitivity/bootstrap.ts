import { quantile } from 'simple-statistics';
import type { InputProblem } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';

/** Options shared by every bootstrap confidence interval in the sensitivity analyses. */
export interface BootstrapOptions {
  /** The random source for drawing resamples; passed in so intervals are reproducible. */
  readonly rng: Rng;
  /** Number of bootstrap resamples; 1000 by default. */
  readonly resamples?: number;
  /** Coverage of the interval, 0..1; 0.95 by default. */
  readonly level?: number;
}

/** Lower and upper percentile-bootstrap bounds, one pair per statistic. */
export interface BootstrapIntervals {
  readonly lower: number[];
  readonly upper: number[];
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_LEVEL = 0.95;

/**
 * Problems with the resample count and coverage level, each with its path.
 *
 * @example bootstrapOptionProblems({ resamples: 0 }) // => [{ path: 'resamples', ... }]
 */
export function bootstrapOptionProblems(options: { resamples?: number; level?: number }): InputProblem[] {
  const problems: InputProblem[] = [];
  const { resamples, level } = options;
  if (resamples !== undefined && !(Number.isInteger(resamples) && resamples >= 1)) {
    problems.push({ path: 'resamples', message: 'must be a positive integer', found: resamples });
  }
  if (level !== undefined && !(typeof level === 'number' && level > 0 && level < 1)) {
    problems.push({ path: 'level', message: 'must be a number strictly between 0 and 1', found: level });
  }
  return problems;
}

/**
 * Draws `count` indices in [0, count) with replacement: one bootstrap resample.
 *
 * @example resampleIndices(3, createRng(1)) // e.g. Uint32Array [2, 0, 2]
 */
export function resampleIndices(count: number, rng: Rng): Uint32Array {
  const idx = new Uint32Array(count);
  for (let k = 0; k < count; k++) idx[k] = rng.int(count);
  return idx;
}

/**
 * The percentile interval of a bootstrap distribution: its (1-level)/2 and
 * (1+level)/2 quantiles (R's type 7, via simple-statistics).
 *
 * Non-finite draws are dropped rather than poisoning the interval: a resample can
 * be degenerate (say, every drawn output equal, so a variance ratio is 0/0) even
 * when the full sample is not. With no finite draw the interval is [NaN, NaN].
 *
 * @example percentileInterval([1, 2, 3, 4, 5], 0.5) // => [2, 4]
 */
export function percentileInterval(draws: readonly number[], level: number = DEFAULT_LEVEL): [number, number] {
  const finite = draws.filter(Number.isFinite);
  if (finite.length === 0) return [NaN, NaN];
  const [lo, hi] = quantile(finite, [(1 - level) / 2, (1 + level) / 2]);
  return [lo, hi];
}

/**
 * Percentile-bootstrap intervals for a vector of statistics computed from `count`
 * exchangeable units (trajectories, Saltelli rows, replicates). The statistic is
 * given the resampled unit indices, so callers resample whole units and keep
 * whatever ties their columns together (the A/B/AB rows of one Saltelli row, or
 * one replicate's common random numbers across coalitions).
 *
 * @example
 * const rng = createRng(1);
 * const x = [1, 2, 3, 4];
 * bootstrapIntervals(x.length, (idx) => [mean(Array.from(idx, (k) => x[k]))], { rng })
 * // => { lower: [~1.5], upper: [~3.5] }
 */
export function bootstrapIntervals(
  count: number,
  statistic: (indices: Uint32Array) => readonly number[],
  options: BootstrapOptions,
): BootstrapIntervals {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_LEVEL;
  let draws: number[][] | undefined;
  for (let b = 0; b < resamples; b++) {
    const stats = statistic(resampleIndices(count, options.rng));
    draws ??= stats.map(() => new Array<number>(resamples));
    for (let s = 0; s < stats.length; s++) draws[s][b] = stats[s];
  }
  const intervals = (draws ?? []).map((d) => percentileInterval(d, level));
  return { lower: intervals.map((i) => i[0]), upper: intervals.map((i) => i[1]) };
}
