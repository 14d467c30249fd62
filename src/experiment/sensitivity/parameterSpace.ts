import type { InputProblem } from '../../core/errors.js';

/** How a parameter's values are spread over its range when the design maps [0,1] onto it. */
export type Distribution = 'uniform' | 'loguniform';

/**
 * One scenario parameter varied by a sensitivity design.
 *
 * @example { name: 'awareness.peerWeight', min: 0.1, max: 0.9 }
 * @example { name: 'credit.rate', min: 0.005, max: 0.05, distribution: 'loguniform' }
 */
export interface Parameter {
  /** A scenario field path, e.g. `awareness.peerWeight`. */
  readonly name: string;
  /** Lower end of the range, in the parameter's own unit. */
  readonly min: number;
  /** Upper end of the range, in the parameter's own unit; must exceed `min`. */
  readonly max: number;
  /**
   * `uniform` (the default) spreads values evenly between min and max; `loguniform`
   * spreads their logarithms evenly, for rates that span orders of magnitude.
   */
  readonly distribution?: Distribution;
}

/** The parameters a design varies, in the order their columns appear in design rows. */
export type ParameterSpace = readonly Parameter[];

const DISTRIBUTIONS: readonly string[] = ['uniform', 'loguniform'];

/**
 * Every problem with a parameter space, all at once, each with its path
 * (`parameters[2].max`). An empty list means the space is usable.
 *
 * The checks are done on the runtime values, not trusted from the type, because
 * the space usually comes from an experiment file.
 *
 * @example
 * parameterSpaceProblems([{ name: 'a', min: 1, max: 0 }])
 * // => [{ path: 'parameters[0].max', message: 'must be greater than min (1)', found: 0 }]
 */
export function parameterSpaceProblems(space: ParameterSpace, path = 'parameters'): InputProblem[] {
  if (!Array.isArray(space)) return [{ path, message: 'must be a list of parameters', found: space }];
  if (space.length === 0) return [{ path, message: 'must list at least one parameter to vary', found: [] }];
  const problems: InputProblem[] = [];
  const firstIndexOfName = new Map<string, number>();
  space.forEach((p: Parameter, i: number) => {
    const at = `${path}[${i}]`;
    if (typeof p !== 'object' || p === null) {
      problems.push({ path: at, message: 'must be an object with name, min and max', found: p });
      return;
    }
    if (typeof p.name !== 'string' || p.name.trim() === '') {
      problems.push({ path: `${at}.name`, message: 'must be a non-empty scenario field path', found: p.name });
    } else if (firstIndexOfName.has(p.name)) {
      problems.push({
        path: `${at}.name`,
        message: `duplicates ${path}[${firstIndexOfName.get(p.name)}].name`,
        found: p.name,
      });
    } else {
      firstIndexOfName.set(p.name, i);
    }
    const minOk = typeof p.min === 'number' && Number.isFinite(p.min);
    const maxOk = typeof p.max === 'number' && Number.isFinite(p.max);
    if (!minOk) problems.push({ path: `${at}.min`, message: 'must be a finite number', found: p.min });
    if (!maxOk) problems.push({ path: `${at}.max`, message: 'must be a finite number', found: p.max });
    if (minOk && maxOk && p.min >= p.max) {
      problems.push({ path: `${at}.max`, message: `must be greater than min (${p.min})`, found: p.max });
    }
    if (p.distribution !== undefined && !DISTRIBUTIONS.includes(p.distribution)) {
      problems.push({
        path: `${at}.distribution`,
        message: `must be one of ${DISTRIBUTIONS.join(', ')}`,
        found: p.distribution,
      });
    }
    if (p.distribution === 'loguniform' && minOk && p.min <= 0) {
      problems.push({ path: `${at}.min`, message: 'must be positive for a loguniform distribution', found: p.min });
    }
  });
  return problems;
}

/**
 * Maps a coordinate in [0,1] onto a parameter's range: linearly for `uniform`,
 * linearly in the logarithm for `loguniform`.
 *
 * @example fromUnit({ name: 'x', min: 2, max: 4 }, 0.25) // => 2.5
 * @example fromUnit({ name: 'r', min: 0.01, max: 1, distribution: 'loguniform' }, 0.5) // => 0.1
 */
export function fromUnit(parameter: Parameter, u: number): number {
  if (parameter.distribution === 'loguniform') {
    const lo = Math.log(parameter.min);
    return Math.exp(lo + u * (Math.log(parameter.max) - lo));
  }
  return parameter.min + u * (parameter.max - parameter.min);
}

/**
 * Maps a design row in the unit cube onto parameter values, column by column.
 *
 * @example toParameterPoint([{ name: 'a', min: 0, max: 10 }, { name: 'b', min: -1, max: 1 }], [0.5, 1]) // => [5, 1]
 */
export function toParameterPoint(space: ParameterSpace, unitRow: readonly number[]): number[] {
  return space.map((p, i) => fromUnit(p, unitRow[i]));
}
