import type { WeightedSample } from './distribution.js';
import { checkPovertyLine, FIGURE, sampleFigures } from './welfareFigures.js';

/**
 * Foster-Greer-Thorbecke poverty measure P_alpha, share 0..1 of persons
 * (Foster, Greer and Thorbecke 1984):
 *
 * P_alpha = (1/W) sum_{x_i < z} w_i ((z - x_i) / z)^alpha
 *
 * alpha 0 is the headcount share P0, 1 the poverty gap P1, 2 the severity P2. A person
 * is poor when strictly below the line. Needs no sorting; one pass, no allocation.
 * Returns 0 for a sample with no persons (nobody is poor). Values below 0 would give
 * gaps above 1, so the 0..1 range holds for non-negative values.
 *
 * @param sample per-capita welfare, e.g. rupiah per person per month
 * @param povertyLine z, in the unit of the values (rupiah per person per month); > 0
 * @param alpha poverty aversion, >= 0 (0, 1 and 2 are the usual choices)
 *
 * @example
 * const s = { values: Float64Array.of(50, 100, 150, 200), weights: Float64Array.of(1, 1, 1, 1), count: 4, sorted: false };
 * fgt(s, 120, 0); // 0.5
 * fgt(s, 120, 1); // (70/120 + 20/120) / 4 = 0.1875
 */
export function fgt(sample: WeightedSample, povertyLine: number, alpha: number): number {
  checkPovertyLine(povertyLine);
  if (!(alpha >= 0) || !Number.isFinite(alpha)) {
    throw new RangeError(`fgt: alpha must be a finite number >= 0, got ${alpha}`);
  }
  const figures = sampleFigures(sample, { full: true, line: povertyLine, alpha, epsilon: 2 });
  return figures[alpha === 0 ? FIGURE.p0 : alpha === 1 ? FIGURE.p1 : FIGURE.pAlpha];
}
