import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { planExperiment } from '../../src/experiment/plan.js';
import { readExperimentManifest, readPlanFile } from '../../src/report/experimentFolder.js';
import { loadExperimentDocument } from '../../src/scenario/loadExperiment.js';
import { tempDirs } from '../support/tempFiles.js';

/* plan.json and manifest.json read back from a folder are checked (zod), not cast. */
const dirs = tempDirs('kopsim-folder-schemas-');
afterAll(() => dirs.cleanup());

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('folders read back', () => {
  it('accepts the plan kopsim writes', () => {
    const loaded = loadExperimentDocument(
      { kind: 'replicate', scenarios: ['default'] },
      'test',
      process.cwd(),
      undefined,
      {
        replicates: 2,
        months: 2,
      },
    );
    const plan = planExperiment(loaded);
    const dir = dirs.make({ 'plan.json': JSON.stringify(plan) });
    expect(readPlanFile(dir).plan.hash).toBe(plan.hash);
  });

  it('refuses a plan.json that kopsim did not write, naming every problem with its path', () => {
    const dir = dirs.make({ 'plan.json': '{"format": 1, "runs": [{"index": 0, "key": "a/b/0"}]}' });
    const problems = problemsOf(() => readPlanFile(dir));
    const file = join(dir, 'plan.json');
    for (const path of ['kind', 'name', 'hash', 'runs.0.seed', 'runs.0.months']) {
      expect(
        problems.some((p) => p.startsWith(`${file}: ${path}:`)),
        `${path} in ${problems.join('\n')}`,
      ).toBe(true);
    }
  });

  it('refuses an experiment manifest.json with a wrong status or counts, and accepts a folder without one', () => {
    const dir = dirs.make();
    expect(readExperimentManifest(dir)).toBeNull();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ status: 'done', runs: { planned: -1 } }));
    const problems = problemsOf(() => readExperimentManifest(dir));
    expect(problems.some((p) => p.includes(': status:'))).toBe(true);
    expect(problems.some((p) => p.includes(': runs.planned:'))).toBe(true);
  });
});
