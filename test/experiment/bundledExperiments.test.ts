import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planExperiment } from '../../src/experiment/plan.js';
import { loadExperiment } from '../../src/scenario/loadExperiment.js';

const dir = join(process.cwd(), 'scenarios', 'experiments');
// Sensitivity experiments (kind: sensitivity) are run by kopsim sensitivity: test/experiment/sensitivityPlanBundled.test.ts.
const files = readdirSync(dir).filter(
  (f) => f.endsWith('.yaml') && !/^kind: (sensitivity|discover|branch)$/m.test(readFileSync(join(dir, f), 'utf8')),
);

describe('bundled experiment files', () => {
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(4));
  it.each(files)('%s validates and expands', (file) => {
    const plan = planExperiment(loadExperiment(join(dir, file)));
    expect(plan.runs.length).toBe(plan.replicates * plan.points.length * plan.scenarios.length);
    expect(`${plan.name}.yaml`).toBe(file);
    if (plan.kind === 'compare') expect(plan.baseline).not.toBeNull();
  });
});
