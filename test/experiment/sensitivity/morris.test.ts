import { describe, expect, it } from 'vitest';
import { catchInput } from '../../support/catchInput.js';
import { createRng } from '../../../src/core/rng.js';
import { morrisAnalyze } from '../../../src/experiment/sensitivity/morrisAnalyze.js';
import { morrisDesign } from '../../../src/experiment/sensitivity/morrisDesign.js';
import type { ParameterSpace } from '../../../src/experiment/sensitivity/parameterSpace.js';
import { ishigami, ISHIGAMI_SPACE } from './testFunctions.js';

const SPACE: ParameterSpace = [
  { name: 'a', min: 0, max: 1 },
  { name: 'b', min: 10, max: 30 },
  { name: 'c', min: -5, max: -3 },
  { name: 'd', min: 0, max: 100 },
];

describe('morrisDesign', () => {
  it('builds r trajectories of D+1 points, one parameter moving by ±delta at each step', () => {
    const p = 6;
    const design = morrisDesign(SPACE, { trajectories: 12, levels: p, seed: 1 });
    const D = SPACE.length;
    expect(design.points).toHaveLength(12 * (D + 1));
    expect(design.delta).toBe(6 / 10); // p / (2 (p - 1))
    const grid = Array.from({ length: p }, (_, l) => l / (p - 1));
    for (const row of design.unit) for (const x of row) expect(grid).toContain(x);
    for (const t of design.trajectories) {
      expect([...t.order].sort()).toEqual([0, 1, 2, 3]);
      t.order.forEach((i, k) => {
        const before = design.unit[t.start + k];
        const after = design.unit[t.start + k + 1];
        const changed = before.map((x, j) => (x === after[j] ? -1 : j)).filter((j) => j >= 0);
        expect(changed).toEqual([i]);
        expect(after[i] - before[i]).toBeCloseTo(t.direction[i] * design.delta, 12);
      });
    }
    // Points are the unit rows mapped onto each range.
    expect(design.points[5][1]).toBeCloseTo(10 + 20 * design.unit[5][1], 12);
  });

  it('is deterministic: same seed, identical design; another seed, another design', () => {
    const options = { trajectories: 5, levels: 4, seed: 'kopsim' };
    expect(morrisDesign(SPACE, options)).toEqual(morrisDesign(SPACE, options));
    expect(morrisDesign(SPACE, { ...options, seed: 'other' }).unit).not.toEqual(morrisDesign(SPACE, options).unit);
  });

  it('raises one InputError listing every problem with its path', () => {
    const empty = catchInput(() => morrisDesign([], { trajectories: 1, levels: 5, seed: 1 }));
    expect(empty.exitCode).toBe(2);
    expect(empty.problems.map((p) => p.path)).toEqual(['parameters', 'trajectories', 'levels']);

    const badRange = catchInput(() =>
      morrisDesign([{ name: 'x', min: 3, max: 1 }], { trajectories: 10, levels: 3, seed: 1 }),
    );
    expect(badRange.problems.map((p) => p.path)).toEqual(['parameters[0].max', 'levels']);
    expect(badRange.message).toContain('parameters[0].max: must be greater than min (3), got 1');
    expect(catchInput(() => morrisDesign(SPACE, { trajectories: 10, levels: 2, seed: 1 })).problems[0].path).toBe(
      'levels',
    );
  });
});

describe('morrisAnalyze', () => {
  it('gives mu = mu* = c_i (max - min) and sigma = 0 on a linear function', () => {
    // y = sum c_i x_i: every elementary effect of x_i is c_i times its range, by hand.
    const c = [3, -0.5, 2, 0];
    const design = morrisDesign(SPACE, { trajectories: 10, levels: 4, seed: 3 });
    const y = design.points.map((x) => x.reduce((s, xi, i) => s + c[i] * xi, 0));
    const result = morrisAnalyze(design, y, { rng: createRng(1), resamples: 200 });
    const ranges = SPACE.map((p) => p.max - p.min);
    result.forEach((r, i) => {
      expect(r.name).toBe(SPACE[i].name);
      expect(r.mu).toBeCloseTo(c[i] * ranges[i], 9);
      expect(r.muStar).toBeCloseTo(Math.abs(c[i] * ranges[i]), 9);
      expect(r.sigma).toBeCloseTo(0, 9);
      expect(r.muStarLower).toBeCloseTo(r.muStar, 9);
      expect(r.muStarUpper).toBeCloseTo(r.muStar, 9);
      expect(r.effects).toHaveLength(10);
    });
  });

  it('ranks the Ishigami inputs: x1, x2 large; x3 smaller, with sigma large from its interaction', () => {
    // With p = 4 the levels are -pi, -pi/3, pi/3, pi and a step moves x2 between -pi and
    // pi/3 or between -pi/3 and pi: sin^2 changes by 3/4 either way, so every effect of x2
    // is 7 (3/4) / (2/3) = 7.875 in absolute value, by hand. x3 has no first-order effect
    // but interacts with x1 (Saltelli et al. 2008, section 3.5): mu near 0, mu* and sigma not.
    const design = morrisDesign(ISHIGAMI_SPACE, { trajectories: 100, levels: 4, seed: 9 });
    const y = design.points.map(ishigami);
    const [x1, x2, x3] = morrisAnalyze(design, y, { rng: createRng(2) });
    expect(x2.muStar).toBeCloseTo(7.875, 10);
    expect(x1.muStar).toBeGreaterThan(x3.muStar);
    expect(x2.muStar).toBeGreaterThan(x3.muStar);
    expect(x3.muStar).toBeGreaterThan(1);
    expect(Math.abs(x3.mu)).toBeLessThan(0.25 * x3.muStar);
    expect(x3.sigma).toBeGreaterThan(x3.muStar);
    for (const r of [x1, x2, x3]) {
      expect(r.muStarLower).toBeLessThanOrEqual(r.muStar);
      expect(r.muStarUpper).toBeGreaterThanOrEqual(r.muStar);
    }
    expect(x3.muStarUpper).toBeGreaterThan(x3.muStarLower);
  });

  it("ranks the inputs of the Sobol' G function by their a_i", () => {
    // G = prod_i (|4 x_i - 2| + a_i) / (1 + a_i) on [0,1]^6: the smaller a_i, the more
    // important x_i (Saltelli et al. 2008, section 3.6, with a = 0, 1, 4.5, 9, 99, 99).
    const a = [0, 1, 4.5, 9, 99, 99];
    const space = a.map((_, i) => ({ name: `x${i + 1}`, min: 0, max: 1 }));
    const g = (x: number[]) => x.reduce((p, xi, i) => (p * (Math.abs(4 * xi - 2) + a[i])) / (1 + a[i]), 1);
    const design = morrisDesign(space, { trajectories: 50, levels: 4, seed: 4 });
    const muStar = morrisAnalyze(design, design.points.map(g), { rng: createRng(3), resamples: 200 }).map(
      (r) => r.muStar,
    );
    for (let i = 0; i < 4; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
    expect(muStar[3]).toBeGreaterThan(5 * Math.max(muStar[4], muStar[5]));
  });

  it('rejects outputs that do not match the design, and bad bootstrap options', () => {
    const design = morrisDesign(SPACE, { trajectories: 2, levels: 4, seed: 1 });
    const y = design.points.map(() => 1);
    y[3] = NaN;
    const error = catchInput(() => morrisAnalyze(design, y.slice(0, 9), { rng: createRng(1), resamples: 0 }));
    expect(error.problems.map((p) => p.path)).toEqual(['outputs', 'outputs[3]', 'resamples']);
  });
});
