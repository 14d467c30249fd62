import { InputError, type InputProblem } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { parameterSpaceProblems, toParameterPoint, type ParameterSpace } from './parameterSpace.js';
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from './sobolSequence.js';

/** Largest base sample accepted: 2^20 rows is already ~10^7 runs for a handful of parameters. */
export const SALTELLI_MAX_N = 2 ** 20;

/** Settings of a Saltelli design for Sobol' indices. */
export interface SaltelliOptions {
  /** N: base sample size, a power of two (1024, 2048, ...) so the Sobol' points are balanced. */
  readonly n: number;
  /** Also build the BA_i blocks needed for second-order indices. */
  readonly secondOrder?: boolean;
  /** Seed of the scramble of the Sobol' sequence. */
  readonly seed: number | string;
}

/**
 * How the design's rows are grouped, which is all the analysis needs besides outputs.
 *
 * Rows come in N groups of `groupSize`, one group per base row j, in SALib's order:
 * A_j, AB_j^(1), ..., AB_j^(D), [BA_j^(1), ..., BA_j^(D)], B_j. AB^(i) is A with
 * column i taken from B; BA^(i) is B with column i taken from A. Keeping a base row's
 * runs together means a partly finished design still holds whole groups.
 */
export interface SaltelliLayout {
  readonly n: number;
  readonly dimensions: number;
  readonly secondOrder: boolean;
  /** D + 2, or 2D + 2 with second order. */
  readonly groupSize: number;
}

/** A Saltelli design: the points to run, in the order of its layout. */
export interface SaltelliDesign extends SaltelliLayout {
  readonly method: 'sobol';
  readonly parameters: ParameterSpace;
  readonly seed: number | string;
  /** N * groupSize rows of parameter values, in the parameters' own units. */
  readonly points: number[][];
  /** The same rows in the unit cube. */
  readonly unit: number[][];
}

/**
 * Problems with Saltelli settings for a space of `dimensions` parameters.
 *
 * @example saltelliOptionProblems({ n: 1000, seed: 1 }, 3)[0].path // => 'n'
 */
export function saltelliOptionProblems(options: SaltelliOptions, dimensions: number): InputProblem[] {
  const problems: InputProblem[] = [];
  const { n } = options;
  const powerOfTwo = Number.isInteger(n) && n >= 1 && Math.log2(n) % 1 === 0;
  if (!powerOfTwo) {
    const hint = Number.isFinite(n) && n > 1 ? ` (nearest: ${nearestPowersOfTwo(n).join(' or ')})` : '';
    problems.push({ path: 'n', message: `must be a power of two${hint}`, found: n });
  } else if (n < 2 || n > SALTELLI_MAX_N) {
    problems.push({ path: 'n', message: `must be from 2 to 2^20 (${SALTELLI_MAX_N})`, found: n });
  }
  if (options.secondOrder !== undefined && typeof options.secondOrder !== 'boolean') {
    problems.push({ path: 'secondOrder', message: 'must be true or false', found: options.secondOrder });
  }
  if (2 * dimensions > SOBOL_MAX_DIMENSIONS) {
    problems.push({
      path: 'parameters',
      message: `at most ${SOBOL_MAX_DIMENSIONS / 2} parameters (the Sobol' sequence has ${SOBOL_MAX_DIMENSIONS} dimensions and the design needs two per parameter)`,
      found: `${dimensions} parameters`,
    });
  }
  return problems;
}

/**
 * A Saltelli design (Saltelli 2002; Saltelli et al. 2010) from a scrambled Sobol'
 * sequence in 2D dimensions: its first D columns are A, the last D are B. That gives
 * N (D + 2) runs, or N (2D + 2) with second order. Same seed, same design.
 *
 * @throws InputError listing every problem with the space and the settings at once.
 * @example
 * const design = saltelliDesign(space3, { n: 1024, seed: 1 });
 * design.points.length // => 1024 * 5
 */
export function saltelliDesign(space: ParameterSpace, options: SaltelliOptions): SaltelliDesign {
  const problems = [...parameterSpaceProblems(space)];
  problems.push(...saltelliOptionProblems(options, Array.isArray(space) ? space.length : 0));
  if (problems.length > 0) throw new InputError('sobol design', problems);

  const { n, seed } = options;
  const secondOrder = options.secondOrder ?? false;
  const D = space.length;
  const groupSize = secondOrder ? 2 * D + 2 : D + 2;
  const base = sobolSequence(n, 2 * D, { scramble: createRng(seed) });

  const unit: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, D);
    const b = row.slice(D);
    unit.push(a);
    for (let i = 0; i < D; i++) unit.push(a.map((x, k) => (k === i ? b[i] : x)));
    if (secondOrder) for (let i = 0; i < D; i++) unit.push(b.map((x, k) => (k === i ? a[i] : x)));
    unit.push(b);
  }
  const points = unit.map((row) => toParameterPoint(space, row));
  return { method: 'sobol', parameters: space, seed, n, dimensions: D, secondOrder, groupSize, points, unit };
}

function nearestPowersOfTwo(n: number): number[] {
  const below = 2 ** Math.floor(Math.log2(n));
  return [below, below * 2];
}
