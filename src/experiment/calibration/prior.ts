import { errorFunction } from 'simple-statistics';
import type { Rng } from '../../core/rng.js';
import { logGamma } from '../logGamma.js';

/**
 * A free parameter's prior distribution, in the parameter's own unit.
 * - uniform on [min, max];
 * - loguniform on [min, max] (min > 0): the logarithm is uniform;
 * - normal with mean and sd, truncated to [min, max] when either is given;
 * - beta(a, b) stretched over [min, max] (default 0..1).
 *
 * The sampler works on each parameter's *working scale*: the logarithm for loguniform,
 * the value itself otherwise. There every prior has a box support [lo, hi] and the
 * perturbation kernel is a normal; see {@link toWorking}.
 */
export type Prior =
  | { readonly distribution: 'uniform'; readonly min: number; readonly max: number }
  | { readonly distribution: 'loguniform'; readonly min: number; readonly max: number }
  | {
      readonly distribution: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly min?: number;
      readonly max?: number;
    }
  | {
      readonly distribution: 'beta';
      readonly a: number;
      readonly b: number;
      readonly min: number;
      readonly max: number;
    };

/** The support of a prior on its working scale (may be infinite for an untruncated normal). */
export function workingSupport(p: Prior): { lo: number; hi: number } {
  if (p.distribution === 'loguniform') return { lo: Math.log(p.min), hi: Math.log(p.max) };
  if (p.distribution === 'normal') return { lo: p.min ?? -Infinity, hi: p.max ?? Infinity };
  return { lo: p.min, hi: p.max };
}

/** A value in the parameter's unit on its working scale (log for loguniform). */
export function toWorking(p: Prior, x: number): number {
  return p.distribution === 'loguniform' ? Math.log(x) : x;
}

/** A working-scale value back in the parameter's unit. */
export function fromWorking(p: Prior, z: number): number {
  return p.distribution === 'loguniform' ? Math.exp(z) : z;
}

/**
 * Log density of the prior on the working scale, normalised (importance weights of
 * particles from different generations are compared, so constants must agree);
 * -Infinity outside the support.
 */
export function logPriorDensity(p: Prior, z: number): number {
  const { lo, hi } = workingSupport(p);
  if (!(z >= lo && z <= hi)) return -Infinity;
  switch (p.distribution) {
    case 'uniform':
    case 'loguniform':
      return -Math.log(hi - lo);
    case 'normal': {
      const mass = normalCdf((hi - p.mean) / p.sd) - normalCdf((lo - p.mean) / p.sd);
      return -((z - p.mean) ** 2) / (2 * p.sd * p.sd) - Math.log(p.sd * Math.sqrt(2 * Math.PI) * mass);
    }
    case 'beta': {
      const u = (z - p.min) / (p.max - p.min);
      // The open interval: at an end the density is 0 or unbounded, and no draw lands there.
      if (u <= 0 || u >= 1) return -Infinity;
      const logBeta = logGamma(p.a) + logGamma(p.b) - logGamma(p.a + p.b);
      return (p.a - 1) * Math.log(u) + (p.b - 1) * Math.log1p(-u) - logBeta - Math.log(p.max - p.min);
    }
  }
}

/** One draw from the prior, in the parameter's unit. */
export function samplePrior(p: Prior, rng: Rng): number {
  switch (p.distribution) {
    case 'uniform':
      return p.min + rng.uniform() * (p.max - p.min);
    case 'loguniform':
      return Math.exp(Math.log(p.min) + rng.uniform() * (Math.log(p.max) - Math.log(p.min)));
    case 'normal': {
      const { lo, hi } = workingSupport(p);
      // Rejection keeps the truncated normal exact; the schema requires the bounds to hold real mass.
      for (let k = 0; k < 100_000; k++) {
        const z = p.mean + p.sd * rng.normal();
        if (z >= lo && z <= hi) return z;
      }
      throw new Error(`normal prior (mean ${p.mean}, sd ${p.sd}) has almost no mass in [${lo}, ${hi}]`);
    }
    case 'beta': {
      const x = sampleGamma(p.a, rng);
      const y = sampleGamma(p.b, rng);
      return p.min + (x / (x + y)) * (p.max - p.min);
    }
  }
}

/**
 * The prior's standard deviation on the working scale: the yardstick against which a
 * posterior sd says whether the data identify the parameter.
 */
export function priorWorkingSd(p: Prior): number {
  switch (p.distribution) {
    case 'uniform':
    case 'loguniform': {
      const { lo, hi } = workingSupport(p);
      return (hi - lo) / Math.sqrt(12);
    }
    case 'beta': {
      const s = p.a + p.b;
      return Math.sqrt((p.a * p.b) / (s * s * (s + 1))) * (p.max - p.min);
    }
    case 'normal': {
      // Truncated normal variance (Johnson, Kotz & Balakrishnan 1994, eq. 13.134).
      const a = p.min === undefined ? -Infinity : (p.min - p.mean) / p.sd;
      const b = p.max === undefined ? Infinity : (p.max - p.mean) / p.sd;
      const z = normalCdf(b) - normalCdf(a);
      const pa = Number.isFinite(a) ? normalPdf(a) : 0;
      const pb = Number.isFinite(b) ? normalPdf(b) : 0;
      const aa = Number.isFinite(a) ? a * pa : 0;
      const bb = Number.isFinite(b) ? b * pb : 0;
      return p.sd * Math.sqrt(Math.max(0, 1 + (aa - bb) / z - ((pa - pb) / z) ** 2));
    }
  }
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF, from simple-statistics' error function. */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return 0.5 * (1 + errorFunction(x / Math.SQRT2));
}

/** Gamma(shape, 1) draw: Marsaglia & Tsang (2000), with the shape < 1 boost. */
function sampleGamma(shape: number, rng: Rng): number {
  if (shape < 1) return sampleGamma(shape + 1, rng) * rng.uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
