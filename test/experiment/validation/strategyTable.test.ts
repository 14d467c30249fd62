import { describe, expect, it } from 'vitest';
import { stageCellText, strategyRow } from '../../../src/experiment/validation/strategyTable.js';
import type { RunMeasures } from '../../../src/experiment/validation/validationProbe.js';

/** A run of two villages with the given stage months, one cooperative dormant, one matured loan. */
function run(seed: number, stages: (number | null)[][]): RunMeasures {
  return {
    seed,
    months: 24,
    households: 4,
    series: {
      indicators: [{ id: 'p0', label: 'P0', unit: 'share', group: 'welfare' }],
      scopes: ['total'],
      months: Array.from({ length: 25 }, (_, m) => m),
      values: new Float64Array(25).fill(seed / 10),
    },
    stageTimeline: stages.map((s, k) => ({ region: `v${k}`, stages: s })),
    eventCounts: {},
    quintileMemberShare: {},
    coopMonths: 48,
    dormantMonths: 12,
    cooperativesAtEnd: 2,
    dormantAtEnd: 1,
    tenYearChecks: [],
    annualShu: [],
    loansGranted: 1,
    maturedLoans: [{ region: 0, principal: 100, unpaid: 25 }],
  };
}

describe('strategyRow', () => {
  const rows = strategyRow('x', [
    run(1, [
      [0, 17, null, null, null, null],
      [0, 20, 30, null, null, null],
    ]),
    run(2, [
      [0, 17, 40, null, null, null],
      [0, 18, null, null, null, null],
    ]),
  ]);

  it('pools stage months over village-runs and prints median [earliest-latest] (share reached)', () => {
    expect(rows.stages[1].months).toEqual([17, 20, 17, 18]);
    expect(stageCellText(rows.stages[1])).toBe('17.5 [17-20]');
    expect(stageCellText(rows.stages[2])).toBe('35 [30-40] (50%)');
    expect(stageCellText(rows.stages[3])).toBe('not reached');
  });

  it('takes indicators at the last month over seeds, and pools dormancy and arrears', () => {
    expect(rows.final.p0.mean).toBeCloseTo(0.15, 12);
    expect([rows.final.p0.low, rows.final.p0.high]).toEqual([0.1, 0.2]);
    expect(Number.isNaN(rows.final.gini.mean)).toBe(true);
    expect(rows.dormantAtEnd).toBe(0.5);
    expect(rows.dormantMonths).toBe(0.25);
    expect([rows.loansGranted, rows.loansMatured, rows.arrearsAtMaturity]).toEqual([2, 2, 0.25]);
  });
});
