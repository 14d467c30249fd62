import type { Particle } from './abcSmc.js';
import type { CalibrationParameter, CalibrationTarget } from './calibrationPlan.js';
import { priorWorkingSd, toWorking, type Prior } from './prior.js';

/** One parameter's row of the posterior table. */
export interface PosteriorRow {
  readonly path: string;
  /** e.g. `uniform [0.35, 0.8]`. */
  readonly prior: string;
  /** The prior's range in the parameter's unit (for a normal without bounds: mean +- 2 sd). */
  readonly priorLow: number;
  readonly priorHigh: number;
  readonly mean: number;
  readonly median: number;
  /** 90% interval: weighted 5% and 95% quantiles. */
  readonly q05: number;
  readonly q95: number;
  /** Posterior sd over prior sd, on the working scale (log for loguniform). */
  readonly sdRatio: number;
  /** sdRatio < 0.5: identified; < 0.9: partly; else the data leave it near its prior. */
  readonly identified: 'identified' | 'partly' | 'prior';
}

/**
 * Weighted quantile: the smallest value whose cumulative weight reaches q (weights
 * normalised here).
 *
 * @example weightedQuantile([3, 1, 2], [1, 1, 2], 0.5) // => 2
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const total = weights.reduce((s, w) => s + w, 0);
  let c = 0;
  for (const i of order) {
    c += weights[i] / total;
    if (c >= q - 1e-12) return values[i];
  }
  return values[order[order.length - 1]];
}

/** A prior as one line: `loguniform [0.01, 1]`, `normal(0.3, 0.1) in [0, 1]`, `beta(2, 5) on [0, 1]`. */
export function priorText(p: Prior): string {
  switch (p.distribution) {
    case 'normal': {
      const cut = p.min !== undefined || p.max !== undefined ? ` in [${p.min ?? '-inf'}, ${p.max ?? 'inf'}]` : '';
      return `normal(${p.mean}, ${p.sd})${cut}`;
    }
    case 'beta':
      return `beta(${p.a}, ${p.b}) on [${p.min}, ${p.max}]`;
    default:
      return `${p.distribution} [${p.min}, ${p.max}]`;
  }
}

/** The posterior table: each parameter's prior range, weighted mean, median, 90% interval and whether the data identify it. */
export function posteriorTable(
  parameters: readonly CalibrationParameter[],
  particles: readonly Particle[],
): PosteriorRow[] {
  const w = particles.map((p) => p.weight);
  return parameters.map((param, k) => {
    const prior = param.prior;
    const x = particles.map((p) => p.theta[k]);
    const z = x.map((v) => toWorking(prior, v));
    const zMean = z.reduce((s, v, i) => s + w[i] * v, 0);
    const zSd = Math.sqrt(z.reduce((s, v, i) => s + w[i] * (v - zMean) ** 2, 0));
    const sdRatio = zSd / priorWorkingSd(prior);
    const [priorLow, priorHigh] =
      prior.distribution === 'normal'
        ? [
            Math.max(prior.min ?? -Infinity, prior.mean - 2 * prior.sd),
            Math.min(prior.max ?? Infinity, prior.mean + 2 * prior.sd),
          ]
        : [prior.min, prior.max];
    return {
      path: param.path,
      prior: priorText(prior),
      priorLow,
      priorHigh,
      mean: x.reduce((s, v, i) => s + w[i] * v, 0),
      median: weightedQuantile(x, w, 0.5),
      q05: weightedQuantile(x, w, 0.05),
      q95: weightedQuantile(x, w, 0.95),
      sdRatio,
      identified: sdRatio < 0.5 ? 'identified' : sdRatio < 0.9 ? 'partly' : 'prior',
    };
  });
}

/** One target's row of the posterior predictive check. */
export interface PredictiveRow {
  readonly target: string;
  readonly observed: number | null;
  readonly band: readonly [number, number] | null;
  readonly mean: number;
  readonly sd: number;
  readonly q05: number;
  readonly q95: number;
  /**
   * Two-sided posterior predictive p-value, 2 min(P(sim <= obs), P(sim >= obs)), for an
   * observed value; for a band, the share of draws inside it.
   */
  readonly pValue: number;
  /** Draws that gave a value (NaN draws are left out). */
  readonly draws: number;
}

/**
 * The posterior predictive check: each target's observed value against the values
 * simulated at posterior draws (each draw with its own seeds).
 *
 * @param values values[draw][target]
 */
export function predictiveCheck(
  targets: readonly CalibrationTarget[],
  values: readonly (readonly number[])[],
): PredictiveRow[] {
  return targets.map((t, k) => {
    const v = values.map((row) => row[k]).filter((x) => !Number.isNaN(x));
    const n = v.length;
    const ones = v.map(() => 1);
    const mean = v.reduce((s, x) => s + x, 0) / Math.max(1, n);
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, n - 1));
    let pValue: number;
    if (t.band) pValue = v.filter((x) => x >= t.band![0] && x <= t.band![1]).length / Math.max(1, n);
    else {
      const below = v.filter((x) => x <= t.observed!).length / Math.max(1, n);
      const above = v.filter((x) => x >= t.observed!).length / Math.max(1, n);
      pValue = Math.min(1, 2 * Math.min(below, above));
    }
    return {
      target: t.name,
      observed: t.observed,
      band: t.band,
      mean,
      sd,
      q05: n > 0 ? weightedQuantile(v, ones, 0.05) : Number.NaN,
      q95: n > 0 ? weightedQuantile(v, ones, 0.95) : Number.NaN,
      pValue,
      draws: n,
    };
  });
}
