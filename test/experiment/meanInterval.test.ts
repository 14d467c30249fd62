import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/experiment/meanInterval.js';
import { locale } from '../../src/i18n/locale.js';
import { fewUnitsWarning } from '../../src/report/intervalText.js';
import { shapleyReplicates } from '../../src/experiment/sensitivity/shapleyReplicates.js';
import { indicatorRange } from '../../src/indicators/indicatorRange.js';

describe('meanInterval', () => {
  it('unbounded: the t interval (scipy stats.t.interval(0.95, 5, 5, sem))', () => {
    const ci = meanInterval([2, 4, 4, 5, 7, 8]);
    expect(ci.method).toBe('t');
    expect(ci.mean).toBe(5);
    expect(ci.lower).toBeCloseTo(2.7008, 4);
    expect(ci.upper).toBeCloseTo(7.2992, 4);
  });

  it('a share: the logit-scale interval stays inside [0, 1] where the t interval would not', () => {
    const xs = [0.682, 0.99, 0.95, 0.999, 0.9];
    expect(meanInterval(xs).upper).toBeGreaterThan(1);
    const ci = meanInterval(xs, [0, 1]);
    expect(ci.method).toBe('t-logit');
    expect(ci.lower).toBeGreaterThan(0);
    expect(ci.upper).toBeLessThan(1);
    expect(ci.lower).toBeLessThan(ci.mean);
    expect(ci.upper).toBeGreaterThan(ci.mean);
    // Every replicate at the bound: the point.
    expect(meanInterval([0, 0, 0], [0, 1])).toMatchObject({ lower: 0, upper: 0 });
  });

  it('a quantity that cannot be negative: the t interval clipped at 0', () => {
    const ci = meanInterval([0, 0, 3, 0, 1], [0, Infinity]);
    expect(ci.method).toBe('t-clipped');
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(meanInterval([0, 0, 3, 0, 1]).upper, 12);
  });

  it('values outside the stated range: the range does not apply, plain t', () => {
    expect(meanInterval([2, 4, 4, 5, 7, 8], [0, 1]).method).toBe('t');
  });

  it('one replicate: no interval', () => {
    expect(meanInterval([3])).toMatchObject({ n: 1, mean: 3, method: 'none' });
    expect(Number.isNaN(meanInterval([3]).lower)).toBe(true);
  });

  it('knows the ranges of indicators by their unit', () => {
    expect(indicatorRange('p0')).toEqual([0, 1]);
    expect(indicatorRange('gini')).toEqual([0, 1]);
    expect(indicatorRange('consumption_pc_mean')).toEqual([0, Infinity]);
    expect(indicatorRange('enterprises_active')).toEqual([0, Infinity]);
    expect(indicatorRange('coop_capital')).toEqual([-Infinity, Infinity]);
  });

  it('warns below 10 replicates', () => {
    expect(fewUnitsWarning(locale('en'), 3)).toMatch(
      /only 3 replicates: the confidence intervals are unreliable below 10/,
    );
    expect(fewUnitsWarning(locale('en'), 10)).toBeUndefined();
  });
});

describe('shapleyReplicates', () => {
  it('values of the mean outcomes, add-one and leave-one-out, each over replicates', () => {
    // means 0, 2, 2, 5: values 2.5 each; alone 2, last 3.
    const a = shapleyReplicates(2, [
      [0, 0],
      [1, 3],
      [2, 2],
      [4, 6],
    ]);
    expect(a.values.map((v) => v.mean)).toEqual([2.5, 2.5]);
    expect(a.addOne.map((v) => v.mean)).toEqual([2, 2]);
    expect(a.leaveOneOut.map((v) => v.mean)).toEqual([3, 3]);
    expect(a.total.mean).toBe(5);
    expect(a.values[0].method).toBe('t');
  });

  it('names every missing coalition at once', () => {
    expect(() => shapleyReplicates(2, [[0], undefined, [1], undefined])).toThrow(/outcomes\[1\][\s\S]*outcomes\[3\]/);
  });
});
