import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadExperimentDocument } from '../../src/scenario/loadExperiment.js';

/** The problems of loading `kopsim compare seed-roadmap top-down` with these overrides. */
function problemsOf(overrides: { baseline?: string; sets?: string[] }): { path: string; found?: unknown }[] {
  try {
    loadExperimentDocument(
      { kind: 'compare', scenarios: ['seed-roadmap', 'top-down'] },
      'kopsim compare',
      process.cwd(),
      undefined,
      overrides,
    );
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => ({ path: p.path, found: p.found }));
    throw error;
  }
  return [];
}

describe('a compare baseline', () => {
  it("that names no scenario is reported with the scenarios' own problems, all at once", () => {
    const problems = problemsOf({ baseline: 'nosuch', sets: ['foo.bar=1'] });
    expect(problems.map((p) => p.path)).toEqual(['scenarios[0]: foo', 'scenarios[1]: foo', '--baseline']);
    expect(problems[2].found).toBe('nosuch');
  });

  it("that names a scenario which did not load is not reported: that scenario's problems are", () => {
    const problems = problemsOf({ baseline: 'top-down', sets: ['foo.bar=1'] });
    expect(problems.map((p) => p.path)).toEqual(['scenarios[0]: foo', 'scenarios[1]: foo']);
  });

  it('that names no scenario is reported alone when it is the only problem', () => {
    expect(problemsOf({ baseline: 'nosuch' }).map((p) => p.path)).toEqual(['--baseline']);
  });

  it('is the scenario named, or the first without one', () => {
    const loaded = (baseline?: string) =>
      loadExperimentDocument(
        { kind: 'compare', scenarios: ['seed-roadmap', 'top-down'] },
        'kopsim compare',
        process.cwd(),
        undefined,
        baseline === undefined ? {} : { baseline },
      ).baseline;
    expect(loaded('top-down')).toBe('top-down');
    expect(loaded()).toBe('seed-roadmap');
  });
});
