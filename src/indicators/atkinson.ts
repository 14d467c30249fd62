import type { WeightedSample } from './distribution.js';
import { FIGURE, sampleFigures } from './welfareFigures.js';

/**
 * Person-weighted Atkinson inequality index, share 0..1 (Atkinson 1970): the share of
 * the mean that could be given up, with the remainder shared equally, without lowering
 * welfare. epsilon is inequality aversion (0 none; 0.5, 1 and 2 are common).
 *
 * epsilon = 1: A = 1 - geometric mean / mean.
 * otherwise:   A = 1 - (weighted mean of x^(1-epsilon))^(1/(1-epsilon)) / mean.
 *
 * Non-positive values: for epsilon >= 1 a person with a value <= 0 drives the
 * generalized mean to 0 (log 0 = -inf, 0^(negative) = inf), so the index is 1. For
 * epsilon < 1 zeros are fine but negative values have no real power, so the result is
 * NaN. Entries with zero weight are ignored. Returns 0 for a sample with no persons and
 * for an all-zero sample with epsilon < 1 (everyone equal).
 *
 * Two passes (mean, then the power mean of x / mean), no allocation, no sorting needed.
 * Dividing by the mean before raising to 1 - epsilon keeps the powers near 1, so
 * rupiah-sized values (around 1e6) do not overflow or underflow for large epsilon.
 *
 * @param sample per-capita welfare, e.g. rupiah per person per month
 * @param epsilon inequality aversion, finite and >= 0
 *
 * @example
 * const s = { values: Float64Array.of(1, 4), weights: Float64Array.of(1, 1), count: 2, sorted: true };
 * atkinson(s, 1); // 1 - 2 / 2.5 = 0.2
 * atkinson(s, 2); // 1 - 1.6 / 2.5 = 0.36 (harmonic mean 1.6)
 */
export function atkinson(sample: WeightedSample, epsilon: number): number {
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) {
    throw new RangeError(`atkinson: epsilon must be a finite number >= 0, got ${epsilon}`);
  }
  const figures = sampleFigures(sample, { full: true, line: 1, alpha: 2, epsilon });
  return figures[epsilon === 1 ? FIGURE.atkinson1 : FIGURE.atkinsonEpsilon];
}
