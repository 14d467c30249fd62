import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/core/rng.js';
import { meanInterval } from '../../src/experiment/meanInterval.js';
import { shapleyExact } from '../../src/experiment/sensitivity/shapley.js';
import { shapleyReplicates } from '../../src/experiment/sensitivity/shapleyReplicates.js';

/*
 * Do nominal 95% intervals cover the truth 95% of the time? 2,000 simulated experiments
 * each, at the default number of replicates (10), seeded. With 2,000 experiments the
 * coverage estimate has a standard error of about 0.5 points, so 93-97% is a ±4 SE band.
 */
const EXPERIMENTS = 2000;
const REPLICATES = 10;

/** Share of experiments whose interval holds the truth. */
function coverage(experiment: (rng: Rng) => { lower: number; upper: number }, truth: number, seed: number): number {
  const rng = createRng(seed);
  let hits = 0;
  for (let e = 0; e < EXPERIMENTS; e++) {
    const ci = experiment(rng);
    if (ci.lower <= truth && truth <= ci.upper) hits++;
  }
  return hits / EXPERIMENTS;
}

/** A four-player game: additive parts, a pairwise interaction and a three-way one. */
const PLAYERS = 4;
const gameValue = (mask: number): number =>
  10 +
  [3, 1, -2, 0.5].reduce((s, a, i) => s + ((mask >> i) & 1 ? a : 0), 0) +
  ((mask & 3) === 3 ? 4 : 0) +
  ((mask & 0b1110) === 0b1110 ? -1.5 : 0);
const TRUE_SHAPLEY = shapleyExact(PLAYERS, gameValue);

/** Replicate outcomes of every coalition: shared replicate noise (common random numbers) plus coalition noise. */
function gameOutcomes(rng: Rng): number[][] {
  const shared = Array.from({ length: REPLICATES }, () => 5 * rng.normal());
  return Array.from({ length: 2 ** PLAYERS }, (_, mask) => shared.map((s) => gameValue(mask) + s + rng.normal()));
}

describe('coverage of nominal 95% intervals (2,000 seeded experiments, n = 10)', () => {
  it('Shapley values of a synthetic game with known values plus noise: t intervals over per-replicate values', () => {
    // The hand values, interactions split equally: 3 + 4/2 = 5, 1 + 4/2 - 1.5/3 = 2.5,
    // -2 - 1.5/3 = -2.5, 0.5 - 1.5/3 = 0.
    expect(TRUE_SHAPLEY.map((v) => Number(v.toFixed(12)))).toEqual([5, 2.5, -2.5, 0]);
    const rates = TRUE_SHAPLEY.map((truth, i) =>
      coverage(
        (rng) => {
          const a = shapleyReplicates(PLAYERS, gameOutcomes(rng));
          return a.values[i];
        },
        truth,
        100 + i,
      ),
    );
    console.log(`Shapley coverage by player: ${rates.map((r) => (100 * r).toFixed(1)).join(', ')}%`);
    for (const r of rates) {
      expect(r).toBeGreaterThanOrEqual(0.93);
      expect(r).toBeLessThanOrEqual(0.97);
    }
  });

  it('the add-one and leave-one-out effects and the total gain, from the same experiments', () => {
    const full = 2 ** PLAYERS - 1;
    const cases = [
      { name: 'add-one of player 1', truth: gameValue(1) - gameValue(0), pick: (a: Sh) => a.addOne[0] },
      {
        name: 'leave-one-out of player 1',
        truth: gameValue(full) - gameValue(full ^ 1),
        pick: (a: Sh) => a.leaveOneOut[0],
      },
      { name: 'total', truth: gameValue(full) - gameValue(0), pick: (a: Sh) => a.total },
    ];
    for (const [k, c] of cases.entries()) {
      const r = coverage((rng) => c.pick(shapleyReplicates(PLAYERS, gameOutcomes(rng))), c.truth, 200 + k);
      console.log(`${c.name} coverage: ${(100 * r).toFixed(1)}%`);
      expect(r).toBeGreaterThanOrEqual(0.93);
      expect(r).toBeLessThanOrEqual(0.97);
    }
  });

  it('a toy experiment with a known mean (normal replicates): t interval', () => {
    const r = coverage(
      (rng) => meanInterval(Array.from({ length: REPLICATES }, () => 1_200_000 + 80_000 * rng.normal())),
      1_200_000,
      300,
    );
    console.log(`toy mean coverage: ${(100 * r).toFixed(1)}%`);
    expect(r).toBeGreaterThanOrEqual(0.93);
    expect(r).toBeLessThanOrEqual(0.97);
  });

  it('a share near its bound (mean 0.1): the logit-scale interval stays in [0, 1] and keeps its coverage', () => {
    // Replicate shares: logistic of a normal, so the true mean is computed once by simulation.
    const draw = (rng: Rng): number => 1 / (1 + Math.exp(-(-2.2 + 0.25 * rng.normal())));
    const big = createRng(1);
    let truth = 0;
    for (let k = 0; k < 1_000_000; k++) truth += draw(big);
    truth /= 1_000_000;
    let outside = 0;
    const r = coverage(
      (rng) => {
        const ci = meanInterval(
          Array.from({ length: REPLICATES }, () => draw(rng)),
          [0, 1],
        );
        if (ci.lower < 0 || ci.upper > 1) outside++;
        return ci;
      },
      truth,
      400,
    );
    console.log(`share (logit) coverage: ${(100 * r).toFixed(1)}%`);
    expect(outside).toBe(0);
    expect(r).toBeGreaterThanOrEqual(0.93);
    expect(r).toBeLessThanOrEqual(0.97);
  });
});

type Sh = ReturnType<typeof shapleyReplicates>;
