import type { InputProblem } from '../../core/errors.js';

/** At most this many bad values are listed one by one; the rest are counted. */
const MAX_LISTED = 10;

/**
 * Problems with a design's outputs: the wrong count, or values that are not finite
 * numbers (a failed or corrupted run). Raw outputs are read back from disk by
 * `kopsim analyze`, so they are checked like any other input.
 *
 * @example outputProblems([1, NaN], 3).map((p) => p.path) // => ['outputs', 'outputs[1]']
 */
export function outputProblems(outputs: readonly number[], expected: number, path = 'outputs'): InputProblem[] {
  if (!Array.isArray(outputs)) return [{ path, message: 'must be a list of numbers', found: outputs }];
  const problems: InputProblem[] = [];
  if (outputs.length !== expected) {
    problems.push({
      path,
      message: `must have one value per design point (${expected})`,
      found: `${outputs.length} values`,
    });
  }
  let bad = 0;
  outputs.forEach((y, i) => {
    if (typeof y === 'number' && Number.isFinite(y)) return;
    bad++;
    if (bad <= MAX_LISTED) problems.push({ path: `${path}[${i}]`, message: 'must be a finite number', found: y });
  });
  if (bad > MAX_LISTED) {
    problems.push({ path, message: `${bad - MAX_LISTED} more values are not finite numbers` });
  }
  return problems;
}
