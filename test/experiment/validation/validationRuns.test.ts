import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { runArms, validationRuns, type ValidationArm } from '../../../src/experiment/validation/validationRuns.js';
import type { PosteriorSample } from '../../../src/scenario/loadPosterior.js';
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

describe('validationRuns with a posterior', () => {
  /** Two particles of one parameter; the second weighs three times the first. */
  const posterior: PosteriorSample = {
    format: 1,
    kind: 'posterior',
    name: 'test',
    calibrationHash: 'abc123',
    parameters: ['awareness.peerWeight'],
    particles: [
      { weight: 1, theta: [0.05] },
      { weight: 3, theta: [0.15] },
    ],
  };
  const arms: ValidationArm[] = [
    { label: 'sq', scenario: 'status-quo', sets: [], months: 12, seeds: [1, 2, 3, 4, 5, 6] },
    { label: 'sr', scenario: 'seed-roadmap', sets: [], months: 12, seeds: [1, 2, 3, 4, 5, 6] },
  ];

  it('gives each base seed one drawn particle, the same in every arm', () => {
    const planned = validationRuns(arms, posterior);
    const draws = planned.draws!;
    expect(draws.name).toBe('test');
    for (const run of planned.runs) {
      const particle = draws.draws[run.replicate].particle;
      expect(run.params).toEqual({ 'awareness.peerWeight': posterior.particles[particle].theta[0] });
    }
    const bySeed = (label: string) =>
      planned.runs.filter((r) => r.scenario === label).map((r) => r.params['awareness.peerWeight']);
    expect(bySeed('sr')).toEqual(bySeed('sq'));
    // Six seeds drawing from two particles take both (the chance of one only is under 2%).
    expect(new Set(bySeed('sq')).size).toBe(2);
    // The same draws every time: they derive from the run seeds.
    expect(validationRuns(arms, posterior).runs).toEqual(planned.runs);
  });

  it('runs at the defaults without a posterior', () => {
    const planned = validationRuns(arms);
    expect(planned.draws).toBeUndefined();
    for (const run of planned.runs) expect(run.params).toEqual({});
  });

  it('rejects a posterior parameter that is not a number field of the scenarios, naming --posterior', () => {
    const bad = { ...posterior, parameters: ['awareness.noSuchField'] };
    let error: unknown;
    try {
      validationRuns(arms, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0].path).toBe('--posterior');
  });

  it('runs the drawn parameters: a different draw changes the measures', async () => {
    const one = (theta: number) =>
      runArms(
        [
          {
            label: 'sr',
            scenario: 'seed-roadmap',
            sets: ['regions=[{"name":"a","households":200}]'],
            months: 24,
            seeds: [1],
          },
        ],
        {
          workers: 0,
          posterior: { ...posterior, particles: [{ weight: 1, theta: [theta] }] },
        },
      );
    const low = (await one(0.02)).get('sr')![0];
    const high = (await one(0.2)).get('sr')![0];
    expect(Array.from(high.series.values)).not.toEqual(Array.from(low.series.values));
  });
});
