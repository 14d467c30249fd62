import type { WeightedSample } from './distribution.js';
import { FIGURE, sampleFigures } from './welfareFigures.js';

const MEAN_MEDIAN = { full: false, line: 1, alpha: 2, epsilon: 2 } as const;

/**
 * Person-weighted median of a sorted sample, in the unit of the values.
 *
 * Convention: the smallest value at which the cumulative weight reaches half the total
 * weight. When the cumulative weight lands exactly on half (as it does for an even number
 * of equal weights), the result is the mean of that value and the next value with
 * positive weight, so equal weights give the ordinary median ([1,2,3,4] -> 2.5).
 * "Exactly" is a floating-point equality; with integer weights (persons) it is exact.
 *
 * Two passes (total weight, then the cumulative walk), no allocation. Returns NaN when
 * the sample holds no persons. Throws if the sample is not marked sorted, because a
 * median read from unsorted data would be silently wrong; sort with `sortSample`.
 *
 * @example
 * weightedMedian({ values: Float64Array.of(1, 2, 3), weights: Float64Array.of(1, 1, 5), count: 3, sorted: true }); // 3
 */
export function weightedMedian(sample: WeightedSample): number {
  if (!sample.sorted) throw new Error('weightedMedian: the sample must be sorted ascending (use sortSample)');
  return sampleFigures(sample, MEAN_MEDIAN)[FIGURE.median];
}
