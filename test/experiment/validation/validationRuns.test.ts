import { describe, expect, it } from 'vitest';
import { runArms, type ValidationArm } from '../../../src/experiment/validation/validationRuns.js';
import { indicatorAt } from '../../../src/experiment/validation/runValues.js';
import type { RunMeasures } from '../../../src/experiment/validation/validationProbe.js';

/** Two small villages, top-down (so a programme loan is granted at month 0), 90 months: the 72-month loan matures. */
const ARMS: ValidationArm[] = [
  {
    label: 'td',
    scenario: 'top-down',
    sets: ['regions=[{"name":"a","households":150},{"name":"b","households":150}]'],
    months: 90,
    seeds: [1, 2],
  },
];

function stable(m: RunMeasures): unknown {
  return { ...m, series: { ...m.series, values: Array.from(m.series.values) } };
}

describe('runArms with the validation probe', () => {
  it('gives the same measures in this thread and on 2 worker threads', async () => {
    const inThread = await runArms(ARMS, { workers: 0 });
    const pooled = await runArms(ARMS, { workers: 2 });
    const a = inThread.get('td') ?? [];
    const b = pooled.get('td') ?? [];
    expect(a).toHaveLength(2);
    expect(b.map(stable)).toEqual(a.map(stable));
  });

  it('measures quintiles, loans, dormancy and events from the world', async () => {
    const [m] = (await runArms([{ ...ARMS[0], months: 80, seeds: [3] }], { workers: 0 })).get('td') ?? [];
    expect(m.months).toBe(80);
    expect(m.series.months).toHaveLength(81);
    // Member shares of the five quintiles at month 60, each a share.
    expect(m.quintileMemberShare[60]).toHaveLength(5);
    for (const s of m.quintileMemberShare[60]) expect(s).toBeGreaterThanOrEqual(0);
    expect(m.quintileMemberShare[120]).toBeUndefined();
    // Top-down founds both cooperatives at month 0 with the programme loan (Rp3 bn, 72 months).
    expect(m.eventCounts['cooperative-founded']).toBe(2);
    expect(m.loansGranted).toBe(2);
    expect(m.maturedLoans).toHaveLength(2);
    for (const l of m.maturedLoans) {
      expect(l.principal).toBe(3_000_000_000);
      expect(l.unpaid).toBeGreaterThanOrEqual(0);
    }
    // Two cooperatives, each counted in every month 1..80.
    expect(m.coopMonths).toBe(160);
    expect(m.dormantMonths).toBeLessThanOrEqual(m.coopMonths);
    expect(m.tenYearChecks).toEqual([]);
  });

  it('measures the total SHU of every annual close, at least what members were paid', async () => {
    const [m] =
      (
        await runArms(
          [
            {
              label: 'sr',
              scenario: 'seed-roadmap',
              sets: ['regions=[{"name":"a","households":300}]', 'strategy.mode=scheduled'],
              months: 72,
              seeds: [1],
            },
          ],
          { workers: 0 },
        )
      ).get('sr') ?? [];
    expect(m.annualShu.map((c) => c.month)).toEqual([12, 24, 36, 48, 60, 72]);
    // A close that paid members had a positive SHU, of which members' parts are half by
    // default (shu.* parameters); reserves and the two funds take the rest.
    const paying = m.annualShu.filter((c) => indicatorAt(m, 'shu_paid', c.month) > 0);
    expect(paying.length).toBeGreaterThan(0);
    for (const c of paying) expect(c.shu).toBeGreaterThanOrEqual(indicatorAt(m, 'shu_paid', c.month));
  });

  it('rejects an arm whose scenario is invalid before running anything', async () => {
    await expect(
      runArms([{ label: 'bad', scenario: 'status-quo', sets: ['regions=[]'], months: 2, seeds: [1] }], { workers: 0 }),
    ).rejects.toThrow(/regions/);
  });
});
