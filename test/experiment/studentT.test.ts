import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../src/experiment/incompleteBeta.js';
import { logGamma } from '../../src/experiment/logGamma.js';
import { studentTCdf, studentTQuantile, studentTTwoSidedP } from '../../src/experiment/studentT.js';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    // ln 9! = ln 362880; ln Γ(1/2) = ln √π
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(1)).toBeCloseTo(0, 13);
    // scipy.special.gammaln(100.5) = 361.43554046777757
    expect(logGamma(100.5)).toBeCloseTo(361.43554046777757, 9);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b
    expect(regularizedIncompleteBeta(0.3, 4, 1)).toBeCloseTo(0.3 ** 4, 14);
    expect(regularizedIncompleteBeta(0.3, 1, 5)).toBeCloseTo(1 - 0.7 ** 5, 14);
    // I_0.3(2, 3) = P(Binomial(4, 0.3) >= 2) = 1 - 0.7^4 - 4·0.3·0.7^3 = 0.3483, by hand
    expect(regularizedIncompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 13);
    // symmetry: I_0.5(a, a) = 1/2
    expect(regularizedIncompleteBeta(0.5, 0.5, 0.5)).toBeCloseTo(0.5, 13);
  });

  it('matches scipy.special.betainc', () => {
    expect(regularizedIncompleteBeta(0.9, 10, 0.5)).toBeCloseTo(0.15164090963470994, 12);
    expect(regularizedIncompleteBeta(0.01, 0.5, 14.5)).toBeCloseTo(0.4075167169841513, 12);
    expect(regularizedIncompleteBeta(0.7, 50, 40)).toBeCloseTo(0.9979524488148462, 12);
  });

  it('is 0 and 1 at the ends', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('studentTCdf', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    for (const t of [-8, -1.5, -0.2, 0, 0.7, 3, 40]) {
      // df 1 is the Cauchy distribution; df 2: F(t) = 1/2 + t / (2 √(2 + t²))
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it('matches R pt / scipy.stats.t.cdf', () => {
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490302605850708, 12);
    expect(studentTCdf(0.5, 3)).toBeCloseTo(0.6742760175759245, 12);
    expect(studentTCdf(-1.3, 12)).toBeCloseTo(0.10900858554175706, 12);
    expect(studentTCdf(3.1, 29)).toBeCloseTo(0.9978609088132222, 12);
    expect(studentTCdf(1.96, 1000)).toBeCloseTo(0.9748634075221256, 11);
  });

  it('gives two-sided p-values', () => {
    // scipy.stats.ttest_1samp([1.5, -0.5, 2, 1, 0.5], 0): t 2.092457497388747, p 0.10453999977837544
    expect(studentTTwoSidedP(2.092457497388747, 4)).toBeCloseTo(0.10453999977837544, 12);
    expect(studentTTwoSidedP(-2.092457497388747, 4)).toBeCloseTo(0.10453999977837544, 12);
    expect(studentTTwoSidedP(0, 7)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 7)).toBe(0);
  });
});

describe('studentTQuantile', () => {
  it('matches published t tables (two-sided 95%, 3 decimals)', () => {
    // e.g. NIST/SEMATECH e-Handbook table 1.3.6.7.2, upper 0.025 critical values
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [4, 2.776],
      [5, 2.571],
      [9, 2.262],
      [10, 2.228],
      [29, 2.045],
      [30, 2.042],
      [100, 1.984],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
  });

  it('matches scipy.stats.t.ppf to 12 digits', () => {
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 12);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157162798205, 12);
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.1318467863266495, 12);
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909309733355, 11);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623390808264083, 10);
  });

  it('matches the closed forms for df 1 and 2, and is symmetric', () => {
    for (const p of [0.01, 0.2, 0.5, 0.9, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 11);
      expect(studentTQuantile(1 - p, 7)).toBeCloseTo(-studentTQuantile(p, 7), 12);
    }
  });

  it('inverts the CDF', () => {
    for (const df of [1.5, 3, 17, 250]) {
      for (const p of [0.001, 0.3, 0.8, 0.9999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });
});
