import { describe, expect, it } from 'vitest';
import {
  fromUnit,
  parameterSpaceProblems,
  toParameterPoint,
  type Parameter,
} from '../../../src/experiment/sensitivity/parameterSpace.js';

describe('parameterSpaceProblems', () => {
  it('accepts a good space', () => {
    expect(
      parameterSpaceProblems([
        { name: 'awareness.peerWeight', min: 0, max: 1 },
        { name: 'credit.rate', min: 0.001, max: 0.1, distribution: 'loguniform' },
      ]),
    ).toEqual([]);
  });

  it('reports an empty space', () => {
    expect(parameterSpaceProblems([])).toEqual([
      { path: 'parameters', message: 'must list at least one parameter to vary', found: [] },
    ]);
  });

  it('lists every problem at once, each with its path', () => {
    const space = [
      { name: 'a', min: 0, max: 1 },
      { name: 'b', min: 2, max: 1 }, // min > max
      { name: 'c', min: 1, max: 1 }, // min = max
      { name: 'a', min: 0, max: Infinity }, // duplicate, non-finite
      { name: '', min: NaN, max: 1 }, // empty name, NaN
      { name: 'e', min: 0, max: 1, distribution: 'loguniform' }, // log of 0
      { name: 'f', min: 0, max: 1, distribution: 'normal' as unknown as 'uniform' },
    ] as Parameter[];
    const problems = parameterSpaceProblems(space);
    expect(problems.map((p) => p.path)).toEqual([
      'parameters[1].max',
      'parameters[2].max',
      'parameters[3].name',
      'parameters[3].max',
      'parameters[4].name',
      'parameters[4].min',
      'parameters[5].min',
      'parameters[6].distribution',
    ]);
    expect(problems[0]).toEqual({ path: 'parameters[1].max', message: 'must be greater than min (2)', found: 1 });
    expect(problems[2].message).toBe('duplicates parameters[0].name');
    expect(problems[6].message).toMatch(/positive for a loguniform/);
  });
});

describe('fromUnit', () => {
  it('maps [0,1] linearly for uniform and log-linearly for loguniform', () => {
    expect(fromUnit({ name: 'x', min: 2, max: 4 }, 0.25)).toBe(2.5);
    // log10 midpoint of 0.01 and 1 is 0.1, by hand.
    expect(fromUnit({ name: 'r', min: 0.01, max: 1, distribution: 'loguniform' }, 0.5)).toBeCloseTo(0.1, 14);
    expect(
      toParameterPoint(
        [
          { name: 'a', min: 0, max: 10 },
          { name: 'b', min: -1, max: 1 },
        ],
        [0.5, 1],
      ),
    ).toEqual([5, 1]);
  });
});
