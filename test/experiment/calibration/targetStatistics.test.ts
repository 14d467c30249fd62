import { describe, expect, it } from 'vitest';
import type { CalibrationTarget } from '../../../src/experiment/calibration/calibrationPlan.js';
import { simulatedStatistics } from '../../../src/experiment/calibration/targetStatistics.js';
import type { RunRecord } from '../../../src/experiment/runRecord.js';

const target = (t: Partial<CalibrationTarget>): CalibrationTarget =>
  ({
    name: 't',
    observed: 0,
    band: null,
    scale: 1,
    scenario: 's',
    indicator: 'a',
    per: null,
    window: [1, 3],
    regions: 'total',
    seeds: 'mean',
    ...t,
  }) as CalibrationTarget;

const record = (index: number, values: Record<string, number[]>): RunRecord =>
  ({
    index,
    key: `r${index}`,
    scenario: 's',
    point: 0,
    params: {},
    replicate: 0,
    seed: 1,
    months: 3,
    values,
  }) as RunRecord;

const plan = (targets: CalibrationTarget[]) => ({
  scenarios: [{ label: 's' }] as never,
  targets,
  replicates: 1,
});

describe('simulated target statistics', () => {
  const run = record(0, { a: [9, 1, 0, 2], b: [9, 2, 2, 0] });

  it("a window's mean of the indicator (by hand: (1 + 0 + 2) / 3)", () => {
    expect(simulatedStatistics(plan([target({})]), 1, [run])[0][0]).toBeCloseTo(1, 12);
  });

  it("with per, the indicator's sum over the per indicator's sum (by hand: 3 / 4), month 0 left out", () => {
    expect(simulatedStatistics(plan([target({ per: 'b' })]), 1, [run])[0][0]).toBeCloseTo(0.75, 12);
  });

  it('with per, a ratio over a zero sum is undefined (NaN: the particle is infinitely far)', () => {
    const none = record(0, { a: [0, 0, 0, 0], b: [0, 0, 0, 0] });
    expect(simulatedStatistics(plan([target({ per: 'b' })]), 1, [none])[0][0]).toBeNaN();
  });
});
