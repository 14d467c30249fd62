import { mean, sampleStandardDeviation } from 'simple-statistics';
import { InputError } from '../../core/errors.js';
import { bootstrapIntervals, bootstrapOptionProblems, type BootstrapOptions } from './bootstrap.js';
import type { MorrisDesign } from './morrisDesign.js';
import { outputProblems } from './outputProblems.js';

/** Morris measures of one parameter for one output. */
export interface MorrisIndices {
  readonly name: string;
  /** Mean elementary effect: signed, so effects of opposite sign cancel. */
  readonly mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007): the importance ranking. */
  readonly muStar: number;
  /** Sample standard deviation of the effects: non-linearity or interaction. */
  readonly sigma: number;
  /** Percentile-bootstrap interval of mu*, resampling whole trajectories. */
  readonly muStarLower: number;
  readonly muStarUpper: number;
  /** The r elementary effects, one per trajectory. */
  readonly effects: readonly number[];
}

/** What the analysis needs from a design; a design read back from disk will do. */
export type MorrisLayout = Pick<MorrisDesign, 'parameters' | 'delta' | 'trajectories'>;

/**
 * Morris measures from one output per design point (in the order of `design.points`).
 *
 * An elementary effect is the output's change over one step divided by the signed
 * step in the unit cube (+delta or -delta), so effects are in output units per full
 * parameter range: for y = c x with x in [min, max] every effect is c (max - min).
 * sigma is the sample standard deviation (n - 1), as in SALib.
 *
 * @throws InputError if the outputs do not match the design or a bootstrap option is bad.
 * @example
 * const design = morrisDesign(space, { trajectories: 20, levels: 4, seed: 1 });
 * const y = design.points.map(model);
 * morrisAnalyze(design, y, { rng: createRng(2) }) // => [{ name, mu, muStar, sigma, ... }, ...]
 */
export function morrisAnalyze(
  design: MorrisLayout,
  outputs: readonly number[],
  options: BootstrapOptions,
): MorrisIndices[] {
  const D = design.parameters.length;
  const r = design.trajectories.length;
  const problems = [...outputProblems(outputs, r * (D + 1)), ...bootstrapOptionProblems(options)];
  if (problems.length > 0) throw new InputError('morris analysis', problems);

  // effects[i][t]: elementary effect of parameter i in trajectory t.
  const effects: number[][] = Array.from({ length: D }, () => new Array<number>(r));
  design.trajectories.forEach((tr, t) => {
    tr.order.forEach((i, k) => {
      const change = outputs[tr.start + k + 1] - outputs[tr.start + k];
      effects[i][t] = change / (tr.direction[i] * design.delta);
    });
  });

  // Whole trajectories are the independent units, so they are what is resampled.
  const ci = bootstrapIntervals(r, (idx) => effects.map((e) => meanAbs(e, idx)), options);
  return design.parameters.map((p, i) => ({
    name: p.name,
    mu: mean(effects[i]),
    muStar: mean(effects[i].map(Math.abs)),
    sigma: sampleStandardDeviation(effects[i]),
    muStarLower: ci.lower[i],
    muStarUpper: ci.upper[i],
    effects: effects[i],
  }));
}

function meanAbs(values: readonly number[], idx: Uint32Array): number {
  let sum = 0;
  for (let k = 0; k < idx.length; k++) sum += Math.abs(values[idx[k]]);
  return sum / idx.length;
}
