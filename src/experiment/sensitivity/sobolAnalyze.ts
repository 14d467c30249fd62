import { mean, variance } from 'simple-statistics';
import { InputError } from '../../core/errors.js';
import { bootstrapIntervals, bootstrapOptionProblems, type BootstrapOptions } from './bootstrap.js';
import { outputProblems } from './outputProblems.js';
import type { ParameterSpace } from './parameterSpace.js';
import type { SaltelliLayout } from './saltelliDesign.js';

/** First-order and total Sobol' indices of one parameter, with bootstrap intervals. */
export interface SobolIndices {
  readonly name: string;
  /** Share of output variance due to this parameter alone (0..1, up to sampling error). */
  readonly s1: number;
  readonly s1Lower: number;
  readonly s1Upper: number;
  /** Share due to this parameter including all its interactions (0..1). */
  readonly st: number;
  readonly stLower: number;
  readonly stUpper: number;
}

/** Second-order index of a pair of parameters: variance share of their interaction only. */
export interface SobolPairIndex {
  readonly names: readonly [string, string];
  /** Column indices of the pair, i < j. */
  readonly i: number;
  readonly j: number;
  readonly s2: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SobolResult {
  readonly indices: SobolIndices[];
  /** Present when the design was built with second order; pairs in (0,1), (0,2), ... order. */
  readonly second?: SobolPairIndex[];
  /** Output variance over the A and B rows, the denominator of every index. */
  readonly variance: number;
}

/** What the analysis needs from a design; a design read back from disk will do. */
export type SobolLayout = SaltelliLayout & { readonly parameters: ParameterSpace };

/** Outputs regrouped by block: a[j], b[j], ab[i][j], ba[i][j] for base row j. */
interface Blocks {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly ab: Float64Array[];
  readonly ba: Float64Array[];
}

/**
 * Sobol' indices from one output per row of a Saltelli design, with percentile-
 * bootstrap intervals from resampling the N base rows (each with all its AB/BA runs).
 *
 * Estimators, as in SALib's sobol.analyze, on outputs centred on their mean, with V the
 * variance of the A and B outputs:
 * - first order, Saltelli et al. (2010) table 2 (b): S1_i = mean(f(B) (f(AB_i) - f(A))) / V;
 * - total, Jansen (1999): ST_i = mean((f(A) - f(AB_i))^2) / (2 V);
 * - second order, Saltelli (2002): S2_ij = mean(f(BA_i) f(AB_j) - f(A) f(B)) / V - S1_i - S1_j.
 * An output that never varies has no variance to apportion: its indices are NaN.
 *
 * @throws InputError if the outputs do not match the layout or a bootstrap option is bad.
 * @example
 * const design = saltelliDesign(space, { n: 1024, seed: 1 });
 * sobolAnalyze(design, design.points.map(model), { rng: createRng(2) }).indices
 * // => [{ name, s1, s1Lower, s1Upper, st, stLower, stUpper }, ...]
 */
export function sobolAnalyze(layout: SobolLayout, outputs: readonly number[], options: BootstrapOptions): SobolResult {
  const problems = [...outputProblems(outputs, layout.n * layout.groupSize), ...bootstrapOptionProblems(options)];
  if (problems.length > 0) throw new InputError('sobol analysis', problems);

  const D = layout.dimensions;
  // Centre the outputs first, as SALib's sobol.analyze does (it standardises Y). The
  // first- and second-order estimators multiply raw outputs, so an output whose mean is
  // far from zero (consumption of Rp1.4 million varying by Rp25,000) buries them in noise
  // of the order mean/sd; centring leaves their expectation and ST (differences only) as
  // they are.
  const centre = mean(outputs as number[]);
  const blocks = splitBlocks(
    layout,
    outputs.map((y) => y - centre),
  );
  const pairs: [number, number][] = [];
  if (layout.secondOrder) for (let i = 0; i < D; i++) for (let j = i + 1; j < D; j++) pairs.push([i, j]);

  const all = Uint32Array.from({ length: layout.n }, (_, k) => k);
  const point = estimate(blocks, pairs, all);
  const ci = bootstrapIntervals(layout.n, (idx) => estimate(blocks, pairs, idx).stats, options);

  const names = layout.parameters.map((p) => p.name);
  const indices = names.map((name, i) => ({
    name,
    s1: point.stats[i],
    s1Lower: ci.lower[i],
    s1Upper: ci.upper[i],
    st: point.stats[D + i],
    stLower: ci.lower[D + i],
    stUpper: ci.upper[D + i],
  }));
  const second = layout.secondOrder
    ? pairs.map(
        ([i, j], k): SobolPairIndex => ({
          names: [names[i], names[j]],
          i,
          j,
          s2: point.stats[2 * D + k],
          lower: ci.lower[2 * D + k],
          upper: ci.upper[2 * D + k],
        }),
      )
    : undefined;
  return { indices, ...(second ? { second } : {}), variance: point.variance };
}

function splitBlocks(layout: SaltelliLayout, y: readonly number[]): Blocks {
  const { n, dimensions: D, groupSize } = layout;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = Array.from({ length: D }, () => new Float64Array(n));
  const ba = layout.secondOrder ? Array.from({ length: D }, () => new Float64Array(n)) : [];
  for (let j = 0; j < n; j++) {
    const g = j * groupSize;
    a[j] = y[g];
    for (let i = 0; i < D; i++) ab[i][j] = y[g + 1 + i];
    for (let i = 0; i < ba.length; i++) ba[i][j] = y[g + 1 + D + i];
    b[j] = y[g + groupSize - 1];
  }
  return { a, b, ab, ba };
}

/** Indices on the base rows `idx`: stats = [S1_0..S1_{D-1}, ST_0..ST_{D-1}, S2 per pair]. */
function estimate(
  blocks: Blocks,
  pairs: readonly [number, number][],
  idx: Uint32Array,
): { stats: number[]; variance: number } {
  const { a, b, ab, ba } = blocks;
  const m = idx.length;
  const pooled = new Array<number>(2 * m);
  for (let k = 0; k < m; k++) {
    pooled[k] = a[idx[k]];
    pooled[m + k] = b[idx[k]];
  }
  // Population variance of the pooled A and B outputs, as in SALib (np.var of np.r_[A, B]).
  const v = variance(pooled);
  if (v === 0) return { stats: new Array<number>(2 * ab.length + pairs.length).fill(NaN), variance: 0 };
  const s1: number[] = [];
  const st: number[] = [];
  for (const abi of ab) {
    let first = 0;
    let total = 0;
    for (let k = 0; k < m; k++) {
      const r = idx[k];
      first += b[r] * (abi[r] - a[r]);
      total += (a[r] - abi[r]) ** 2;
    }
    s1.push(first / m / v);
    st.push(total / (2 * m) / v);
  }
  const s2 = pairs.map(([i, j]) => {
    let joint = 0;
    for (let k = 0; k < m; k++) {
      const r = idx[k];
      joint += ba[i][r] * ab[j][r] - a[r] * b[r];
    }
    return joint / m / v - s1[i] - s1[j];
  });
  return { stats: [...s1, ...st, ...s2], variance: v };
}
