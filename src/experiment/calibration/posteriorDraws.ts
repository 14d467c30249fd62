import { createRng } from '../../core/rng.js';
import { deriveSeed } from '../../core/seed.js';

/**
 * Which particle of a weighted posterior sample a draw takes: particle i with probability
 * weight_i, from its own stream deriveSeed(seed, 'posterior-draw', key). Deriving each
 * draw from a key (the predictive draw's number, a replicate's run seed) keeps it the
 * same whichever worker asks and however many draws there are.
 *
 * @example posteriorDrawIndex([0.5, 0.5], 1, 'r0') // => 0 or 1, always the same
 */
export function posteriorDrawIndex(weights: readonly number[], seed: number, key: string | number): number {
  const rng = createRng(deriveSeed(seed, 'posterior-draw', key));
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rng.uniform() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}
