import { describe, expect, it } from 'vitest';
import { catchInput } from '../../support/catchInput.js';
import { createRng } from '../../../src/core/rng.js';
import { saltelliDesign } from '../../../src/experiment/sensitivity/saltelliDesign.js';
import { sobolAnalyze } from '../../../src/experiment/sensitivity/sobolAnalyze.js';
import { ishigami, ishigamiIndices, ISHIGAMI_SPACE } from './testFunctions.js';

/** The analytic value lies in the bootstrap interval, or within this of it. */
const TOLERANCE = 0.03;

function expectCovered(value: number, lower: number, upper: number, label: string): void {
  const gap = value < lower ? lower - value : value > upper ? value - upper : 0;
  expect(gap, `${label}: ${value} vs [${lower}, ${upper}]`).toBeLessThanOrEqual(TOLERANCE);
}

describe('saltelliDesign', () => {
  it('lays out A, AB_i, (BA_i,) B per base row, N (D+2) or N (2D+2) points', () => {
    const space = [
      { name: 'a', min: 0, max: 1 },
      { name: 'b', min: 0, max: 10 },
    ];
    const first = saltelliDesign(space, { n: 8, seed: 1 });
    expect(first.points).toHaveLength(8 * 4);
    expect(first.groupSize).toBe(4);
    const second = saltelliDesign(space, { n: 8, seed: 1, secondOrder: true });
    expect(second.points).toHaveLength(8 * 6);
    for (let j = 0; j < 8; j++) {
      const [A, AB0, AB1, BA0, BA1, B] = second.unit.slice(6 * j, 6 * j + 6);
      expect(AB0).toEqual([B[0], A[1]]);
      expect(AB1).toEqual([A[0], B[1]]);
      expect(BA0).toEqual([A[0], B[1]]);
      expect(BA1).toEqual([B[0], A[1]]);
      // First-order rows are the same whether or not second order is asked for.
      expect(first.unit.slice(4 * j, 4 * j + 4)).toEqual([A, AB0, AB1, B]);
    }
    expect(second.points[5]).toEqual([second.unit[5][0], 10 * second.unit[5][1]]);
  });

  it('is deterministic: same seed, identical design', () => {
    const options = { n: 16, seed: 42, secondOrder: true };
    expect(saltelliDesign(ISHIGAMI_SPACE, options)).toEqual(saltelliDesign(ISHIGAMI_SPACE, options));
    expect(saltelliDesign(ISHIGAMI_SPACE, { ...options, seed: 43 }).unit).not.toEqual(
      saltelliDesign(ISHIGAMI_SPACE, options).unit,
    );
  });

  it('raises one InputError listing every problem with its path', () => {
    const error = catchInput(() => saltelliDesign([], { n: 1000, seed: 1 }));
    expect(error.exitCode).toBe(2);
    expect(error.problems.map((p) => p.path)).toEqual(['parameters', 'n']);
    expect(error.problems[1].message).toBe('must be a power of two (nearest: 512 or 1024)');

    const badRange = catchInput(() =>
      saltelliDesign(
        [
          { name: 'x', min: 1, max: 0 },
          { name: 'y', min: 0, max: 1 },
        ],
        { n: 2 ** 21, seed: 1 },
      ),
    );
    expect(badRange.problems.map((p) => p.path)).toEqual(['parameters[0].max', 'n']);

    const tooMany = Array.from({ length: 65 }, (_, i) => ({ name: `p${i}`, min: 0, max: 1 }));
    expect(catchInput(() => saltelliDesign(tooMany, { n: 4, seed: 1 })).problems.map((p) => p.path)).toEqual([
      'parameters',
    ]);
  });
});

describe('sobolAnalyze', () => {
  it('reproduces the analytic Ishigami S1, ST and S2 within their bootstrap intervals', () => {
    const expected = ishigamiIndices();
    // Rounded analytic values quoted in issue 8, as a check on the formulas themselves.
    expect(expected.s1.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(expected.st.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);

    const design = saltelliDesign(ISHIGAMI_SPACE, { n: 2 ** 13, seed: 2024, secondOrder: true });
    const result = sobolAnalyze(design, design.points.map(ishigami), { rng: createRng(7) });
    result.indices.forEach((r, i) => {
      expectCovered(expected.s1[i], r.s1Lower, r.s1Upper, `S1 ${r.name}`);
      expectCovered(expected.st[i], r.stLower, r.stUpper, `ST ${r.name}`);
      expect(r.s1Lower).toBeLessThan(r.s1Upper);
      expect(r.stUpper - r.stLower).toBeLessThan(0.1);
    });
    expect(result.second?.map((p) => p.names.join('-'))).toEqual(['x1-x2', 'x1-x3', 'x2-x3']);
    for (const pair of result.second ?? []) {
      expectCovered(expected.s2[`${pair.i},${pair.j}`], pair.lower, pair.upper, `S2 ${pair.names.join('-')}`);
    }
  });

  it('gives S1 = ST = c_i^2 / sum c^2 on an additive function', () => {
    // y = sum c_i x_i with x_i ~ U(0,1): V_i = c_i^2 / 12, no interactions, by hand.
    const c = [1, 2, 3];
    const space = c.map((_, i) => ({ name: `x${i}`, min: 0, max: 1 }));
    const design = saltelliDesign(space, { n: 2 ** 12, seed: 5 });
    const y = design.points.map((x) => x.reduce((s, xi, i) => s + c[i] * xi, 0));
    const result = sobolAnalyze(design, y, { rng: createRng(1), resamples: 300 });
    result.indices.forEach((r, i) => {
      expect(r.s1).toBeCloseTo(c[i] ** 2 / 14, 2);
      expect(r.st).toBeCloseTo(c[i] ** 2 / 14, 2);
    });
    expect(result.second).toBeUndefined();
  });

  it('does not depend on where the output is centred (regression: a large mean made S1 explode)', () => {
    // An output of Rp1.4 million varying by thousands, like consumption: before centring,
    // S1 of a small design came out in the hundreds. Shifting by a constant changes nothing.
    const design = saltelliDesign(ISHIGAMI_SPACE, { n: 16, seed: 3 });
    const y = design.points.map(ishigami);
    const plain = sobolAnalyze(design, y, { rng: createRng(4), resamples: 100 });
    const shifted = sobolAnalyze(
      design,
      y.map((v) => v + 1.4e6),
      { rng: createRng(4), resamples: 100 },
    );
    plain.indices.forEach((s, i) => {
      expect(shifted.indices[i].s1).toBeCloseTo(s.s1, 6);
      expect(shifted.indices[i].st).toBeCloseTo(s.st, 6);
      expect(Math.abs(shifted.indices[i].s1)).toBeLessThan(2);
    });
  });

  it('gives NaN indices for an output that never varies', () => {
    const design = saltelliDesign(ISHIGAMI_SPACE, { n: 4, seed: 1 });
    const result = sobolAnalyze(
      design,
      design.points.map(() => 3),
      { rng: createRng(1), resamples: 10 },
    );
    expect(result.variance).toBe(0);
    expect(result.indices[0].s1).toBeNaN();
    expect(result.indices[0].s1Lower).toBeNaN();
  });

  it('rejects outputs that do not match the design', () => {
    const design = saltelliDesign(ISHIGAMI_SPACE, { n: 4, seed: 1 });
    const error = catchInput(() => sobolAnalyze(design, [1, 2, 3], { rng: createRng(1), level: 95 }));
    expect(error.problems.map((p) => p.path)).toEqual(['outputs', 'level']);
  });
});
