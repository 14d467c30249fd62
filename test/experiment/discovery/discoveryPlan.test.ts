import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { analyzeDiscovery } from '../../../src/experiment/discovery/discoveryAnalysis.js';
import { checkOutcome, planDiscovery } from '../../../src/experiment/discovery/discoveryPlan.js';
import type { RunRecord } from '../../../src/experiment/runRecord.js';
import { loadDiscovery } from '../../../src/scenario/loadDiscovery.js';
import { tempDirs } from '../../support/tempFiles.js';

const dirs = tempDirs('kopsim-discovery-');
afterAll(() => dirs.cleanup());

const GOOD = `kind: discover
scenarios: [top-down]
baseline: status-quo
months: 24
set: ['regions=[{"name":"a","households":40}]']
outcome: p0 - baseline.p0 > -0.02 at month 24
sweep:
  design: latin-hypercube
  points: 6
  seed: 3
  parameters:
    - { path: governance.initialTopDown, from: 0.1, to: 0.6 }
    - { path: awareness.culturalFit, from: 0.1, to: 0.9 }
`;

function problems(text: string): string[] {
  const dir = dirs.make({ 'd.yaml': text });
  try {
    planDiscovery(loadDiscovery(join(dir, 'd.yaml'), checkOutcome));
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('discovery files', () => {
  it('plan every strategy and the baseline at every point, with one seed per point and replicate', () => {
    const dir = dirs.make({ 'd.yaml': GOOD });
    const plan = planDiscovery(loadDiscovery(join(dir, 'd.yaml'), checkOutcome));
    expect(plan.kind).toBe('discovery');
    expect(plan.strategies).toEqual(['top-down']);
    expect(plan.baseline).toBe('status-quo');
    expect(plan.indicators).toEqual(['p0']);
    expect(plan.runs).toHaveLength(12);
    expect(plan.runs[0].seed).toBe(plan.runs[1].seed);
    expect(plan.dimensions).toEqual([
      { name: 'governance.initialTopDown', min: 0.1, max: 0.6 },
      { name: 'awareness.culturalFit', min: 0.1, max: 0.9 },
    ]);
  });

  it('report every problem at once, with its path', () => {
    const bad = GOOD.replace('outcome: p0 - baseline.p0 > -0.02 at month 24', 'outcome: poverty > 0.1 at month 24')
      .replace('baseline: status-quo\n', '')
      .replace('months: 24', 'months: 24\nprim: { alpha: 0.9, peel: 1 }\nindicators: [p0]');
    expect(problems(bad)).toEqual([
      'prim.alpha: Too big: expected number to be <=0.5',
      'prim.peel: is not a discovery field',
      "outcome: 'poverty' at position 0 is not an indicator",
      'indicators: is not a discovery field (the outcome names the indicators recorded)',
    ]);
    const late = GOOD.replace('at month 24', 'at month 30').replace('baseline: status-quo\n', '');
    expect(problems(late)).toEqual([
      'outcome: reads month 30, after the last simulated month (24)',
      'outcome: reads baseline.p0 but the file names no baseline',
    ]);
    expect(problems(GOOD.replace('baseline: status-quo', 'baseline: no-such-scenario'))).toEqual([
      'baseline: no such scenario file or bundled scenario',
    ]);
    // The sweep experiment a discovery file is read as speaks the discovery file's terms.
    const noSweep = GOOD.slice(0, GOOD.indexOf('sweep:')).replace('months: 24', 'months: 24\nbogus: 1');
    expect(problems(noSweep)).toEqual([
      'bogus: is not a discovery field',
      'sweep: a discovery file needs a sweep block with its uncertain parameters',
    ]);
  });

  it('analyses records into cases: the outcome compares each run with its baseline at the same point and replicate', () => {
    const dir = dirs.make({ 'd.yaml': GOOD });
    const plan = planDiscovery(loadDiscovery(join(dir, 'd.yaml'), checkOutcome));
    // Hand-made records: top-down's P0 at month 24 is 0.30 at even points, 0.20 at odd ones; the baseline's 0.30.
    const records: RunRecord[] = plan.runs.map((r) => {
      const k = plan.points.findIndex((p) => p.key === r.point);
      const p0 = r.scenario === 'top-down' && k % 2 === 1 ? 0.2 : 0.3;
      return { ...r, values: { p0: Array.from({ length: 25 }, () => p0) } };
    });
    const result = analyzeDiscovery(plan, [...records].reverse(), 0);
    const s = result.strategies[0];
    expect(s.cases.map((c) => c.y)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(s.interesting).toBe(3);
    expect(s.trajectory[0]).toMatchObject({ coverage: 1, density: 0.5, mass: 1 });
    expect(() => analyzeDiscovery(plan, records, 0, { box: 99 })).toThrow(/--box/);
  });
});
