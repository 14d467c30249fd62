import type { WeightedSample } from './distribution.js';
import { FIGURE, sampleFigures } from './welfareFigures.js';

/** Settings for the Gini figure (the poverty line is irrelevant to it). */
const FULL = { full: true, line: 1, alpha: 2, epsilon: 2 } as const;

/**
 * Person-weighted Gini coefficient of a sorted sample, share 0..1 (0 = everyone equal).
 *
 * G = 1 - sum_i w_i (S_{i-1} + S_i) / (W * S_n), where W is the total weight and S_i the
 * cumulative sum of w * x up to i: one minus twice the area under the Lorenz curve, taken
 * as trapezoids. With unit weights this is the population Gini (no n/(n-1) correction),
 * sum_i sum_j |x_i - x_j| / (2 n^2 mean), e.g. [1,2,3,4] -> 0.25; one person of n holding
 * everything gives (n-1)/n. Integer weights act like repeating a value that many times.
 * Ties need no special order: tied trapezoids are collinear.
 *
 * Meant for non-negative values. Returns 0 for an empty sample or a zero total (nobody
 * has anything, so nothing is unequally shared) and NaN for a negative total, where the
 * Lorenz curve has no meaning. Throws if the sample is not
 * marked sorted; sort with `sortSample`.
 *
 * @example
 * gini({ values: Float64Array.of(1, 2, 3, 4), weights: Float64Array.of(1, 1, 1, 1), count: 4, sorted: true }); // 0.25
 */
export function gini(sample: WeightedSample): number {
  if (!sample.sorted) throw new Error('gini: the sample must be sorted ascending (use sortSample)');
  return sampleFigures(sample, FULL)[FIGURE.gini];
}
