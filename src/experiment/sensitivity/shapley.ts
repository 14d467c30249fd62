import { InputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { randomPermutation } from './randomPermutation.js';

/**
 * A value function over coalitions. Player i is in the coalition when bit i of
 * `mask` is set: with the six roadmap stages, mask 0b000101 enables stages 1 and 3.
 */
export type ValueFunction = (mask: number) => number;

/** The largest player count for which the 2^n coalitions are enumerated or cached. */
export const SHAPLEY_MAX_PLAYERS = 20;

/**
 * Every coalition of n players as a bitmask, from the empty one (0) to the full one
 * (2^n - 1): the runs an exact attribution needs.
 *
 * @example coalitions(2) // => [0, 1, 2, 3]
 */
export function coalitions(n: number): number[] {
  checkPlayers(n);
  return Array.from({ length: 2 ** n }, (_, mask) => mask);
}

/**
 * Exact Shapley values (Shapley 1953): phi_i is the average of i's marginal
 * contribution v(S + i) - v(S) over all orders in which players can join, which is
 * the sum over coalitions S without i of |S|! (n - |S| - 1)! / n! (v(S + i) - v(S)).
 * v is called once per coalition. The values add up to v(full) - v(empty) (efficiency),
 * up to floating-point rounding.
 *
 * @example
 * // v(S) = sum of a_i over S, plus c when players 0 and 1 are both in: the
 * // interaction is split equally between them.
 * const a = [1, 2, 3], c = 4;
 * shapleyExact(3, (m) => a.reduce((s, ai, i) => s + (m >> i & 1) * ai, 0) + ((m & 3) === 3 ? c : 0))
 * // => [3, 4, 3]
 */
export function shapleyExact(n: number, v: ValueFunction): number[] {
  checkPlayers(n);
  const size = 2 ** n;
  const value = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) value[mask] = v(mask);
  // weight[s] = s! (n - s - 1)! / n! = 1 / (n * C(n - 1, s)), without big factorials.
  const weight = Array.from({ length: n }, (_, s) => 1 / (n * binomial(n - 1, s)));
  const phi = new Array<number>(n).fill(0);
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      phi[i] += weight[s] * (value[mask | bit] - value[mask]);
    }
  }
  return phi;
}

/**
 * K player orders drawn uniformly at random: the plan of a permutation-sampling
 * estimate. Drawing them first lets the caller run only the coalitions they visit
 * ({@link permutationCoalitions}) before computing anything.
 *
 * @throws InputError if K is not a positive integer.
 * @example samplePermutations(3, 2, createRng(1)) // e.g. [[2, 0, 1], [1, 2, 0]]
 */
export function samplePermutations(n: number, samples: number, rng: Rng): number[][] {
  checkPlayers(n);
  if (!(Number.isInteger(samples) && samples >= 1)) {
    throw new InputError('shapley sampling', [
      { path: 'samples', message: 'must be a positive integer', found: samples },
    ]);
  }
  return Array.from({ length: samples }, () => randomPermutation(n, rng));
}

/**
 * The coalitions that a set of player orders visits (every prefix of every order,
 * including the empty and the full coalition), sorted and without repeats.
 *
 * @example permutationCoalitions(2, [[1, 0]]) // => [0, 2, 3]
 */
export function permutationCoalitions(n: number, permutations: readonly (readonly number[])[]): number[] {
  checkPlayers(n);
  const seen = new Set<number>([0]);
  for (const order of permutations) {
    let mask = 0;
    for (const i of order) {
      mask |= 1 << i;
      seen.add(mask);
    }
  }
  return [...seen].sort((x, y) => x - y);
}

/**
 * Shapley values estimated from given player orders (Castro, Gomez and Tejada 2009):
 * each player's marginal contribution on joining, averaged over the orders. Every
 * order's contributions telescope to v(full) - v(empty), so the estimate is efficient
 * like the exact values; it is unbiased, and it converges to them as orders are added.
 * v is called once per distinct coalition visited.
 *
 * @example shapleyFromPermutations(2, [[0, 1], [1, 0]], (m) => (m === 3 ? 1 : 0)) // => [0.5, 0.5]
 */
export function shapleyFromPermutations(
  n: number,
  permutations: readonly (readonly number[])[],
  v: ValueFunction,
): number[] {
  checkPlayers(n);
  const cache = new Map<number, number>();
  const value = (mask: number): number => {
    let x = cache.get(mask);
    if (x === undefined) {
      x = v(mask);
      cache.set(mask, x);
    }
    return x;
  };
  const phi = new Array<number>(n).fill(0);
  for (const order of permutations) {
    let mask = 0;
    let before = value(0);
    for (const i of order) {
      mask |= 1 << i;
      const after = value(mask);
      phi[i] += after - before;
      before = after;
    }
  }
  return phi.map((x) => x / permutations.length);
}

/**
 * Shapley values estimated from K random player orders: {@link samplePermutations}
 * then {@link shapleyFromPermutations}. The error shrinks like 1/sqrt(K).
 *
 * @example shapleyPermutation(6, v, 200, createRng(1)) // six values summing to v(63) - v(0)
 */
export function shapleyPermutation(n: number, v: ValueFunction, samples: number, rng: Rng): number[] {
  return shapleyFromPermutations(n, samplePermutations(n, samples, rng), v);
}

function checkPlayers(n: number): void {
  // The player count is fixed by the caller's code (six roadmap stages), not by user
  // input, so a bad one is a programming error.
  if (!(Number.isInteger(n) && n >= 1 && n <= SHAPLEY_MAX_PLAYERS)) {
    throw new RangeError(`shapley: the number of players must be an integer in 1..${SHAPLEY_MAX_PLAYERS}, got ${n}`);
  }
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

function popcount(mask: number): number {
  let c = 0;
  for (let m = mask; m !== 0; m &= m - 1) c++;
  return c;
}
