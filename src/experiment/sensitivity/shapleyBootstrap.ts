import { mean } from 'simple-statistics';
import { InputError, type InputProblem } from '../../core/errors.js';
import { bootstrapIntervals, bootstrapOptionProblems, type BootstrapOptions } from './bootstrap.js';
import { coalitions, permutationCoalitions, shapleyExact, shapleyFromPermutations } from './shapley.js';

/** Shapley attribution of a total gain to n players, with bootstrap intervals. */
export interface ShapleyAttribution {
  /** Shapley value of each player, in the outcome's unit. */
  readonly values: number[];
  readonly lower: number[];
  readonly upper: number[];
  /** Mean outcome with no player (the waterfall's start) and with all (its end). */
  readonly empty: number;
  readonly full: number;
  /** full - empty, which the values add up to, with its own interval. */
  readonly total: number;
  readonly totalLower: number;
  readonly totalUpper: number;
  /** Number of replicates per coalition. */
  readonly replicates: number;
}

export interface ShapleyBootstrapOptions extends BootstrapOptions {
  /**
   * Player orders of a permutation-sampling estimate ({@link samplePermutations});
   * when given, only the coalitions they visit need outcomes. Without it the
   * attribution is exact and needs all 2^n. The same orders are used in every
   * resample, so the intervals cover replicate noise, not the sampling of orders.
   */
  readonly permutations?: readonly (readonly number[])[];
}

/**
 * Shapley values of the replicate-mean outcome, from per-replicate outcomes of each
 * coalition: `outcomes[mask][k]` is replicate k's outcome with the players in `mask`.
 *
 * Replicate k is expected to use the same seed in every coalition (common random
 * numbers), so differences between coalitions are not swamped by run-to-run noise.
 * The bootstrap therefore resamples replicate indices once per resample and applies
 * the same indices to every coalition, keeping each replicate's coalitions together.
 * With one replicate the intervals collapse to the point estimate.
 *
 * @throws InputError if a needed coalition is missing, replicate counts differ or a
 *   value is not finite, or a bootstrap option is bad.
 * @example
 * // outcomes[mask] = [replicate 0, replicate 1, ...] for mask 0..2^n-1
 * shapleyReplicates(2, [[0, 0], [1, 3], [2, 2], [4, 6]], { rng: createRng(1) })
 * // values => [2.5, 2.5] (means 0, 2, 2, 5), summing to total 5
 */
export function shapleyReplicates(
  n: number,
  outcomes: readonly (readonly number[] | undefined)[],
  options: ShapleyBootstrapOptions,
): ShapleyAttribution {
  const needed = options.permutations ? permutationCoalitions(n, options.permutations) : coalitions(n);
  const full = 2 ** n - 1;
  if (!needed.includes(full)) needed.push(full);
  const problems = [...outcomeProblems(outcomes, needed), ...bootstrapOptionProblems(options)];
  if (options.permutations && options.permutations.length === 0) {
    problems.push({ path: 'permutations', message: 'must hold at least one player order' });
  }
  if (problems.length > 0) throw new InputError('shapley attribution', problems);

  const replicates = outcomes[0]!.length;
  const shapley = (means: Float64Array): number[] => {
    const v = (mask: number): number => means[mask];
    return options.permutations ? shapleyFromPermutations(n, options.permutations, v) : shapleyExact(n, v);
  };
  // The statistic vector is [phi_0 .. phi_{n-1}, total].
  const statistic = (idx: Uint32Array): number[] => {
    const means = new Float64Array(2 ** n);
    for (const mask of needed) {
      const row = outcomes[mask]!;
      let sum = 0;
      for (let k = 0; k < idx.length; k++) sum += row[idx[k]];
      means[mask] = sum / idx.length;
    }
    return [...shapley(means), means[full] - means[0]];
  };

  const means = new Float64Array(2 ** n);
  for (const mask of needed) means[mask] = mean(outcomes[mask] as number[]);
  const values = shapley(means);
  const ci = bootstrapIntervals(replicates, statistic, options);
  return {
    values,
    lower: ci.lower.slice(0, n),
    upper: ci.upper.slice(0, n),
    empty: means[0],
    full: means[full],
    total: means[full] - means[0],
    totalLower: ci.lower[n],
    totalUpper: ci.upper[n],
    replicates,
  };
}

function outcomeProblems(
  outcomes: readonly (readonly number[] | undefined)[],
  needed: readonly number[],
): InputProblem[] {
  if (!Array.isArray(outcomes))
    return [{ path: 'outcomes', message: 'must be a list indexed by coalition', found: outcomes }];
  const problems: InputProblem[] = [];
  let replicates: number | undefined;
  for (const mask of needed) {
    const row = outcomes[mask];
    const at = `outcomes[${mask}]`;
    if (!Array.isArray(row) || row.length === 0) {
      problems.push({ path: at, message: `needs at least one replicate's outcome for coalition ${mask.toString(2)}` });
      continue;
    }
    replicates ??= row.length;
    if (row.length !== replicates) {
      problems.push({
        path: at,
        message: `must have ${replicates} replicates like the other coalitions`,
        found: `${row.length} values`,
      });
    }
    const bad = row.findIndex((y) => typeof y !== 'number' || !Number.isFinite(y));
    if (bad >= 0) problems.push({ path: `${at}[${bad}]`, message: 'must be a finite number', found: row[bad] });
  }
  return problems;
}
