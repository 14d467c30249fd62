import type { WeightedSample } from './distribution.js';
import { FIGURE, sampleFigures } from './welfareFigures.js';

const MEAN_MEDIAN = { full: false, line: 1, alpha: 2, epsilon: 2 } as const;

/**
 * Person-weighted mean of a sample: sum(w * x) / sum(w), in the unit of the values
 * (e.g. rupiah per person per month). Needs no sorting; one pass, no allocation.
 *
 * Returns NaN when the sample holds no persons (total weight 0): there is no mean to
 * report, and NaN shows that in the output instead of a plausible-looking 0.
 *
 * @example
 * // Two households: 4 persons at 100, 1 person at 600 -> (400 + 600) / 5 = 200
 * weightedMean({ values: Float64Array.of(100, 600), weights: Float64Array.of(4, 1), count: 2, sorted: true }); // 200
 */
export function weightedMean(sample: WeightedSample): number {
  return sampleFigures(sample, MEAN_MEDIAN)[FIGURE.mean];
}
