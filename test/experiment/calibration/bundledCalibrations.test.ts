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
  it('baseline-bps matches the eight BPS figures with 5 free parameters', () => {
    const plan = planCalibration(loadCalibration(join(dir, 'baseline-bps.yaml')));
    expect(plan.parameters).toHaveLength(5);
    expect(plan.targets.map((t) => [t.indicator, t.window[0], t.observed])).toEqual([
      ['gini', 0, 0.306],
      ['p0', 0, 0.1179],
      ['gini', 6, 0.308],
      ['p0', 6, 0.1134],
      ['p0', 12, 0.1103],
      ['p1', 6, 0.01918],
      ['p2', 6, 0.0032],
      ['food_share', 0, 0.5],
    ]);
    // The status quo runs only as long as the last target needs.
    expect(plan.scenarios.map((s) => [s.label, s.months])).toEqual([['status-quo', 12]]);
  });
  it('cooperatives matches all seven figures (none pending), each on the indicator that measures it', () => {
    const plan = planCalibration(loadCalibration(join(dir, 'cooperatives.yaml')));
    expect(plan.pending).toEqual([]);
    expect(plan.parameters).toHaveLength(9);
    expect(plan.targets.map((t) => [t.name, t.scenario, t.indicator, t.per])).toEqual([
      ['member-share-band', 'seed-roadmap', 'member_share_active', null],
      ['rat-held-share', 'seed-roadmap', 'rat_held', 'rat_due'],
      ['shu-per-business-volume', 'seed-roadmap', 'coop_surplus', 'business_volume'],
      ['inactive-share', 'top-down', 'cooperatives_dormant', 'cooperatives_founded'],
      ['programme-loan-arrears', 'top-down', 'programme_arrears_share', null],
      ['members-consumption-gain', 'seed-roadmap', 'member_consumption_gain', null],
      ['training-effect', 'seed-roadmap', 'trained_income_gain', null],
    ]);
    expect(plan.indicators).toEqual(expect.arrayContaining(['rat_due', 'business_volume', 'cooperatives_founded']));
  });
});
