import { InputError, type InputProblem } from '../../core/errors.js';
import { meanInterval, type MeanInterval } from '../meanInterval.js';
import { coalitions, permutationCoalitions, shapleyExact, shapleyFromPermutations } from './shapley.js';

/** Shapley attribution of a total gain to n players, with t intervals over replicates. */
export interface ShapleyAttribution {
  /** Shapley value of each player, in the outcome's unit, with its interval. */
  readonly values: readonly MeanInterval[];
  /** Leave-one-out effect of each player: v(all) - v(all but the player). */
  readonly leaveOneOut: readonly MeanInterval[];
  /** Add-one effect of each player: v(the player alone) - v(none). */
  readonly addOne: readonly MeanInterval[];
  /** Mean outcome with no player (the waterfall's start) and with all (its end). */
  readonly empty: number;
  readonly full: number;
  /** v(all) - v(none), which the values add up to, with its interval. */
  readonly total: MeanInterval;
  /** Number of replicates per coalition. */
  readonly replicates: number;
}

export interface ShapleyReplicateOptions {
  /**
   * Player orders of a permutation-sampling estimate ({@link samplePermutations});
   * when given, only the coalitions they visit (and the singletons and all-but-one
   * coalitions, for the add-one and leave-one-out effects) need outcomes. The
   * intervals cover replicate noise, not the sampling of orders.
   */
  readonly permutations?: readonly (readonly number[])[];
  /** Confidence level (default 0.95). */
  readonly level?: number;
}

/** The coalitions an attribution needs: those the estimate visits plus none, all, each alone and all but each. */
export function neededCoalitions(n: number, permutations?: readonly (readonly number[])[]): number[] {
  const full = 2 ** n - 1;
  const masks = new Set(permutations ? permutationCoalitions(n, permutations) : coalitions(n));
  masks.add(0).add(full);
  for (let i = 0; i < n; i++) masks.add(1 << i).add(full ^ (1 << i));
  return [...masks].sort((a, b) => a - b);
}

/**
 * Shapley values from per-replicate outcomes of each coalition: `outcomes[mask][k]` is
 * replicate k's outcome with the players in `mask`.
 *
 * Replicate k is expected to use the same seed in every coalition (common random
 * numbers). Shapley values are linear in the outcomes, so each replicate's values are
 * computed from that replicate's coalitions alone; the replicates' values are then
 * independent draws, and their mean (equal to the values of the mean outcomes) gets a
 * Student t interval. So do the leave-one-out and add-one effects and the total.
 *
 * @throws InputError if a needed coalition is missing, replicate counts differ or a
 *   value is not finite.
 * @example
 * // outcomes[mask] = [replicate 0, replicate 1, ...] for mask 0..2^n-1
 * shapleyReplicates(2, [[0, 0], [1, 3], [2, 2], [4, 6]]).values.map((v) => v.mean)
 * // => [2.5, 2.5] (means 0, 2, 2, 5), summing to total 5
 */
export function shapleyReplicates(
  n: number,
  outcomes: readonly (readonly number[] | undefined)[],
  options: ShapleyReplicateOptions = {},
): ShapleyAttribution {
  const needed = neededCoalitions(n, options.permutations);
  const full = 2 ** n - 1;
  const problems = outcomeProblems(outcomes, needed);
  if (options.permutations && options.permutations.length === 0) {
    problems.push({ path: 'permutations', message: 'must hold at least one player order' });
  }
  if (problems.length > 0) throw new InputError('shapley attribution', problems);

  const replicates = outcomes[0]!.length;
  const level = options.level ?? 0.95;
  const phi: number[][] = Array.from({ length: n }, () => []);
  const loo: number[][] = Array.from({ length: n }, () => []);
  const add: number[][] = Array.from({ length: n }, () => []);
  const total: number[] = [];
  for (let k = 0; k < replicates; k++) {
    const v = (mask: number): number => outcomes[mask]![k];
    const values = options.permutations ? shapleyFromPermutations(n, options.permutations, v) : shapleyExact(n, v);
    for (let i = 0; i < n; i++) {
      phi[i].push(values[i]);
      loo[i].push(v(full) - v(full ^ (1 << i)));
      add[i].push(v(1 << i) - v(0));
    }
    total.push(v(full) - v(0));
  }
  const interval = (xs: number[]): MeanInterval => meanInterval(xs, [-Infinity, Infinity], level);
  return {
    values: phi.map(interval),
    leaveOneOut: loo.map(interval),
    addOne: add.map(interval),
    empty: meanInterval(outcomes[0]!).mean,
    full: meanInterval(outcomes[full]!).mean,
    total: interval(total),
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
