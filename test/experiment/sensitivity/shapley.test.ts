import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { createRng } from '../../../src/core/rng.js';
import {
  coalitions,
  permutationCoalitions,
  samplePermutations,
  shapleyExact,
  shapleyFromPermutations,
  shapleyPermutation,
  type ValueFunction,
} from '../../../src/experiment/sensitivity/shapley.js';

const has = (mask: number, i: number) => (mask >> i) & 1;

/** v(S) = sum_{i in S} a_i + c [players 0 and 1 both in S]. */
function additivePlusInteraction(a: readonly number[], c: number): ValueFunction {
  return (mask) => a.reduce((s, ai, i) => s + has(mask, i) * ai, 0) + (has(mask, 0) && has(mask, 1) ? c : 0);
}

/** A toy game with no structure to exploit: v(S) from a seeded table, v(empty) = 0 not assumed. */
function randomGame(n: number, seed: number): ValueFunction {
  const rng = createRng(seed);
  const table = Array.from({ length: 2 ** n }, () => rng.normal() * 10);
  return (mask) => table[mask];
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('coalitions', () => {
  it('lists all 2^n masks, empty to full', () => {
    expect(coalitions(3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(coalitions(6)).toHaveLength(64);
    expect(() => coalitions(0)).toThrow(RangeError);
  });
});

describe('shapleyExact', () => {
  it('splits an interaction equally: phi = (a1 + c/2, a2 + c/2, a3), by hand', () => {
    const phi = shapleyExact(3, additivePlusInteraction([1.5, -2, 4], 3));
    expect(phi[0]).toBeCloseTo(1.5 + 1.5, 12);
    expect(phi[1]).toBeCloseTo(-2 + 1.5, 12);
    expect(phi[2]).toBeCloseTo(4, 12);
  });

  it('is efficient: the values add up to v(full) - v(empty)', () => {
    for (const n of [1, 2, 4, 6, 8]) {
      const v = randomGame(n, n);
      expect(sum(shapleyExact(n, v))).toBeCloseTo(v(2 ** n - 1) - v(0), 10);
    }
  });

  it('gives symmetric players equal values and a null player zero', () => {
    // Players 0 and 2 are interchangeable; player 3 never changes the value.
    const v: ValueFunction = (m) => {
      const k = has(m, 0) + has(m, 2);
      return k ** 2 + 5 * has(m, 1) * k + 2 * has(m, 1);
    };
    const phi = shapleyExact(4, v);
    expect(phi[0]).toBeCloseTo(phi[2], 12);
    expect(phi[3]).toBe(0);
    // The three-player majority game v = [|S| >= 2]: all players symmetric, so 1/3 each.
    shapleyExact(3, (m) => (popcount(m) >= 2 ? 1 : 0)).forEach((x) => expect(x).toBeCloseTo(1 / 3, 12));
  });

  it('calls the value function once per coalition', () => {
    let calls = 0;
    shapleyExact(6, (m) => {
      calls++;
      return m;
    });
    expect(calls).toBe(64);
  });
});

describe('permutation sampling', () => {
  it('plans the coalitions a set of orders visits', () => {
    expect(permutationCoalitions(3, [[2, 0, 1]])).toEqual([0, 4, 5, 7]);
    expect(
      permutationCoalitions(3, [
        [2, 0, 1],
        [0, 1, 2],
      ]),
    ).toEqual([0, 1, 3, 4, 5, 7]);
  });

  it('is exact on all n! orders', () => {
    const all = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    const v = randomGame(3, 17);
    const exact = shapleyExact(3, v);
    shapleyFromPermutations(3, all, v).forEach((x, i) => expect(x).toBeCloseTo(exact[i], 12));
  });

  it('is efficient for any sample, and converges to the exact values', () => {
    const n = 6;
    const v = randomGame(n, 99);
    const exact = shapleyExact(n, v);
    for (const k of [1, 7, 50]) {
      expect(sum(shapleyPermutation(n, v, k, createRng(k)))).toBeCloseTo(v(63) - v(0), 10);
    }
    const estimate = shapleyPermutation(n, v, 20_000, createRng(1));
    // The table's values have sd 10; with 20000 orders the error is about 10/sqrt(20000) per step.
    estimate.forEach((x, i) => expect(Math.abs(x - exact[i])).toBeLessThan(0.5));
  });

  it('is reproducible with the same seed and rejects a bad sample count', () => {
    expect(samplePermutations(6, 10, createRng(3))).toEqual(samplePermutations(6, 10, createRng(3)));
    expect(() => samplePermutations(6, 0, createRng(3))).toThrow(InputError);
  });
});

function popcount(m: number): number {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
}
