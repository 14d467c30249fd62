import { describe, it, expect } from 'vitest';
import { atkinson } from '../../src/indicators/atkinson.js';
import type { WeightedSample } from '../../src/indicators/distribution.js';

function sample(values: number[], weights = values.map(() => 1)): WeightedSample {
  return {
    values: Float64Array.from(values),
    weights: Float64Array.from(weights),
    count: values.length,
    sorted: false,
  };
}

describe('atkinson', () => {
  it.each([0, 0.5, 1, 2, 5])('equal incomes -> 0 (epsilon %s)', (eps) => {
    expect(atkinson(sample([250_000, 250_000, 250_000], [1, 4, 2]), eps)).toBeCloseTo(0, 14);
  });

  it('[1, 4], epsilon 1: 1 - geometric mean 2 / mean 2.5 = 0.2 (by hand)', () => {
    expect(atkinson(sample([1, 4]), 1)).toBeCloseTo(0.2, 15);
  });

  it('[1, 4], epsilon 2: 1 - harmonic mean 1.6 / mean 2.5 = 0.36 (by hand)', () => {
    expect(atkinson(sample([1, 4]), 2)).toBeCloseTo(0.36, 15);
  });

  it('[1, 4], epsilon 0.5: 1 - ((1 + 2) / 2)^2 / 2.5 = 0.1 (by hand)', () => {
    expect(atkinson(sample([1, 4]), 0.5)).toBeCloseTo(0.1, 15);
  });

  it('epsilon 0 (no inequality aversion) -> 0 for any positive sample', () => {
    expect(atkinson(sample([1, 4, 100]), 0)).toBeCloseTo(0, 15);
  });

  it('weights [2, 1] on [1, 4] equal unweighted [1, 1, 4] (repetition)', () => {
    for (const eps of [0.5, 1, 2]) {
      expect(atkinson(sample([1, 4], [2, 1]), eps)).toBeCloseTo(atkinson(sample([1, 1, 4]), eps), 14);
    }
  });

  it('is scale-free: rupiah-sized values give the same index as small ones, even for epsilon 20', () => {
    for (const eps of [1, 2, 20]) {
      expect(atkinson(sample([1e6, 4e6, 2.5e6]), eps)).toBeCloseTo(atkinson(sample([1, 4, 2.5]), eps), 12);
    }
  });

  it('a zero value gives 1 for epsilon >= 1 (documented), but is fine for epsilon < 1: [0, 4], 0.5 -> 1 - 1/2 = 0.5', () => {
    expect(atkinson(sample([0, 4]), 1)).toBe(1);
    expect(atkinson(sample([0, 4]), 2)).toBe(1);
    expect(atkinson(sample([0, 4]), 0.5)).toBeCloseTo(0.5, 15);
  });

  it('a negative value gives 1 for epsilon >= 1 and NaN for epsilon < 1 (documented)', () => {
    expect(atkinson(sample([-1, 4]), 1)).toBe(1);
    expect(atkinson(sample([-1, 4]), 0.5)).toBeNaN();
  });

  it('ignores zero-weight entries, even non-positive ones', () => {
    expect(atkinson(sample([1, 4, 0], [1, 1, 0]), 1)).toBeCloseTo(0.2, 15);
  });

  it('returns 0 for a sample with no persons and for all-zero incomes with epsilon < 1', () => {
    expect(atkinson(sample([]), 1)).toBe(0);
    expect(atkinson(sample([0, 0]), 0.5)).toBe(0);
  });

  it('rejects a negative or non-finite epsilon', () => {
    expect(() => atkinson(sample([1, 4]), -0.5)).toThrow(RangeError);
    expect(() => atkinson(sample([1, 4]), Infinity)).toThrow(RangeError);
  });
});
