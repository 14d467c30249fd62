import { InputError, type InputProblem } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { randomPermutation } from './randomPermutation.js';
import { parameterSpaceProblems, toParameterPoint, type ParameterSpace } from './parameterSpace.js';

/** Settings of a Morris elementary-effects design. */
export interface MorrisOptions {
  /** r: number of trajectories (at least 2, so a spread can be estimated); 10 to 50 is usual. */
  readonly trajectories: number;
  /** p: number of grid levels per parameter (even, at least 4); 4 to 8 is usual. */
  readonly levels: number;
  /** Seed of the design's own random draws (base points, directions, orders). */
  readonly seed: number | string;
}

/**
 * One trajectory: D+1 consecutive design points, each after the first moving one
 * parameter by +delta or -delta in the unit cube.
 */
export interface MorrisTrajectory {
  /** Index in `points` of the trajectory's first point. */
  readonly start: number;
  /** order[k] is the parameter moved between point start+k and start+k+1. */
  readonly order: readonly number[];
  /** direction[i] is +1 if parameter i moves up by delta, -1 if it moves down. */
  readonly direction: readonly (1 | -1)[];
}

/** A Morris design: the points to run and the structure needed to analyse them. */
export interface MorrisDesign {
  readonly method: 'morris';
  readonly parameters: ParameterSpace;
  readonly levels: number;
  /** The step in the unit cube, p / (2 (p - 1)). */
  readonly delta: number;
  readonly seed: number | string;
  /** r (D+1) rows of parameter values, in the parameters' own units. */
  readonly points: number[][];
  /** The same rows in the unit cube, each value one of the p levels 0, 1/(p-1), ..., 1. */
  readonly unit: number[][];
  readonly trajectories: readonly MorrisTrajectory[];
}

/**
 * Problems with Morris settings, each with its path; empty when usable.
 *
 * @example morrisOptionProblems({ trajectories: 1, levels: 5, seed: 1 }).map((p) => p.path)
 * // => ['trajectories', 'levels']
 */
export function morrisOptionProblems(options: MorrisOptions): InputProblem[] {
  const problems: InputProblem[] = [];
  const { trajectories: r, levels: p } = options;
  if (!(Number.isInteger(r) && r >= 2)) {
    problems.push({ path: 'trajectories', message: 'must be an integer of at least 2', found: r });
  }
  if (!(Number.isInteger(p) && p >= 4 && p % 2 === 0)) {
    // An odd p makes delta = p/(2(p-1)) fall between levels, and p = 2 leaves no base points to choose from.
    problems.push({ path: 'levels', message: 'must be an even integer of at least 4', found: p });
  }
  return problems;
}

/**
 * The standard Morris (1991) elementary-effects design: r trajectories of D+1 points
 * on a p-level grid of the unit cube, with delta = p / (2 (p - 1)), as in Saltelli et
 * al., "Global Sensitivity Analysis: The Primer" (2008), section 3.3.
 *
 * Each trajectory draws a base point from the levels {0, ..., 1 - delta}, a random
 * direction per parameter and a random order, then moves one parameter at a time, so
 * each point differs from the one before in exactly one coordinate. Working in level
 * indices keeps every coordinate exactly on the grid. Same seed, same design.
 *
 * @throws InputError listing every problem with the space and the settings at once.
 * @example
 * const design = morrisDesign([{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 10, max: 20 }],
 *   { trajectories: 10, levels: 4, seed: 7 });
 * design.points.length // => 30, i.e. r (D + 1)
 */
export function morrisDesign(space: ParameterSpace, options: MorrisOptions): MorrisDesign {
  const problems = [...parameterSpaceProblems(space), ...morrisOptionProblems(options)];
  if (problems.length > 0) throw new InputError('morris design', problems);

  const { trajectories: r, levels: p, seed } = options;
  const D = space.length;
  const half = p / 2;
  const delta = half / (p - 1);
  const rng = createRng(seed);

  const unit: number[][] = [];
  const trajectories: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    const direction = Array.from({ length: D }, (): 1 | -1 => (rng.chance(0.5) ? 1 : -1));
    // Level index of the lower end of each parameter's move: one of 0..p/2-1, so that
    // lower + p/2 (a step of delta) is still a level.
    const lower = Array.from({ length: D }, () => rng.int(half));
    const order = randomPermutation(D, rng);
    const level = lower.map((l, i) => (direction[i] === 1 ? l : l + half));
    trajectories.push({ start: unit.length, order, direction });
    unit.push(level.map((l) => l / (p - 1)));
    for (const i of order) {
      level[i] += direction[i] * half;
      unit.push(level.map((l) => l / (p - 1)));
    }
  }
  const points = unit.map((row) => toParameterPoint(space, row));
  return { method: 'morris', parameters: space, levels: p, delta, seed, points, unit, trajectories };
}
