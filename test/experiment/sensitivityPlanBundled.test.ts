import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSensitivity } from '../../src/experiment/sensitivityPlan.js';
import { loadSensitivity } from '../../src/scenario/loadSensitivity.js';

const dir = join(process.cwd(), 'scenarios', 'experiments');
const files = readdirSync(dir).filter(
  (f) => f.endsWith('.yaml') && /^kind: sensitivity$/m.test(readFileSync(join(dir, f), 'utf8')),
);

describe('bundled sensitivity experiment files', () => {
  it('include a Sobol analysis over at least 6 parameters and a Morris one', () => {
    const plans = files.map((f) => planSensitivity(loadSensitivity(join(dir, f))));
    expect(plans.some((p) => p.method === 'sobol' && p.parameters.length >= 6)).toBe(true);
    expect(plans.some((p) => p.method === 'morris')).toBe(true);
  });

  it.each(files)('%s validates and expands', (file) => {
    const plan = planSensitivity(loadSensitivity(join(dir, file)));
    expect(`${plan.name}.yaml`).toBe(file);
    expect(plan.runs.length).toBe(plan.replicates * plan.points.length);
    const D = plan.parameters.length;
    if (plan.design.method === 'sobol')
      expect(plan.points.length).toBe(plan.design.n * (plan.design.secondOrder ? 2 * D + 2 : D + 2));
    else expect(plan.points.length).toBe(plan.design.trajectories.length * (D + 1));
  });
});
