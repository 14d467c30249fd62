import { concludeGeneration, proposeGeneration, shouldContinue, type AbcSettings, type Generation } from './abcSmc.js';
import type { Prior } from './prior.js';

/**
 * ABC-SMC with the distance computed in this thread: for models cheap enough to call
 * directly (toy models with a known posterior in the tests, library users). `distance`
 * gets the parameter vector, the generation and the proposal's number (to derive its own
 * random stream from) and returns its distance to the observed data. Returns every
 * generation; the last is the posterior sample.
 *
 * @example
 * runAbcInProcess([{ distribution: 'uniform', min: -5, max: 5 }], settings, 1, ([mu], t, i) => Math.abs(simulateMean(mu, t, i) - 1))
 */
export function runAbcInProcess(
  priors: readonly Prior[],
  settings: AbcSettings,
  seed: number,
  distance: (theta: readonly number[], generation: number, proposal: number) => number,
): Generation[] {
  const generations: Generation[] = [];
  let previous: Generation | null = null;
  for (let t = 0; t < settings.generations; t++) {
    const proposals = proposeGeneration(priors, previous, settings.proposals, seed, t);
    const distances = proposals.map((theta, i) => distance(theta, t, i));
    const g = concludeGeneration(priors, settings, t, proposals, distances, previous);
    generations.push(g);
    if (!shouldContinue(settings, g)) break;
    previous = g;
  }
  return generations;
}
