/**
 * A person-weighted sample of a per-capita welfare measure (e.g. real consumption per
 * capita, rupiah per person per month).
 *
 * Households are the rows; each carries its per-capita value and its number of persons,
 * so every statistic computed from a sample is per person, not per household.
 *
 * @example
 * const sample: WeightedSample = {
 *   values: Float64Array.of(100_000, 250_000), // rupiah per person per month
 *   weights: Float64Array.of(4, 2), // persons
 *   count: 2,
 *   sorted: true,
 * };
 */
export interface WeightedSample {
  /** Values; sorted ascending when `sorted` is true. Only the first `count` entries are used. */
  readonly values: Float64Array;
  /** Weights (persons per household), aligned with values; >= 0 (the indicators throw a RangeError otherwise). */
  readonly weights: Float64Array;
  readonly count: number;
  readonly sorted: boolean;
}
