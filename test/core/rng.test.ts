import { describe, it, expect } from 'vitest';
import { createRng, restoreRng, type Rng } from '../../src/core/rng.js';

function draws(next: () => number, n: number): number[] {
  return Array.from({ length: n }, next);
}

function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

describe('createRng', () => {
  it('gives the same sequence for the same seed, whether written as a number or a string', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng('42');
    const xs = draws(() => a.uniform(), 50);
    expect(draws(() => b.uniform(), 50)).toEqual(xs);
    expect(draws(() => c.uniform(), 50)).toEqual(xs);
  });

  it('gives different sequences for different seeds', () => {
    const a = draws(createRng(1).uniform, 20);
    const b = draws(createRng(2).uniform, 20);
    expect(a).not.toEqual(b);
  });

  it('keeps no shared state: interleaving two streams leaves each sequence unchanged', () => {
    // The spare Box-Muller normal lives in each stream's closure (rng.ts), not in a global.
    const alone = createRng(9);
    const expected = draws(() => alone.normal(), 11);
    const a = createRng(9);
    const b = createRng(10);
    const got: number[] = [];
    for (let k = 0; k < 11; k++) {
      got.push(a.normal());
      b.normal();
      b.uniform();
    }
    expect(got).toEqual(expected);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(3);
    const xs = draws(rng.uniform, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const { mean, sd } = meanSd(xs);
    // Standard error of the mean is sqrt(1/12 / n) = 0.0009; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(sd - Math.sqrt(1 / 12))).toBeLessThan(0.003);
  });

  it('draws standard normals: mean 0, sd 1, 95% within +-1.96, third moment 0', () => {
    const rng = createRng(11);
    const n = 100_000;
    const xs = draws(() => rng.normal(), n);
    const { mean, sd } = meanSd(xs);
    // SE of the mean 1/sqrt(n) = 0.0032 and of the sd about 1/sqrt(2n) = 0.0022; 5 SE each.
    expect(Math.abs(mean)).toBeLessThan(0.016);
    expect(Math.abs(sd - 1)).toBeLessThan(0.011);
    const inside = xs.filter((x) => Math.abs(x) < 1.959964).length / n;
    // P(|Z| < 1.96) = 0.95; binomial SE sqrt(.95 * .05 / n) = 0.0007.
    expect(Math.abs(inside - 0.95)).toBeLessThan(0.0035);
    const skew = xs.reduce((a, x) => a + x ** 3, 0) / n;
    // SE of the third moment is sqrt(15 / n) = 0.012.
    expect(Math.abs(skew)).toBeLessThan(0.06);
  });

  it('draws integers in [0, n) with equal frequencies (chi-square, 9 df)', () => {
    const rng = createRng(5);
    const counts = new Array(10).fill(0);
    const n = 50_000;
    for (let k = 0; k < n; k++) {
      const v = rng.int(10);
      expect(Number.isInteger(v) && v >= 0 && v < 10).toBe(true);
      counts[v]++;
    }
    const chi2 = counts.reduce((a, c) => a + (c - n / 10) ** 2 / (n / 10), 0);
    // chi-square with 9 degrees of freedom: P(X > 27.88) = 0.001.
    expect(chi2).toBeLessThan(27.88);
  });

  it('makes chance(p) true with frequency p, and never for p = 0 or always for p = 1', () => {
    const rng = createRng(8);
    const n = 40_000;
    let hits = 0;
    for (let k = 0; k < n; k++) if (rng.chance(0.3)) hits++;
    // binomial SE sqrt(.3 * .7 / n) = 0.0023; 5 SE.
    expect(Math.abs(hits / n - 0.3)).toBeLessThan(0.0115);
    expect(draws(() => Number(rng.chance(0)), 1000).every((x) => x === 0)).toBe(true);
    expect(draws(() => Number(rng.chance(1)), 1000).every((x) => x === 1)).toBe(true);
  });
});

describe('rng state', () => {
  it('a restored stream continues with the same draws, normal spare included', () => {
    const a = createRng(99);
    for (let i = 0; i < 17; i++) a.uniform();
    a.normal(); // leaves a spare waiting
    const b = restoreRng(JSON.parse(JSON.stringify(a.state())));
    const next = (r: Rng) => [r.normal(), r.uniform(), r.normal(), r.normal(), r.int(1000), r.chance(0.5)];
    expect(next(b)).toEqual(next(a));
  });

  it('taking the state changes no draw', () => {
    const a = createRng('x');
    const b = createRng('x');
    b.state();
    expect([a.uniform(), a.normal()]).toEqual([b.uniform(), b.normal()]);
  });
});
