import { describe, expect, it } from 'vitest';
import { factorialPoints, latinHypercubePoints, parameterValues } from '../../src/experiment/designPoints.js';
import type { SweepParameter } from '../../src/scenario/experimentSchema.js';

const range = (
  path: string,
  from: number,
  to: number,
  steps?: number,
  scale: 'linear' | 'log' = 'linear',
): SweepParameter => ({ path, from, to, steps, scale });

describe('parameterValues', () => {
  it('spaces a range evenly, ends included, without float noise', () => {
    expect(parameterValues(range('x', 0, 0.3, 4))).toEqual([0, 0.1, 0.2, 0.3]);
    expect(parameterValues(range('x', 1, 100, 3, 'log'))).toEqual([1, 10, 100]);
    expect(parameterValues({ path: 'x', values: [1, 'a', true], scale: 'linear' })).toEqual([1, 'a', true]);
  });
});

describe('factorialPoints', () => {
  it('gives every combination, the last parameter fastest, keyed by values', () => {
    const pts = factorialPoints([
      { path: 'a.b', values: [1, 2], scale: 'linear' },
      { path: 'c', values: ['x', 'y', 'z'], scale: 'linear' },
    ]);
    expect(pts).toHaveLength(6);
    expect(pts.map((p) => p.key)).toEqual([
      'a.b=1,c="x"',
      'a.b=1,c="y"',
      'a.b=1,c="z"',
      'a.b=2,c="x"',
      'a.b=2,c="y"',
      'a.b=2,c="z"',
    ]);
    expect(pts[4].params).toEqual({ 'a.b': 2, c: 'y' });
  });

  it('keeps the other points when a value is added (keys come from values, not positions)', () => {
    const before = factorialPoints([{ path: 'a', values: [1, 3], scale: 'linear' }]).map((p) => p.key);
    const after = factorialPoints([{ path: 'a', values: [1, 2, 3], scale: 'linear' }]).map((p) => p.key);
    for (const k of before) expect(after).toContain(k);
  });
});

describe('latinHypercubePoints', () => {
  const params = [range('a', 0, 1), range('b', 10, 20), range('c', 0.01, 1, undefined, 'log')];

  it('puts exactly one point in each stratum of each parameter', () => {
    const n = 17;
    const pts = latinHypercubePoints(params, n, 5);
    expect(pts).toHaveLength(n);
    const strata = (path: string, f: (v: number) => number) =>
      pts.map((p) => Math.floor(f(p.params[path] as number) * n)).sort((x, y) => x - y);
    const all = Array.from({ length: n }, (_, i) => i);
    expect(strata('a', (v) => v)).toEqual(all);
    expect(strata('b', (v) => (v - 10) / 10)).toEqual(all);
    expect(strata('c', (v) => (Math.log(v) - Math.log(0.01)) / (Math.log(1) - Math.log(0.01)))).toEqual(all);
  });

  it('is reproducible from its seed and differs between seeds', () => {
    expect(latinHypercubePoints(params, 8, 5)).toEqual(latinHypercubePoints(params, 8, 5));
    expect(latinHypercubePoints(params, 8, 5)).not.toEqual(latinHypercubePoints(params, 8, 6));
  });
});
