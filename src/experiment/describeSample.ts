import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './studentT.js';

/** Summary statistics of one sample (one indicator, month, scenario and design point over replicates). */
export interface SampleStats {
  /** Replicates with a finite value. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator); NaN when n < 2. */
  readonly sd: number;
  /** 95% confidence interval of the mean: mean ± t(0.975, n-1)·sd/√n; NaN when n < 2. */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** 5th, 50th and 95th percentiles (simple-statistics' quantile: linear interpolation, R type 7). */
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** Confidence level of every interval kopsim reports. */
export const CI_LEVEL = 0.95;

/**
 * Mean, sd, t-based 95% CI and percentiles of a sample. Non-finite values (an indicator
 * undefined in a run) are left out and not counted in n.
 *
 * @example describeSample([2, 4, 4, 5, 7, 8])
 * // => n 6, mean 5, sd 2.19089, CI [2.70080, 7.29920] (scipy stats.t.interval(0.95, 5, 5, sem))
 */
export function describeSample(values: readonly number[]): SampleStats {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, p5: NaN, p50: NaN, p95: NaN };
  const m = mean(xs);
  const sd = n >= 2 ? sampleStandardDeviation(xs) : NaN;
  const half = n >= 2 ? (studentTQuantile(1 - (1 - CI_LEVEL) / 2, n - 1) * sd) / Math.sqrt(n) : NaN;
  const sorted = xs.slice().sort((a, b) => a - b);
  return {
    n,
    mean: m,
    sd,
    ciLow: m - half,
    ciHigh: m + half,
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}
