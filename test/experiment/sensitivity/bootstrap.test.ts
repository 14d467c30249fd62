import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import {
  bootstrapIntervals,
  bootstrapOptionProblems,
  percentileInterval,
  resampleIndices,
} from '../../../src/experiment/sensitivity/bootstrap.js';

describe('bootstrap', () => {
  it('takes percentile intervals with R type-7 quantiles and ignores degenerate draws', () => {
    // quantile(1:5, c(0.25, 0.75), type = 7) in R is 2, 4.
    expect(percentileInterval([5, 1, 4, 2, 3], 0.5)).toEqual([2, 4]);
    expect(percentileInterval([NaN, 5, 1, 4, Infinity, 2, 3], 0.5)).toEqual([2, 4]);
    expect(percentileInterval([NaN])).toEqual([NaN, NaN]);
  });

  it('resamples indices with replacement, reproducibly', () => {
    const idx = resampleIndices(50, createRng(1));
    expect(idx).toHaveLength(50);
    expect([...idx].every((k) => k >= 0 && k < 50)).toBe(true);
    expect(new Set(idx).size).toBeLessThan(50);
    expect(resampleIndices(50, createRng(1))).toEqual(idx);
  });

  it('covers the mean of a normal sample about as wide as theory says', () => {
    // For n = 400 draws of N(0,1) the 95% interval of the mean is about ±1.96/20 ≈ ±0.098.
    const rng = createRng(3);
    const x = Array.from({ length: 400 }, () => rng.normal());
    const m = (idx: Uint32Array) => [Array.from(idx, (k) => x[k]).reduce((s, v) => s + v, 0) / idx.length];
    const { lower, upper } = bootstrapIntervals(x.length, m, { rng: createRng(4), resamples: 2000 });
    expect(upper[0] - lower[0]).toBeGreaterThan(0.17);
    expect(upper[0] - lower[0]).toBeLessThan(0.23);
  });

  it('validates the resample count and level', () => {
    expect(bootstrapOptionProblems({})).toEqual([]);
    expect(bootstrapOptionProblems({ resamples: 2.5, level: 1 }).map((p) => p.path)).toEqual(['resamples', 'level']);
  });
});
