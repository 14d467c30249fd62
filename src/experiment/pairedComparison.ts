import { mean, sampleStandardDeviation } from 'simple-statistics';
import { CI_LEVEL } from './describeSample.js';
import { studentTQuantile, studentTTwoSidedP } from './studentT.js';

/** A paired comparison of a strategy with the baseline over replicates that share seeds. */
export interface PairedComparison {
  /** Pairs (replicates where both runs finished with finite values). */
  readonly n: number;
  /** Mean of the differences strategy - baseline. */
  readonly meanDiff: number;
  readonly sdDiff: number;
  /** 95% CI of the mean difference: meanDiff ± t(0.975, n-1)·sdDiff/√n. */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Paired t statistic meanDiff / (sdDiff/√n), with n - 1 degrees of freedom. */
  readonly t: number;
  /** Two-sided p-value of the paired t-test. */
  readonly p: number;
  /** Effect size: Cohen's d_z = meanDiff / sdDiff. */
  readonly dz: number;
}

/**
 * Paired t-test, CI and effect size of differences (one per replicate).
 *
 * Degenerate cases, where the formulas divide 0 by 0:
 * - every difference exactly zero (a strategy compared with itself under common random
 *   numbers): t = 0, p = 1, d_z = 0 and the CI is [0, 0] - there is no difference;
 * - every difference the same non-zero value: t and d_z are ±Infinity, p = 0 and the
 *   CI is [d, d] (written as null in JSON);
 * - fewer than two pairs: sd, CI, t, p and d_z are NaN.
 *
 * @example pairedComparison([1.5, -0.5, 2, 1, 0.5]) // => t 2.0925, p 0.10454 (scipy ttest_1samp)
 */
export function pairedComparison(differences: readonly number[]): PairedComparison {
  const d = differences.filter(Number.isFinite);
  const n = d.length;
  if (n === 0) return { n, meanDiff: NaN, sdDiff: NaN, ciLow: NaN, ciHigh: NaN, t: NaN, p: NaN, dz: NaN };
  const m = mean(d);
  if (n < 2) return { n, meanDiff: m, sdDiff: NaN, ciLow: NaN, ciHigh: NaN, t: NaN, p: NaN, dz: NaN };
  const sd = sampleStandardDeviation(d);
  if (sd === 0) {
    const zero = d.every((x) => x === 0);
    const inf = zero ? 0 : Math.sign(d[0]) * Infinity;
    return {
      n,
      meanDiff: zero ? 0 : d[0],
      sdDiff: 0,
      ciLow: zero ? 0 : d[0],
      ciHigh: zero ? 0 : d[0],
      t: inf,
      p: zero ? 1 : 0,
      dz: inf,
    };
  }
  const se = sd / Math.sqrt(n);
  const half = studentTQuantile(1 - (1 - CI_LEVEL) / 2, n - 1) * se;
  const t = m / se;
  return {
    n,
    meanDiff: m,
    sdDiff: sd,
    ciLow: m - half,
    ciHigh: m + half,
    t,
    p: studentTTwoSidedP(t, n - 1),
    dz: m / sd,
  };
}
