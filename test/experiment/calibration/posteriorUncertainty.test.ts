import { describe, expect, it } from 'vitest';
import type { PosteriorExperimentPlan } from '../../../src/experiment/calibration/posteriorPlan.js';
import { posteriorUncertainty } from '../../../src/experiment/calibration/posteriorUncertainty.js';
import { locale } from '../../../src/i18n/locale.js';
import { rankingText } from '../../../src/report/posteriorUncertaintyFiles.js';
import type { RunRecord } from '../../../src/experiment/runRecord.js';

/** A plan of 2 scenarios x 6 replicates, 2 seeds per draw (3 draws); only what the function reads. */
const plan = {
  replicates: 6,
  indicators: ['p0'],
  scenarios: [
    { label: 'a', months: 1 },
    { label: 'b', months: 1 },
  ],
  posterior: { seedsPerDraw: 2, draws: [{}, {}, {}] },
} as unknown as PosteriorExperimentPlan;

function record(scenario: string, replicate: number, final: number): RunRecord {
  return { scenario, replicate, values: { p0: [0, final] } } as unknown as RunRecord;
}

describe('posteriorUncertainty', () => {
  it('splits the variance into noise within draws and parameters between them (by hand)', () => {
    // Scenario a: draws (0.1, 0.3), (0.2, 0.4), (0.6, 0.8): within = mean of 0.02, 0.02, 0.02 = 0.02;
    // draw means 0.2, 0.3, 0.7 have variance 0.07; between = 0.07 - 0.02 / 2 = 0.06; share 0.06 / 0.08 = 0.75.
    const a = [0.1, 0.3, 0.2, 0.4, 0.6, 0.8];
    // Scenario b is a minus 0.05 in draws 0 and 1 and plus 0.05 in draw 2.
    const b = a.map((v, r) => (r < 4 ? v - 0.05 : v + 0.05));
    const records = [...a.map((v, r) => record('a', r, v)), ...b.map((v, r) => record('b', r, v))];
    const u = posteriorUncertainty(plan, records);
    const row = u.variance.find((v) => v.scenario === 'a')!;
    expect(row.within).toBeCloseTo(0.02, 12);
    expect(row.between).toBeCloseTo(0.06, 12);
    expect(row.parameterShare).toBeCloseTo(0.75, 12);
    const ba = u.ranking.find((r) => r.a === 'b' && r.b === 'a')!;
    expect(ba.share).toBeCloseTo(2 / 3, 12);
    expect(rankingText(locale('en'), ba)).toBe(
      'in 67% of 3 posterior draws b beats a on Poverty headcount P0 (lower is better)',
    );
  });

  it('with a baseline, also splits the paired differences from it (by hand)', () => {
    const a = [0.1, 0.3, 0.2, 0.4, 0.6, 0.8];
    const b = a.map((v, r) => (r < 4 ? v - 0.05 : v + 0.05));
    const records = [...a.map((v, r) => record('a', r, v)), ...b.map((v, r) => record('b', r, v))];
    const u = posteriorUncertainty({ ...plan, baseline: 'b' } as PosteriorExperimentPlan, records);
    // a - b is +0.05, +0.05 | +0.05, +0.05 | -0.05, -0.05: no noise; the draw means vary by 1/300.
    const diff = u.variance.find((v) => v.scenario === 'a - b')!;
    expect(diff.within).toBeCloseTo(0, 12);
    expect(diff.between).toBeCloseTo(1 / 300, 12);
    expect(diff.parameterShare).toBe(1);
    expect(u.variance.map((v) => v.scenario)).toEqual(['a', 'b', 'a - b']);
  });

  it('leaves out a draw with a missing run', () => {
    const records = [0, 1, 2, 3, 4].flatMap((r) => [record('a', r, r), record('b', r, r)]);
    expect(posteriorUncertainty(plan, records).draws).toBe(2);
  });
});
