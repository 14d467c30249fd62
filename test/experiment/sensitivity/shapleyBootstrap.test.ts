import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { createRng } from '../../../src/core/rng.js';
import { samplePermutations, shapleyExact } from '../../../src/experiment/sensitivity/shapley.js';
import { shapleyReplicates } from '../../../src/experiment/sensitivity/shapleyBootstrap.js';

/**
 * Simulated replicate outcomes of 3 stages: the additive-plus-interaction game
 * a = (2, 1, 0.5), c = 1 on stages 0 and 1, plus replicate noise shared by all
 * coalitions (common random numbers) and a little coalition-specific noise.
 */
function outcomes(replicates: number, seed: number): number[][] {
  const rng = createRng(seed);
  const shared = Array.from({ length: replicates }, () => rng.normal() * 5);
  return Array.from({ length: 8 }, (_, m) => {
    const base = 2 * (m & 1) + 1 * ((m >> 1) & 1) + 0.5 * ((m >> 2) & 1) + ((m & 3) === 3 ? 1 : 0);
    return shared.map((s) => base + s + rng.normal() * 0.1);
  });
}

describe('shapleyReplicates', () => {
  it('attributes the replicate-mean outcome and brackets each value with its interval', () => {
    const data = outcomes(40, 1);
    const result = shapleyReplicates(3, data, { rng: createRng(2) });
    const means = data.map((row) => row.reduce((s, x) => s + x, 0) / row.length);
    const exact = shapleyExact(3, (m) => means[m]);
    result.values.forEach((x, i) => {
      expect(x).toBeCloseTo(exact[i], 12);
      expect(result.lower[i]).toBeLessThanOrEqual(x);
      expect(result.upper[i]).toBeGreaterThanOrEqual(x);
    });
    // Close to the noise-free values (2.5, 1.5, 0.5), by hand: the shared noise cancels.
    [2.5, 1.5, 0.5].forEach((x, i) => expect(result.values[i]).toBeCloseTo(x, 1));
    expect(result.values.reduce((s, x) => s + x, 0)).toBeCloseTo(result.full - result.empty, 10);
    expect(result.total).toBeCloseTo(result.full - result.empty, 12);
    expect(result.replicates).toBe(40);
  });

  it('keeps intervals narrow under common random numbers by resampling replicates jointly', () => {
    // The shared noise (sd 5) would make independent resampling of coalitions give
    // intervals wider than 1; resampled together it cancels in every difference.
    const result = shapleyReplicates(3, outcomes(40, 3), { rng: createRng(4) });
    result.values.forEach((_, i) => expect(result.upper[i] - result.lower[i]).toBeLessThan(0.2));
    expect(result.totalUpper - result.totalLower).toBeLessThan(0.2);
  });

  it('works from sampled orders, needing only the coalitions they visit', () => {
    const permutations = samplePermutations(3, 4, createRng(5));
    const data: (number[] | undefined)[] = outcomes(10, 6);
    const visited = new Set<number>([0, 7]);
    for (const order of permutations) {
      let m = 0;
      for (const i of order) visited.add((m |= 1 << i));
    }
    for (let m = 0; m < 8; m++) if (!visited.has(m)) data[m] = undefined;
    const result = shapleyReplicates(3, data, { rng: createRng(7), permutations, resamples: 200 });
    expect(result.values.reduce((s, x) => s + x, 0)).toBeCloseTo(result.total, 10);
  });

  it('is reproducible for the same Rng seed', () => {
    const data = outcomes(10, 8);
    expect(shapleyReplicates(3, data, { rng: createRng(1), resamples: 100 })).toEqual(
      shapleyReplicates(3, data, { rng: createRng(1), resamples: 100 }),
    );
  });

  it('lists missing coalitions, uneven replicate counts and non-finite values at once', () => {
    const data: (number[] | undefined)[] = outcomes(5, 9);
    data[3] = undefined;
    data[5] = data[5]!.slice(0, 4);
    data[6]![2] = NaN;
    try {
      shapleyReplicates(3, data, { rng: createRng(1) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems.map((p) => p.path)).toEqual(['outcomes[3]', 'outcomes[5]', 'outcomes[6][2]']);
    }
  });
});
