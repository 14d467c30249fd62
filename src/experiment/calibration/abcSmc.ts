import { createRng, type Rng } from '../../core/rng.js';
import { deriveSeed } from '../../core/seed.js';
import {
  fromWorking,
  logPriorDensity,
  normalCdf,
  normalPdf,
  samplePrior,
  toWorking,
  workingSupport,
  type Prior,
} from './prior.js';

/*
 * ABC-SMC as adaptive population Monte Carlo: the importance sampler of Beaumont,
 * Cornuet, Marin & Robert (2009, Biometrika 96(4)) with the adaptive tolerance of
 * Lenormand, Jabot & Deffuant (2013, Computational Statistics 28, "APMC", built for
 * individual-based models; in the spirit of Del Moral, Doucet & Jasra 2012).
 *
 * Every generation simulates a fixed batch of M new proposals, so a generation is one
 * plan of runs that the worker pool, resume, --shard and merge handle like any other:
 * - generation 0 draws M parameter vectors from the prior and keeps the N best;
 * - generation t > 0 resamples a parent from the N particles of t-1 by weight and
 *   perturbs it with a componentwise normal kernel of twice their weighted variance
 *   (Beaumont et al. 2009), truncated to the prior's support;
 * - the N particles of t-1 and the M new ones are pooled, the tolerance eps_t is the
 *   N-th smallest distance of the pool (an adaptive quantile), and the N best are kept;
 * - a new particle's weight is prior(theta) / q(theta), q the truncated kernel mixture it
 *   was drawn from; a kept old particle keeps its weight (1 in generation 0);
 * - the acceptance rate is the share of new proposals that are kept; the sampler stops
 *   when it falls under a floor (the posterior is reached) or after a set number of
 *   generations.
 * Everything runs on each parameter's working scale (log for loguniform priors).
 * Proposal i of generation t draws from its own stream, deriveSeed(seed, 'abc', t, i):
 * never from Math.random, and independent of how many workers simulate the batch.
 */

/** How the sampler runs. */
export interface AbcSettings {
  /** N: particles kept in each generation (the posterior sample size). */
  readonly particles: number;
  /** M: new proposals simulated per generation (M >= N). */
  readonly proposals: number;
  /** The most generations run (generation 0 included). */
  readonly generations: number;
  /** Stop once fewer than this share of a generation's new proposals are kept. */
  readonly minAcceptance: number;
}

/** One kept particle: where it was proposed, its parameter values (parameter units), distance and weights. */
export interface Particle {
  /** The generation that proposed (and simulated) it. */
  readonly generation: number;
  /** Which proposal of that generation it was (0..M-1): names its runs. */
  readonly proposal: number;
  readonly theta: readonly number[];
  readonly distance: number;
  /** Weight normalised over the generation's particles. */
  readonly weight: number;
  /** prior / proposal density (1 in generation 0): carried when the particle is kept again. */
  readonly rawWeight: number;
}

/** A finished generation: its tolerance, kept particles and how it went. */
export interface Generation {
  readonly index: number;
  /** eps_t: the largest distance kept. */
  readonly epsilon: number;
  readonly particles: readonly Particle[];
  /** New proposals simulated. */
  readonly proposals: number;
  /** Share of this generation's new proposals that were kept. */
  readonly acceptance: number;
  /** Effective sample size of the weights, (sum w)^2 / sum w^2. */
  readonly ess: number;
}

/** The componentwise normal kernel of a generation: sd per parameter on the working scale. */
export function kernelSds(priors: readonly Prior[], g: Generation): number[] {
  return priors.map((p, k) => {
    let mean = 0;
    for (const q of g.particles) mean += q.weight * toWorking(p, q.theta[k]);
    let variance = 0;
    for (const q of g.particles) variance += q.weight * (toWorking(p, q.theta[k]) - mean) ** 2;
    const sd = Math.sqrt(2 * variance);
    // A population collapsed on one value would stop moving: keep a floor relative to the support or value.
    const { lo, hi } = workingSupport(p);
    const floor = 1e-9 * (Number.isFinite(hi - lo) ? hi - lo : Math.max(1, Math.abs(mean)));
    return Math.max(sd, floor);
  });
}

/**
 * The M parameter vectors of generation t (parameter units, prior order): from the prior
 * when there is no previous generation, else perturbed parents. Pure: the same inputs
 * give the same proposals.
 */
