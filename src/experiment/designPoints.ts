import { createRng } from '../core/rng.js';
import { deriveSeed } from '../core/seed.js';
import type { SweepParameter } from '../scenario/experimentSchema.js';
import { fromUnit } from './sensitivity/parameterSpace.js';
import { randomPermutation } from './sensitivity/randomPermutation.js';

/** One design point of a sweep: the value of each swept parameter, and the key that names it. */
export interface DesignPoint {
  /**
   * Stable name of the point, built from its values (`awareness.peerWeight=0.04,membership.feeSubsidy=0.5`);
   * '' for the one point of a replication or comparison. It is part of every run's seed,
   * so adding a point or reordering parameters' lists changes no other point's runs.
   */
  readonly key: string;
  /** Parameter path -> value, in the order the parameters are listed. */
  readonly params: Readonly<Record<string, number | string | boolean | null>>;
}

/** The single point of an experiment without a sweep. */
export const BASE_POINT: DesignPoint = { key: '', params: {} };

type Value = number | string | boolean | null;

/** Rounds computed values to 12 significant digits, so that 0.1 steps give 0.3 rather than 0.30000000000000004. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * The values of one factorial parameter: its list, or `steps` evenly spaced values from
 * `from` to `to`, both included (spaced evenly in the logarithm when scale is log).
 *
 * @example parameterValues({ path: 'x', from: 0, to: 1, steps: 3, scale: 'linear' }) // => [0, 0.5, 1]
 */
export function parameterValues(p: SweepParameter): Value[] {
  if (p.values !== undefined) return p.values.slice();
  const from = p.from!;
  const to = p.to!;
  const steps = p.steps!;
  return Array.from({ length: steps }, (_, k) => {
    if (k === 0) return from;
    if (k === steps - 1) return to;
    const u = k / (steps - 1);
    return tidy(
      p.scale === 'log' ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from),
    );
  });
}

/** The key of a point from its values, in parameter order. */
export function pointKeyOf(params: Readonly<Record<string, Value>>): string {
  return Object.entries(params)
    .map(([path, v]) => `${path}=${JSON.stringify(v)}`)
    .join(',');
}

function point(entries: [string, Value][]): DesignPoint {
  const params = Object.fromEntries(entries);
  return { key: pointKeyOf(params), params };
}

/**
 * The full factorial: every combination of the parameters' values, the last parameter
 * varying fastest.
 *
 * @example factorialPoints([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y'] }]).map((p) => p.key)
 * // => ['a=1,b="x"', 'a=1,b="y"', 'a=2,b="x"', 'a=2,b="y"']
 */
export function factorialPoints(parameters: readonly SweepParameter[]): DesignPoint[] {
  let combos: [string, Value][][] = [[]];
  for (const p of parameters) {
    const values = parameterValues(p);
    combos = combos.flatMap((c) => values.map((v): [string, Value][] => [...c, [p.path, v]]));
  }
  return combos.map(point);
}

/**
 * A Latin hypercube of `n` points over the parameters' ranges (McKay, Beckman & Conover
 * 1979): each range is cut into n equal strata (equal in the logarithm on a log scale),
 * every stratum of every parameter holds exactly one point, the strata are matched at
 * random and each point is drawn uniformly inside its cell. The draws come from a stream
 * derived from `seed`, so the same file always gives the same points.
 */
export function latinHypercubePoints(parameters: readonly SweepParameter[], n: number, seed: number): DesignPoint[] {
  const rng = createRng(deriveSeed(seed, 'latin-hypercube'));
  const columns = parameters.map((p) => {
    const perm = randomPermutation(n, rng);
    return perm.map((stratum) => {
      const u = (stratum + rng.uniform()) / n;
      return tidy(
        fromUnit(
          { name: p.path, min: p.from!, max: p.to!, distribution: p.scale === 'log' ? 'loguniform' : 'uniform' },
          u,
        ),
      );
    });
  });
  return Array.from({ length: n }, (_, i) => point(parameters.map((p, j): [string, Value] => [p.path, columns[j][i]])));
}
