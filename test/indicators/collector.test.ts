import { describe, it, expect } from 'vitest';
import { createCollector } from '../../src/indicators/collector.js';
import { INDICATORS, type Indicator } from '../../src/indicators/registry.js';
import { referenceCompute } from '../support/referenceIndicators.js';
import { createStatsBuffers, referenceScopeStats as scopeStats } from '../support/referenceScopeStats.js';
import { computeMonthlyStats, createMonthlyStats } from '../../src/indicators/monthlyStats.js';
import { weightedMedian } from '../../src/indicators/weightedMedian.js';
import { createWorld } from '../../src/model/initialise.js';
import { step } from '../../src/model/step.js';
import type { World } from '../../src/model/world.js';
import { loadScenario } from '../../src/scenario/load.js';

/*
 * The collector computes all scopes at once, with one sort per distribution and fused
 * welfare figures. Reference: the straightforward method (test/support), one scope at a
 * time, with the reference distribution indicators and every other indicator's own
 * compute. They must agree bit for bit, every month.
 */
function reference(world: World, indicators: readonly Indicator[]): number[] {
  const buffers = createStatsBuffers(world.households.count);
  const out: number[] = [];
  for (const regions of [world.regions, ...world.regions.map((r) => [r])]) {
    const s = scopeStats(world, regions, buffers);
    for (const ind of indicators) out.push(referenceCompute(ind, s, world.params));
  }
  return out;
}

function simulate(sets: string[], months: number, indicators: readonly Indicator[] = INDICATORS) {
  const scenario = loadScenario('default', [...sets, `months=${months}`]).scenario;
  const { world, rng } = createWorld(scenario, 7);
  const collector = createCollector(world, indicators);
  const expected: number[] = [];
  collector.collect(world);
  expected.push(...reference(world, indicators));
  for (let m = 0; m < months; m++) {
    step(world, rng);
    collector.collect(world);
    expected.push(...reference(world, indicators));
  }
  const got = Array.from(collector.series.values.subarray(0, expected.length));
  return { got, expected };
}

const ALL_STAGES = [
  'strategy.mode=scheduled',
  'strategy.schedule={"stage1":0,"stage2":0,"stage3":1,"stage4":2,"stage5":3,"stage6":4}',
];

describe('collector', () => {
  it('equals scopeStats + compute for every scope, indicator and month (three regions, every stage)', () => {
    const { got, expected } = simulate(
      [
        'regions=[{"name":"a","households":150},{"name":"b","households":90},{"name":"c","households":200}]',
        ...ALL_STAGES,
      ],
      30,
    );
    expect(got.length).toBe(31 * 4 * INDICATORS.length);
    expect(got).toEqual(expected);
  });

  it('gives every scope the same sums as scopeStats, every month (every field, read by an indicator or not)', () => {
    const scenario = loadScenario('default', [
      'regions=[{"name":"a","households":150},{"name":"b","households":90}]',
      'months=14',
      ...ALL_STAGES,
    ]).scenario;
    const { world, rng } = createWorld(scenario, 11);
    const stats = createMonthlyStats(world);
    const buffers = createStatsBuffers(world.households.count);
    for (let m = 0; m <= 14; m++) {
      computeMonthlyStats(world, stats);
      const scopes = [world.regions, ...world.regions.map((r) => [r])];
      scopes.forEach((regions, k) => {
        const want = scopeStats(world, regions, buffers) as unknown as Record<string, unknown>;
        const got = stats.scopes[k] as unknown as Record<string, unknown>;
        for (const [field, value] of Object.entries(want)) {
          if (typeof value === 'number') expect(got[field], `${field}, scope ${k}, month ${m}`).toBe(value);
        }
        expect(Array.from(stats.scopes[k].enterprisesByKind)).toEqual(
          Array.from(want.enterprisesByKind as Float64Array),
        );
      });
      step(world, rng);
    }
  });

  it('computes the group sums only when a scope reads them, the same in any order of reading', () => {
    const scenario = loadScenario('default', [
      'regions=[{"name":"a","households":150},{"name":"b","households":90},{"name":"c","households":60}]',
      'months=10',
      ...ALL_STAGES,
    ]).scenario;
    const { world, rng } = createWorld(scenario, 5);
    const stats = createMonthlyStats(world);
    const buffers = createStatsBuffers(world.households.count);
    const unread = (k: number) => (stats.scopes[k] as unknown as { groupSums: Float64Array }).groupSums;
    for (let m = 0; m <= 10; m++) {
      computeMonthlyStats(world, stats);
      // Not computed yet: an experiment's worker that records no group indicator skips them.
      for (let k = 0; k < stats.scopes.length; k++) expect(unread(k).every((v) => v === 0)).toBe(true);
      const scopes = [world.regions, ...world.regions.map((r) => [r])];
      // Odd months read a region first, even months the total first.
      const order = m % 2 ? [2, 0, 3, 1] : [0, 1, 2, 3];
      for (const k of order) {
        const want = scopeStats(world, scopes[k], buffers).groups;
        expect(Array.from(stats.scopes[k].groups), `scope ${k}, month ${m}`).toEqual(Array.from(want));
      }
      step(world, rng);
    }
  });

  it('equals the reference with one region (the region copies the total)', () => {
    const { got, expected } = simulate(['regions=[{"name":"a","households":250}]', ...ALL_STAGES], 12);
    expect(got).toEqual(expected);
  });

  it('records the same total values with only the total scope and a subset of indicators (with and without income figures)', () => {
    const scenario = loadScenario('default', [
      'regions=[{"name":"a","households":150},{"name":"b","households":90},{"name":"c","households":200}]',
      'months=20',
      ...ALL_STAGES,
    ]).scenario;
    const pick = (ids: string[]) => ids.map((id) => INDICATORS.find((i) => i.id === id)!);
    for (const subset of [
      pick(['p0', 'gini', 'member_share', 'consumption_pc_mean']),
      pick(['income_pc_median', 'atkinson_2', 'consumption_pc_median']),
      INDICATORS,
    ]) {
      const { world, rng } = createWorld(scenario, 5);
      const full = createCollector(world, INDICATORS);
      const total = createCollector(world, subset, { totalOnly: true });
      expect(total.series.scopes).toEqual(['total']);
      for (let m = 0; m <= 20; m++) {
        full.collect(world);
        total.collect(world);
        for (const [k, indicator] of subset.entries()) {
          const want = full.series.values[m * 4 * INDICATORS.length + INDICATORS.indexOf(indicator)];
          expect(Object.is(total.series.values[m * subset.length + k], want), `${indicator.id} month ${m}`).toBe(true);
        }
        step(world, rng);
      }
    }
  });

  it('gives indicators outside the registry the samples they read (built on demand)', () => {
    const custom: Indicator[] = [
      {
        id: 'median_twice',
        label: 'm',
        unit: 'index',
        group: 'welfare',
        description: 'test',
        compute: (s) => 2 * weightedMedian(s.consumption) + weightedMedian(s.income),
      },
      INDICATORS.find((i) => i.id === 'gini')!,
    ];
    const { got, expected } = simulate(
      ['regions=[{"name":"a","households":120},{"name":"b","households":80}]', ...ALL_STAGES],
      6,
      custom,
    );
    expect(got).toEqual(expected);
  });
});
