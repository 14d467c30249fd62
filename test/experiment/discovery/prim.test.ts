import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { binomialUpperTail } from '../../../src/experiment/discovery/binomialUpperTail.js';
import { classificationTree, treeLines } from '../../../src/experiment/discovery/classificationTree.js';
import { kneeIndex } from '../../../src/experiment/discovery/kneeIndex.js';
import { primTrajectory } from '../../../src/experiment/discovery/prim.js';
import { boxStats, wholeBox, type PrimData } from '../../../src/experiment/discovery/primBox.js';
import { quasiPValues } from '../../../src/experiment/discovery/quasiPValues.js';

/** n rows uniform on [0,1]^3; cases of interest exactly in the planted box x0 < 0.3 and x1 > 0.6 (x2 is noise). */
function planted(n: number, seed: number): PrimData {
  const rng = createRng(seed);
  const x = [[], [], []] as number[][];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const col of x) col.push(rng.uniform());
    y.push(x[0][i] < 0.3 && x[1][i] > 0.6 ? 1 : 0);
  }
  return { names: ['a', 'b', 'c'], x, y };
}

describe('boxStats', () => {
  it('matches a hand computation of coverage, density and mass', () => {
    // 8 rows; cases of interest at rows 1, 2, 5 (3 in all). The box a in [2, 5], b in [0, 1]
    // holds rows 2, 3, 4, 5 (row 6 has b = 2): 4 rows, 2 hits (rows 2 and 5).
    // Coverage 2/3, density 2/4, mass 4/8, by hand.
    const data: PrimData = {
      names: ['a', 'b'],
      x: [
        [0, 1, 2, 3, 4, 5, 6, 7],
        [0, 0, 1, 1, 0, 1, 2, 0],
      ],
      y: [0, 1, 1, 0, 0, 1, 0, 0],
    };
    const s = boxStats(data, { lower: [2, 0], upper: [5, 1] });
    expect(s).toEqual({ count: 4, hits: 2, coverage: 2 / 3, density: 0.5, mass: 0.5 });
    expect(boxStats(data, wholeBox(data))).toEqual({ count: 8, hits: 3, coverage: 1, density: 3 / 8, mass: 1 });
  });
});

describe('primTrajectory', () => {
  it('recovers a planted box within one peeling step', () => {
    const data = planted(2000, 11);
    const alpha = 0.05;
    const trajectory = primTrajectory(data, { alpha, minMass: 0.05, pasting: true });
    const last = trajectory[trajectory.length - 1];
    expect(last.density).toBe(1);
    // One peel removes alpha of the box's rows: in a dimension spanning at most 1, about alpha of its range.
    expect(Math.abs(last.box.upper[0] - 0.3)).toBeLessThanOrEqual(alpha);
    expect(Math.abs(last.box.lower[1] - 0.6)).toBeLessThanOrEqual(alpha);
    const whole = wholeBox(data);
    // The noise dimension and the unplanted ends stay (nearly) open.
    expect(last.box.lower[0]).toBeLessThanOrEqual(whole.lower[0] + alpha);
    expect(last.box.upper[1]).toBeGreaterThanOrEqual(whole.upper[1] - alpha);
    expect(last.box.lower[2]).toBeLessThanOrEqual(whole.lower[2] + alpha);
    expect(last.box.upper[2]).toBeGreaterThanOrEqual(whole.upper[2] - alpha);
    expect(last.coverage).toBeGreaterThan(0.85);
    // Density never falls along the peeling, coverage never rises.
    const peels = trajectory.filter((b) => b.move !== 'paste');
    for (let k = 1; k < peels.length; k++) {
      expect(peels[k].density).toBeGreaterThan(peels[k - 1].density);
      expect(peels[k].coverage).toBeLessThanOrEqual(peels[k - 1].coverage);
    }
  });

  it('stops at the minimum mass and is deterministic', () => {
    const data = planted(500, 3);
    const a = primTrajectory(data, { alpha: 0.1, minMass: 0.5, pasting: false });
    expect(a[a.length - 1].mass).toBeGreaterThanOrEqual(0.5);
    expect(primTrajectory(data, { alpha: 0.1, minMass: 0.5, pasting: false })).toEqual(a);
  });

  it('pasting never lowers the density', () => {
    const data = planted(800, 5);
    const t = primTrajectory(data, { alpha: 0.05, minMass: 0.02, pasting: true });
    for (const b of t.filter((b) => b.move === 'paste'))
      expect(b.density).toBeGreaterThanOrEqual(t[b.step - 1].density);
  });
});

describe('quasiPValues', () => {
  it('flags the planted dimensions as significant', () => {
    const data = planted(1000, 7);
    const whole = wholeBox(data);
    const r = quasiPValues(
      data,
      { lower: [whole.lower[0], 0.6, whole.lower[2]], upper: [0.3, whole.upper[1], whole.upper[2]] },
      whole,
    );
    expect(r.map((x) => x.name)).toEqual(['a', 'b']);
    for (const x of r) expect(x.quasiP).toBeLessThan(1e-10);
  });

  it('the binomial upper tail matches hand computations', () => {
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12); // (3 + 1) / 8
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(0.125, 12); // 1 / 8
    expect(binomialUpperTail(1, 4, 0.2)).toBeCloseTo(1 - 0.8 ** 4, 12);
    expect(binomialUpperTail(0, 4, 0.2)).toBe(1);
  });
});

describe('kneeIndex', () => {
  it('picks the box where the trade-off bends', () => {
    expect(
      kneeIndex([
        { coverage: 1, density: 0.2 },
        { coverage: 0.95, density: 0.5 },
        { coverage: 0.9, density: 0.8 },
        { coverage: 0.5, density: 0.85 },
        { coverage: 0.3, density: 0.9 },
      ]),
    ).toBe(2);
  });
});

describe('classificationTree', () => {
  it('splits on the planted dimensions at depth 2', () => {
    const data = planted(2000, 13);
    const tree = classificationTree(data, { maxDepth: 2, minLeaf: 20 });
    const names = [tree.split?.name, tree.left?.split?.name ?? tree.right?.split?.name];
    expect(new Set(names)).toEqual(new Set(['a', 'b']));
    expect(treeLines(tree)[0]).toMatch(/^all: 2000 runs/);
  });
});
