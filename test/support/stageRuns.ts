import { createSimulation, type Simulation } from '../../src/experiment/simulation.js';
import type { RunResult } from '../../src/experiment/runResult.js';
import { seriesOf } from '../../src/indicators/series.js';
import type { Enterprise, EnterpriseKind } from '../../src/model/enterprise.js';
import type { World } from '../../src/model/world.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

/*
 * Helpers for the stage-effect tests: small versions of the seed roadmap (a few regions
 * of a few hundred households), run with and without one stage on the same seed, so that
 * any difference comes from that stage alone.
 */

/** Three villages of 250 households: enough for the federation (it needs several regions). */
export const SMALL_REGIONS = [
  { name: 'a', households: 250 },
  { name: 'b', households: 250 },
  { name: 'c', households: 250 },
];

/** A schedule that opens every stage early, so that a few simulated years show each effect. */
export const FAST_SCHEDULE = { stage1: 0, stage2: 6, stage3: 12, stage4: 18, stage5: 24, stage6: 30 } as const;

/** The seed roadmap on SMALL_REGIONS (or the given regions) for `months`, plus `--set` overrides. */
export function smallRoadmap(
  months: number,
  sets: readonly string[] = [],
  regions: readonly object[] = SMALL_REGIONS,
): Scenario {
  return loadScenario('seed-roadmap', [`regions=${JSON.stringify(regions)}`, `months=${months}`, ...sets]).scenario;
}

/** `--set` overrides for scheduled mode with FAST_SCHEDULE and the given stages enabled. */
export function scheduled(enabled: readonly number[] = [1, 2, 3, 4, 5, 6], schedule: object = FAST_SCHEDULE): string[] {
  return [
    'strategy.mode=scheduled',
    `strategy.schedule=${JSON.stringify(schedule)}`,
    `strategy.enabledStages=${JSON.stringify(enabled)}`,
  ];
}

/** `--set` overrides under which no cooperative ever goes dormant (tests of the schedule, not of failure). */
export const NO_DORMANCY: readonly string[] = [
  'dormancy.baseHazard=0',
  'dormancy.lossWeight=0',
  'dormancy.illiquidityWeight=0',
  'dormancy.arrearsWeight=0',
  'dormancy.memberLossWeight=0',
  'dormancy.governanceWeight=0',
  'dormancy.ratSkippedWeight=0',
  'dormancy.minMembers=0',
];

/** What a run left behind: the final world and result, plus per-month observations. */
export interface ObservedRun {
  readonly sim: Simulation;
  readonly world: World;
  readonly result: RunResult;
  /** Values `observe` returned after each simulated month (month 1 first). */
  readonly observed: number[];
}

/**
 * Runs a scenario to its end with one seed; `observe` is called on the world after every
 * month (for state the indicators do not publish, e.g. who received a transfer).
 * The step checks the ledger every month, so a completed run also proves the books closed.
 */
export function runObserved(
  scenario: Scenario,
  seed: number,
  observe: (world: World) => number = () => 0,
): ObservedRun {
  const sim = createSimulation('test', scenario, seed);
  const observed: number[] = [];
  while (!sim.done) {
    sim.advance();
    observed.push(observe(sim.world));
  }
  return { sim, world: sim.world, result: sim.result(), observed };
}

/** The total-scope series of an indicator. */
export function series(result: RunResult, id: string, scope = 'total'): number[] {
  return seriesOf(result.series, id, scope);
}

/** Sum of an array. */
export function total(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Mean of a property over the active enterprises of every cooperative (NaN if none). */
export function meanOverEnterprises(world: World, value: (e: Enterprise) => number, kind?: EnterpriseKind): number {
  let s = 0;
  let n = 0;
  for (const region of world.regions) {
    for (const e of region.coop?.enterprises ?? []) {
      if (e.status !== 'active' || (kind !== undefined && e.kind !== kind)) continue;
      s += value(e);
      n++;
    }
  }
  return n > 0 ? s / n : Number.NaN;
}
