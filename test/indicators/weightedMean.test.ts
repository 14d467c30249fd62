import { describe, it, expect } from 'vitest';
import { weightedMean } from '../../src/indicators/weightedMean.js';
import type { WeightedSample } from '../../src/indicators/distribution.js';

function sample(values: number[], weights = values.map(() => 1), count = values.length): WeightedSample {
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), count, sorted: false };
}

describe('weightedMean', () => {
  it('mean of [1, 2, 3, 4] = 2.5 (by hand)', () => {
    expect(weightedMean(sample([1, 2, 3, 4]))).toBe(2.5);
  });

  it('4 persons at 100 and 1 at 600 -> (400 + 600) / 5 = 200 (by hand)', () => {
    expect(weightedMean(sample([100, 600], [4, 1]))).toBe(200);
  });

  it('weights [2, 1] on [1, 3] equal unweighted [1, 1, 3] -> 5/3 (repetition)', () => {
    expect(weightedMean(sample([1, 3], [2, 1]))).toBeCloseTo(5 / 3, 15);
  });

  it('ignores entries past count', () => {
    expect(weightedMean(sample([2, 4, 1000], [1, 1, 1], 2))).toBe(3);
  });

  it('is NaN when there are no persons', () => {
    expect(weightedMean(sample([]))).toBeNaN();
    expect(weightedMean(sample([5], [0]))).toBeNaN();
  });
});
