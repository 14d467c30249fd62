import { describe, expect, it } from 'vitest';
import { STYLIZED_FACTS, validationArms } from '../../../src/experiment/validation/stylizedFacts.js';
import { verdictOf, band } from '../../../src/experiment/validation/stylizedFact.js';
import type { RunMeasures } from '../../../src/experiment/validation/validationProbe.js';

/** A run that recorded only `gini` (0.3) in the total scope at months 0..12. */
function fakeRun(seed: number): RunMeasures {
  return {
    seed,
    months: 12,
    households: 10,
    series: {
      indicators: [{ id: 'gini', label: 'Gini', unit: 'index', group: 'welfare' }],
      scopes: ['total'],
      months: Array.from({ length: 13 }, (_, m) => m),
      values: new Float64Array(13).fill(0.3),
    },
    stageTimeline: [],
    eventCounts: {},
    quintileMemberShare: {},
    coopMonths: 0,
    dormantMonths: 0,
    cooperativesAtEnd: 0,
    dormantAtEnd: 0,
    tenYearChecks: [],
    annualShu: [],
    loansGranted: 0,
    maturedLoans: [],
  };
}

describe('the stylized facts', () => {
  it('have unique ids and need only arms that validation runs', () => {
    const ids = STYLIZED_FACTS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const arms = new Set(validationArms([1]).map((a) => a.label));
    for (const f of STYLIZED_FACTS) for (const a of f.arms) expect(arms.has(a), `${f.id} needs ${a}`).toBe(true);
  });

  it('measure an indicator fact from the runs, and report a missing indicator as not measured', () => {
    const measures = new Map([['status-quo', [fakeRun(1), fakeRun(2)]]]);
    const gini = STYLIZED_FACTS.find((f) => f.id === 'baseline-gini');
    const p0 = STYLIZED_FACTS.find((f) => f.id === 'baseline-p0');
    expect(gini?.measure(measures)).toMatchObject({ kind: 'measured', value: 0.3, low: 0.3, high: 0.3, pass: true });
    expect(p0?.measure(measures)).toEqual({ kind: 'not-measured', reason: 'no indicator p0' });
  });

  it('every fact answers (measured or not) even with no runs at all', () => {
    for (const f of STYLIZED_FACTS) expect(['measured', 'not-measured']).toContain(f.measure(new Map()).kind);
  });
});

describe('verdictOf', () => {
  it('takes the mean over seeds, their range, and checks the mean against the band', () => {
    const b = band(0, 0.18, String);
    const v = verdictOf([0.1, 0.2, Number.NaN], b);
    expect(v).toMatchObject({ kind: 'measured', low: 0.1, high: 0.2, pass: true });
    expect(v.kind === 'measured' && v.value).toBeCloseTo(0.15, 12);
    expect(verdictOf([0.1, 0.3], b)).toMatchObject({ pass: false });
    expect(verdictOf([Number.NaN], b).kind).toBe('not-measured');
  });
});
