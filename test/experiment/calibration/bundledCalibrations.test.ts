import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCalibration } from '../../../src/experiment/calibration/calibrationPlan.js';
import { loadCalibration } from '../../../src/scenario/loadCalibration.js';

const dir = join(process.cwd(), 'scenarios', 'calibration');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('bundled calibration targets files', () => {
  it('include baseline-bps and cooperatives', () =>
    expect(files).toEqual(expect.arrayContaining(['baseline-bps.yaml', 'cooperatives.yaml'])));
  it.each(files)('%s validates and plans', (file) => {
    const plan = planCalibration(loadCalibration(join(dir, file)));
    expect(`${plan.name}.yaml`).toBe(file);
    expect(plan.targets.length).toBeGreaterThan(0);
    for (const t of [...plan.targets, ...plan.pending]) expect(t.source.length).toBeGreaterThan(5);
  });
  it('baseline-bps matches the six BPS figures with 6 free parameters', () => {
    const plan = planCalibration(loadCalibration(join(dir, 'baseline-bps.yaml')));
    expect(plan.parameters).toHaveLength(6);
    expect(plan.targets.map((t) => [t.indicator, t.window[0], t.observed])).toEqual([
      ['gini', 0, 0.306],
      ['p0', 0, 0.1179],
      ['p0', 12, 0.1103],
      ['p1', 6, 0.01918],
      ['p2', 6, 0.0032],
      ['food_share', 0, 0.5],
    ]);
    // The status quo runs only as long as the last target needs.
    expect(plan.scenarios.map((s) => [s.label, s.months])).toEqual([['status-quo', 12]]);
  });
});
