import { describe, it, expect } from 'vitest';
import { gini } from '../../src/indicators/gini.js';
import type { WeightedSample } from '../../src/indicators/distribution.js';

function sample(values: number[], weights = values.map(() => 1), sorted = true): WeightedSample {
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), count: values.length, sorted };
}

/**
 * Independent check: the mean-absolute-difference definition, weighted,
 * G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mean); with unit weights this is
 * sum_i sum_j |x_i - x_j| / (2 n^2 mean). O(n^2), order-free.
 */
function giniByMeanDifference(values: number[], weights: number[]): number {
  let W = 0;
  let sum = 0;
  let diff = 0;
  for (let i = 0; i < values.length; i++) {
    W += weights[i];
    sum += weights[i] * values[i];
    for (let j = 0; j < values.length; j++) diff += weights[i] * weights[j] * Math.abs(values[i] - values[j]);
  }
  return diff / (2 * W * W * (sum / W));
}

/** Numerical Recipes LCG (a = 1664525, c = 1013904223, m = 2^32). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

describe('gini', () => {
  it('Gini of [1, 2, 3, 4] = 0.25 (by hand: sum|xi-xj| = 20, 20 / (2 * 16 * 2.5))', () => {
    expect(gini(sample([1, 2, 3, 4]))).toBeCloseTo(0.25, 15);
  });

  it('equal values -> 0', () => {
    expect(gini(sample([7, 7, 7, 7, 7]))).toBe(0);
    expect(gini(sample([123_456.789, 123_456.789, 123_456.789], [3, 1, 4]))).toBe(0);
  });

  it.each([2, 3, 10, 1000])('one person of n = %i holding everything -> (n-1)/n', (n) => {
    const values = Array.from({ length: n }, (_, i) => (i === n - 1 ? 500 : 0));
    expect(gini(sample(values))).toBeCloseTo((n - 1) / n, 12);
  });

  it('weights [2, 1] on [1, 3] equal unweighted [1, 1, 3] (repetition; both 4/15 by hand)', () => {
    const weighted = gini(sample([1, 3], [2, 1]));
    expect(weighted).toBeCloseTo(gini(sample([1, 1, 3])), 15);
    expect(weighted).toBeCloseTo(4 / 15, 15);
  });

  it('matches the mean-absolute-difference formula on seeded random weighted data', () => {
    const r = lcg(2024);
    for (let round = 0; round < 5; round++) {
      const n = 50 + round * 37;
      const values = Array.from({ length: n }, () => Math.exp(13 + 2 * (r() - 0.5))).sort((a, b) => a - b);
      const weights = values.map(() => 1 + Math.floor(r() * 8));
      expect(gini(sample(values, weights))).toBeCloseTo(giniByMeanDifference(values, weights), 12);
    }
  });

  it('matches the mean-absolute-difference formula with unit weights and ties', () => {
    const values = [0, 1, 1, 2, 5, 5, 5, 9];
    expect(gini(sample(values))).toBeCloseTo(
      giniByMeanDifference(
        values,
        values.map(() => 1),
      ),
      14,
    );
  });

  it('returns 0 for an empty sample and for an all-zero total', () => {
    expect(gini(sample([]))).toBe(0);
    expect(gini(sample([0, 0, 0]))).toBe(0);
  });

  it('ignores entries past count', () => {
    const s: WeightedSample = {
      values: Float64Array.of(1, 2, 3, 4, 1e9),
      weights: Float64Array.of(1, 1, 1, 1, 1),
      count: 4,
      sorted: true,
    };
    expect(gini(s)).toBeCloseTo(0.25, 15);
  });

  it('throws a plain Error on a sample not marked sorted', () => {
    expect(() => gini(sample([1, 2], [1, 1], false))).toThrow(Error);
  });
});
