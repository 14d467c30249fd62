import { describe, expect, it } from 'vitest';
import { describeSample } from '../../src/experiment/describeSample.js';

describe('describeSample', () => {
  it('gives the t-based 95% CI computed by hand', () => {
    // [2, 4, 4, 5, 7, 8]: mean 30/6 = 5; squared deviations 9+1+1+0+4+9 = 24, sd = √(24/5) = 2.19089;
    // t(0.975, 5) = 2.571 (tables; 2.5705818356363146 from scipy), half-width 2.5705818·2.19089/√6 = 2.29920.
    // scipy.stats.t.interval(0.95, 5, loc=5, scale=sem) = (2.7008017095164036, 7.299198290483597).
    const s = describeSample([2, 4, 4, 5, 7, 8]);
    expect(s.n).toBe(6);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(24 / 5), 14);
    const half = (2.5705818356363146 * Math.sqrt(24 / 5)) / Math.sqrt(6);
    expect(s.ciLow).toBeCloseTo(5 - half, 12);
    expect(s.ciHigh).toBeCloseTo(5 + half, 12);
    expect(s.ciLow).toBeCloseTo(2.7008017095164036, 12);
    expect(s.ciHigh).toBeCloseTo(7.299198290483597, 12);
  });

  it('gives R type-7 percentiles', () => {
    // quantile(c(2,4,4,5,7,8), c(.05,.5,.95)) in R: 2.5, 4.5, 7.75 (position (n-1)p: 0.25, 2.5, 4.75)
    const s = describeSample([8, 2, 4, 7, 5, 4]);
    expect(s.p5).toBeCloseTo(2.5, 14);
    expect(s.p50).toBeCloseTo(4.5, 14);
    expect(s.p95).toBeCloseTo(7.75, 14);
  });

  it('has no sd or CI for one value, and leaves non-finite values out', () => {
    const one = describeSample([3]);
    expect(one).toMatchObject({ n: 1, mean: 3, p50: 3 });
    expect(one.sd).toBeNaN();
    expect(one.ciLow).toBeNaN();
    expect(describeSample([1, NaN, 3]).n).toBe(2);
    expect(describeSample([]).mean).toBeNaN();
  });

  it('has a zero-width CI for a constant sample', () => {
    const s = describeSample([4, 4, 4]);
    expect([s.sd, s.ciLow, s.ciHigh]).toEqual([0, 4, 4]);
  });
});
