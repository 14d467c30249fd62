import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { deriveSeed } from '../../../src/core/seed.js';
import { runAbcInProcess } from '../../../src/experiment/calibration/abcInProcess.js';
import { effectiveSampleSize, type Generation } from '../../../src/experiment/calibration/abcSmc.js';
import type { Prior } from '../../../src/experiment/calibration/prior.js';
import { regressionAdjust } from '../../../src/experiment/calibration/regressionAdjustment.js';

/** Weighted mean and sd of parameter k of a generation's particles. */
function moments(g: Generation, k = 0): { mean: number; sd: number } {
  let mean = 0;
  for (const p of g.particles) mean += p.weight * p.theta[k];
  let v = 0;
  for (const p of g.particles) v += p.weight * (p.theta[k] - mean) ** 2;
  return { mean, sd: Math.sqrt(v) };
}

const settings = { particles: 500, proposals: 1000, generations: 8, minAcceptance: 0.01 };

describe('ABC-SMC on toy models with known posteriors', () => {
  it('recovers the posterior of a normal mean with known variance within 0.1 posterior sd (mean) and 10% (sd)', () => {
    // Prior mu ~ N(0, 1); data: the mean of 4 draws from N(mu, 1), observed 1, so ybar ~ N(mu, 0.5^2).
    // Conjugate posterior (by hand): precision 1 + 4 = 5, mean 4 * 1 / 5 = 0.8, sd 1 / sqrt(5) = 0.4472.
    const priors: Prior[] = [{ distribution: 'normal', mean: 0, sd: 1 }];
    const gens = runAbcInProcess(priors, settings, 7, ([mu], t, i) => {
      const rng = createRng(deriveSeed(99, t, i));
      return Math.abs(mu + 0.5 * rng.normal() - 1);
    });
    const last = gens[gens.length - 1];
    const { mean, sd } = moments(last);
    expect(gens.length).toBeGreaterThan(3);
    expect(last.epsilon).toBeLessThan(0.1);
    expect(Math.abs(mean - 0.8)).toBeLessThan(0.1 * 0.4472);
    expect(Math.abs(sd / 0.4472 - 1)).toBeLessThan(0.1);
    // Tolerances fall generation by generation.
    for (let t = 1; t < gens.length; t++) expect(gens[t].epsilon).toBeLessThanOrEqual(gens[t - 1].epsilon);
  });

  it('recovers a binomial rate under a beta prior within 0.1 posterior sd (mean) and 10% (sd)', () => {
    // Prior p ~ Beta(2, 2); 18 successes in 50 trials. Posterior Beta(20, 34) (by hand):
    // mean 20/54 = 0.3704, sd sqrt(20 * 34 / (54^2 * 55)) = 0.06511.
    const priors: Prior[] = [{ distribution: 'beta', a: 2, b: 2, min: 0, max: 1 }];
    const gens = runAbcInProcess(priors, settings, 3, ([p], t, i) => {
      const rng = createRng(deriveSeed(5, t, i));
      let k = 0;
      for (let n = 0; n < 50; n++) if (rng.chance(p)) k++;
      return Math.abs(k - 18);
    });
    const last = gens[gens.length - 1];
    const { mean, sd } = moments(last);
    expect(last.epsilon).toBeLessThanOrEqual(1);
    expect(Math.abs(mean - 0.3704)).toBeLessThan(0.1 * 0.06511);
    expect(Math.abs(sd / 0.06511 - 1)).toBeLessThan(0.1);
  });

  it('works on the log scale for a loguniform prior and gives the same generations for the same seed', () => {
    const priors: Prior[] = [
      { distribution: 'loguniform', min: 0.01, max: 100 },
      { distribution: 'uniform', min: 0, max: 1 },
    ];
    const small = { particles: 100, proposals: 200, generations: 4, minAcceptance: 0 };
    const run = () => runAbcInProcess(priors, small, 11, ([a, b]) => Math.abs(Math.log(a)) + Math.abs(b - 0.5));
    const a = run();
    expect(run()).toEqual(a);
    const last = a[a.length - 1];
    expect(moments(last, 0).mean).toBeGreaterThan(0.3);
    expect(moments(last, 0).mean).toBeLessThan(3);
    for (const p of last.particles) expect(p.theta[0]).toBeGreaterThanOrEqual(0.01);
    expect(effectiveSampleSize(last.particles)).toBeCloseTo(last.ess, 10);
    expect(last.particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
  });
});

describe('rejection ABC with regression adjustment', () => {
  it('recovers the normal-mean posterior within 0.1 posterior sd (mean) and 15% (sd) from one prior batch', () => {
    // Same model as above: posterior N(0.8, 0.4472^2). The local-linear adjustment is exact
    // for a linear-Gaussian model, so a wide tolerance (best 20% of 5000) suffices.
    const priors: Prior[] = [{ distribution: 'normal', mean: 0, sd: 1 }];
    const stats: number[] = [];
    const gens = runAbcInProcess(
      priors,
      { particles: 2500, proposals: 5000, generations: 1, minAcceptance: 0 },
      2,
      ([mu], t, i) => {
        const s = mu + 0.5 * createRng(deriveSeed(42, t, i)).normal();
        stats[i] = s;
        return Math.abs(s - 1);
      },
    );
    const g = gens[0];
    const adjusted = regressionAdjust(
      priors,
      g.particles,
      g.particles.map((p) => [stats[p.proposal] - 1]),
      g.epsilon,
    );
    const { mean, sd } = moments({ ...g, particles: adjusted });
    expect(Math.abs(mean - 0.8)).toBeLessThan(0.1 * 0.4472);
    expect(Math.abs(sd / 0.4472 - 1)).toBeLessThan(0.15);
    // Without the adjustment the wide tolerance inflates the sd.
    expect(moments(g).sd).toBeGreaterThan(0.5);
  });
});
