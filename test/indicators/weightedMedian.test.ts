import { describe, it, expect } from 'vitest';
import { weightedMedian } from '../../src/indicators/weightedMedian.js';
import type { WeightedSample } from '../../src/indicators/distribution.js';

function sample(values: number[], weights = values.map(() => 1), sorted = true): WeightedSample {
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), count: values.length, sorted };
}

describe('weightedMedian', () => {
  it('[1, 2, 3] -> 2 (ordinary median, odd count)', () => {
    expect(weightedMedian(sample([1, 2, 3]))).toBe(2);
  });

  it('[1, 2, 3, 4] -> 2.5 (ordinary median, even count: mean of the middle two)', () => {
    expect(weightedMedian(sample([1, 2, 3, 4]))).toBe(2.5);
  });

  it('weights [1, 1, 5] on [1, 2, 3] -> 3 (cumulative 1, 2, 7 first passes 7/2 at 3)', () => {
    expect(weightedMedian(sample([1, 2, 3], [1, 1, 5]))).toBe(3);
  });

  it('weights [2, 2] on [1, 3] -> 2, like the ordinary median of [1, 1, 3, 3] (repetition)', () => {
    expect(weightedMedian(sample([1, 3], [2, 2]))).toBe(2);
  });

  it('weights [3, 1] on [1, 3] -> 1, like the ordinary median of [1, 1, 1, 3] (repetition)', () => {
    expect(weightedMedian(sample([1, 3], [3, 1]))).toBe(1);
  });

  it('ties: [1, 2, 2, 3] -> 2 (ordinary median)', () => {
    expect(weightedMedian(sample([1, 2, 2, 3]))).toBe(2);
  });

  it('skips zero-weight values: [1, 2, 3] with weights [1, 0, 1] -> 2, the median of [1, 3]', () => {
    expect(weightedMedian(sample([1, 2, 3], [1, 0, 1]))).toBe(2);
  });

  it('is NaN when there are no persons', () => {
    expect(weightedMedian(sample([]))).toBeNaN();
  });

  it('throws a plain Error on a sample not marked sorted', () => {
    expect(() => weightedMedian(sample([1, 2, 3], [1, 1, 1], false))).toThrow(Error);
  });
});