export function proposeGeneration(
  priors: readonly Prior[],
  previous: Generation | null,
  proposals: number,
  seed: number,
  t: number,
): number[][] {
  const out: number[][] = [];
  const sds = previous ? kernelSds(priors, previous) : [];
  const cumulative = previous ? cumulativeWeights(previous) : [];
  for (let i = 0; i < proposals; i++) {
    const rng = createRng(deriveSeed(seed, 'abc', t, i));
    if (!previous) {
      out.push(priors.map((p) => samplePrior(p, rng)));
      continue;
    }
    const parent = previous.particles[pickIndex(cumulative, rng)];
    out.push(priors.map((p, k) => fromWorking(p, perturb(p, toWorking(p, parent.theta[k]), sds[k], rng))));
  }
  return out;
}

/**
 * Generation t from its simulated proposals: pooled with the particles of t-1, the N
 * best are kept (ties go to the older particle, then the earlier proposal), with the
 * tolerance, weights, acceptance and ESS. A NaN distance (the simulation gave no value)
 * counts as infinitely far.
 */
export function concludeGeneration(
  priors: readonly Prior[],
  settings: Pick<AbcSettings, 'particles'>,
  t: number,
  proposals: readonly (readonly number[])[],
  distances: readonly number[],
  previous: Generation | null,
): Generation {
  const sds = previous ? kernelSds(priors, previous) : [];
  const fresh = proposals.map(
    (theta, i): Omit<Particle, 'weight'> => ({
      generation: t,
      proposal: i,
      theta,
      distance: Number.isNaN(distances[i]) ? Infinity : distances[i],
      rawWeight: previous ? importanceWeight(priors, theta, previous, sds) : 1,
    }),
  );
  // A proposal the prior rules out (weight 0) cannot be kept.
  const pool = [...(previous?.particles ?? []), ...fresh.filter((p) => p.rawWeight > 0)];
  pool.sort((a, b) => a.distance - b.distance || a.generation - b.generation || a.proposal - b.proposal);
  const kept = pool.slice(0, Math.min(settings.particles, pool.length));
  const epsilon = kept.length > 0 ? kept[kept.length - 1].distance : Infinity;
  const total = kept.reduce((s, p) => s + p.rawWeight, 0);
  const particles: Particle[] = kept.map((p) => ({
    generation: p.generation,
    proposal: p.proposal,
    theta: p.theta,
    distance: p.distance,
    weight: total > 0 ? p.rawWeight / total : 1 / kept.length,
    rawWeight: p.rawWeight,
  }));
  const acceptance = particles.filter((p) => p.generation === t).length / Math.max(1, proposals.length);
  return { index: t, epsilon, particles, proposals: proposals.length, acceptance, ess: effectiveSampleSize(particles) };
}

/** Whether to run another generation after `g`. */
export function shouldContinue(settings: AbcSettings, g: Generation): boolean {
  return g.index + 1 < settings.generations && (g.index === 0 || g.acceptance >= settings.minAcceptance);
}

/** (sum w)^2 / sum w^2 of normalised weights. */
export function effectiveSampleSize(particles: readonly Pick<Particle, 'weight'>[]): number {
  let s = 0;
  let s2 = 0;
  for (const p of particles) {
    s += p.weight;
    s2 += p.weight * p.weight;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** prior(theta) / sum_j w_j K(theta | theta_j), on the working scale with truncated kernels. */
function importanceWeight(
  priors: readonly Prior[],
  theta: readonly number[],
  previous: Generation,
  sds: readonly number[],
): number {
  const z = priors.map((p, k) => toWorking(p, theta[k]));
  let logPrior = 0;
  priors.forEach((p, k) => {
    logPrior += logPriorDensity(p, z[k]);
  });
  if (logPrior === -Infinity) return 0;
  let q = 0;
  for (const parent of previous.particles) {
    let k = 1;
    for (let c = 0; c < priors.length; c++) {
      const p = priors[c];
      const mu = toWorking(p, parent.theta[c]);
      const { lo, hi } = workingSupport(p);
      const mass = normalCdf((hi - mu) / sds[c]) - normalCdf((lo - mu) / sds[c]);
      k *= normalPdf((z[c] - mu) / sds[c]) / (sds[c] * Math.max(mass, 1e-300));
    }
    q += parent.weight * k;
  }
  return q > 0 ? Math.exp(logPrior) / q : 0;
}

function cumulativeWeights(g: Generation): number[] {
  let s = 0;
  return g.particles.map((p) => (s += p.weight));
}

/** Index drawn with probability proportional to weight (binary search in the cumulative weights). */
function pickIndex(cumulative: readonly number[], rng: Rng): number {
  const u = rng.uniform() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A normal step from z, redrawn until it lands in the prior's support (a truncated kernel). */
function perturb(p: Prior, z: number, sd: number, rng: Rng): number {
  const { lo, hi } = workingSupport(p);
  for (let k = 0; k < 100_000; k++) {
    const x = z + sd * rng.normal();
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(hi, Math.max(lo, z));
}
