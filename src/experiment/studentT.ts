import { regularizedIncompleteBeta } from './incompleteBeta.js';

/*
 * The Student t distribution with `df` degrees of freedom (df > 0, not necessarily an
 * integer). simple-statistics has neither its CDF nor its quantile, so both are here.
 *
 * For t >= 0 the upper tail is P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2)
 * (Abramowitz & Stegun 26.7.1 via 26.5.27); everything below is computed on that tail, so
 * small p-values keep their relative precision.
 */

/** Upper tail P(T > |t|), in [0, 0.5]. */
function upperTail(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Cumulative distribution function P(T <= t).
 *
 * @example studentTCdf(2, 5) // => 0.94903026 (R: pt(2, 5))
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const tail = upperTail(t, df);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Two-sided p-value of a t statistic: P(|T| >= |t|).
 *
 * @example studentTTwoSidedP(2.0924575, 4) // => 0.10454 (scipy ttest_1samp of [1.5, -0.5, 2, 1, 0.5])
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  return Math.min(1, 2 * upperTail(Math.abs(t), df));
}

/**
 * Quantile (inverse CDF): the t with P(T <= t) = p, for 0 < p < 1.
 *
 * Found by bisection on the upper tail (a monotone function of t), bracketed by
 * doubling; 200 halvings reach the spacing of doubles, so the result is as accurate as
 * the incomplete beta function (about 14 significant digits).
 *
 * @example studentTQuantile(0.975, 29) // => 2.0452296 (t tables: 2.045)
 * @example studentTQuantile(0.975, 9)  // => 2.2621572 (t tables: 2.262)
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  if (p === 0.5) return 0;
  // Summaries ask for the same quantile (one level, one df) for every indicator and month:
  // the last answer is kept (a bisection of up to 200 incomplete-beta evaluations each).
  if (p === last.p && df === last.df) return last.q;
  const q = bisectQuantile(p, df);
  last.p = p;
  last.df = df;
  last.q = q;
  return q;
}

/** The last quantile {@link studentTQuantile} computed, and its arguments. */
const last = { p: Number.NaN, df: Number.NaN, q: Number.NaN };

function bisectQuantile(p: number, df: number): number {
  const tail = p > 0.5 ? 1 - p : p;
  const sign = p > 0.5 ? 1 : -1;
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return sign * Number.POSITIVE_INFINITY;
  }
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (upperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return sign * 0.5 * (lo + hi);
}
