import type { Rng } from '../../core/rng.js';

/**
 * A uniformly random permutation of 0..n-1 (Fisher-Yates), drawn from the Rng passed in.
 * Used for the parameter order of a Morris trajectory and the player order of a
 * Shapley permutation sample.
 *
 * @example randomPermutation(4, createRng(1)) // e.g. [2, 0, 3, 1]
 */
export function randomPermutation(n: number, rng: Pick<Rng, 'int'>): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
