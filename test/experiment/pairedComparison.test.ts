import { describe, expect, it } from 'vitest';
import { pairedComparison } from '../../src/experiment/pairedComparison.js';

describe('pairedComparison', () => {
  it('matches scipy.stats.ttest_1samp and a hand-computed CI', () => {
    // d = [1.5, -0.5, 2, 1, 0.5]: mean 0.9; squared deviations .36+1.96+1.21+.01+.16 = 3.7, sd √(3.7/4) = 0.96177;
    // t = 0.9/(0.96177/√5) = 2.092457497388747,
    // p = 0.10453999977837544 (scipy); t(0.975, 4) = 2.7764451051977934; d_z = 0.9/0.96177 = 0.93575
    const c = pairedComparison([1.5, -0.5, 2, 1, 0.5]);
    const sd = Math.sqrt(3.7 / 4);
    expect(c.n).toBe(5);
    expect(c.meanDiff).toBeCloseTo(0.9, 14);
    expect(c.sdDiff).toBeCloseTo(sd, 14);
    expect(c.t).toBeCloseTo(2.092457497388747, 12);
    expect(c.p).toBeCloseTo(0.10453999977837544, 12);
    expect(c.dz).toBeCloseTo(0.9 / sd, 12);
    const half = (2.7764451051977934 * sd) / Math.sqrt(5);
    expect(c.ciLow).toBeCloseTo(0.9 - half, 12);
    expect(c.ciHigh).toBeCloseTo(0.9 + half, 12);
  });

  it('reports exactly zero and p = 1 when every difference is zero', () => {
    expect(pairedComparison([0, 0, 0, 0])).toEqual({
      n: 4,
      meanDiff: 0,
      sdDiff: 0,
      ciLow: 0,
      ciHigh: 0,
      t: 0,
      p: 1,
      dz: 0,
    });
  });

  it('reports p = 0 and an infinite effect for a constant non-zero difference', () => {
    const c = pairedComparison([2, 2, 2]);
    expect(c).toMatchObject({ meanDiff: 2, sdDiff: 0, ciLow: 2, ciHigh: 2, p: 0 });
    expect(c.t).toBe(Infinity);
    expect(c.dz).toBe(Infinity);
  });

  it('has no test with fewer than two pairs', () => {
    const c = pairedComparison([1]);
    expect(c.meanDiff).toBe(1);
    expect(c.p).toBeNaN();
  });
});
