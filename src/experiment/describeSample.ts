import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { meanInterval, type IntervalMethod } from './meanInterval.js';

/** Summary statistics of one sample (one indicator, month, scenario and design point over replicates). */
export interface SampleStats {
  /** Replicates with a finite value. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator); NaN when n < 2. */
  readonly sd: number;
  /**
   * 95% confidence interval of the mean: mean ± t(0.975, n-1)·sd/√n, kept inside the
   * quantity's range ({@link meanInterval}); NaN when n < 2.
   */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** How the interval was made (t, t-logit, t-clipped or none). */
  readonly ciMethod: IntervalMethod;
  /** 5th, 50th and 95th percentiles (simple-statistics' quantile: linear interpolation, R type 7). */
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** Confidence level of every interval kopsim reports. */
export const CI_LEVEL = 0.95;

/**
 * Mean, sd, t-based 95% CI and percentiles of a sample. Non-finite values (an indicator
 * undefined in a run) are left out and not counted in n. `range` is the values the
 * quantity can take (e.g. [0, 1] for a share, from indicatorRange): the interval stays
 * inside it (logit scale when bounded on both sides, clipped when bounded below).
 *
 * @example describeSample([2, 4, 4, 5, 7, 8])
 * // => n 6, mean 5, sd 2.19089, CI [2.70080, 7.29920] (scipy stats.t.interval(0.95, 5, 5, sem))
 */
export function describeSample(
  values: readonly number[],
  range: readonly [number, number] = [-Infinity, Infinity],
): SampleStats {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, ciMethod: 'none', p5: NaN, p50: NaN, p95: NaN };
  const m = mean(xs);
  const sd = n >= 2 ? sampleStandardDeviation(xs) : NaN;
  const ci = meanInterval(xs, range, CI_LEVEL);
  const sorted = xs.slice().sort((a, b) => a - b);
  return {
    n,
    mean: m,
    sd,
    ciLow: ci.lower,
    ciHigh: ci.upper,
    ciMethod: ci.method,
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}
