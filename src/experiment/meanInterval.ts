import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './studentT.js';

/**
 * How an interval of a mean over replicates was made (written beside it in reports and
 * CSV files):
 * - `t`: mean ± t(n-1)·sd/√n, for quantities without bounds (differences, Shapley values);
 * - `t-logit`: the t interval on the logit scale of a quantity bounded on both sides
 *   (shares, indices), by the delta method, mapped back: it stays inside the bounds and is
 *   skewed away from the nearer one;
 * - `t-clipped`: the t interval with its lower end raised to the bound, for quantities that
 *   cannot be negative (counts, rupiah flows); a true mean is never below the bound, so
 *   clipping never lowers coverage;
 * - `none`: fewer than two replicates, no interval.
 */
export type IntervalMethod = 't' | 't-logit' | 't-clipped' | 'none';

/** The mean of replicate values with its confidence interval. */
export interface MeanInterval {
  /** Replicates with a finite value. */
  readonly n: number;
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly method: IntervalMethod;
}

/** Replicates below which every command warns that intervals are unreliable. */
export const MIN_RELIABLE_REPLICATES = 10;

/**
 * The mean of replicate values (non-finite ones left out) and its `level` confidence
 * interval, kept inside `range`. Values must be independent replicates (seeds differ).
 *
 * @example meanInterval([2, 4, 4, 5, 7, 8]) // => mean 5, [2.7008, 7.2992], method 't'
 * @example meanInterval([0.1, 0.2, 0.15], [0, 1]).lower > 0 // => true
 */
export function meanInterval(
  values: readonly number[],
  range: readonly [number, number] = [-Infinity, Infinity],
  level = 0.95,
): MeanInterval {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, lower: NaN, upper: NaN, method: 'none' };
  const m = mean(xs);
  if (n < 2) return { n, mean: m, lower: NaN, upper: NaN, method: 'none' };
  // Values outside the stated range mean the range does not apply: plain t.
  const [lo, hi] = xs.some((x) => x < range[0] || x > range[1]) ? [-Infinity, Infinity] : range;
  const se = sampleStandardDeviation(xs) / Math.sqrt(n);
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    const width = hi - lo;
    const p = (m - lo) / width;
    // At a bound every replicate is there (or sd is 0): the interval is the point.
    if (se === 0 || p <= 0 || p >= 1) return { n, mean: m, lower: m, upper: m, method: 't-logit' };
    const centre = Math.log(p / (1 - p));
    const half = (t * se) / width / (p * (1 - p));
    const expit = (x: number): number => 1 / (1 + Math.exp(-x));
    return {
      n,
      mean: m,
      lower: lo + width * expit(centre - half),
      upper: lo + width * expit(centre + half),
      method: 't-logit',
    };
  }
  const lower = m - t * se;
  const upper = m + t * se;
  if (Number.isFinite(lo)) return { n, mean: m, lower: Math.max(lo, lower), upper, method: 't-clipped' };
  return { n, mean: m, lower, upper, method: 't' };
}
