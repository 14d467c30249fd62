import { basename } from 'node:path';
import { describe, it, expect } from 'vitest';
import { runSeed } from '../../src/core/seed.js';
import { runScenario } from '../../src/experiment/simulation.js';
import { INDICATORS } from '../../src/indicators/registry.js';
import { seriesOf } from '../../src/indicators/series.js';
import { listBundledScenarios, loadScenario } from '../../src/scenario/load.js';

/*
 * The smoke test (docs/architecture.md, style rule 8): every bundled scenario
 * runs for 24 months. Every month's step reconciles the ledger with the state and throws
 * a LedgerError if any account does not close (issue 2, section 5), so a completed run
 * is also the proof that the books closed every month.
 *
 * A scenario of more than 20,000 households (national: 1,000,000) runs with every
 * region scaled down to 250 households, keeping its regions, potentials and parameters;
 * it also runs at full size for 2 months below.
 */
const MAX_HOUSEHOLDS = 20_000;

function scaledSets(file: string): string[] {
  const { scenario } = loadScenario(file);
  const total = scenario.regions.reduce((a, r) => a + r.households, 0);
  if (total <= MAX_HOUSEHOLDS) return [];
  return scenario.regions.map((_, k) => `regions[${k}].households=250`);
}

const files = listBundledScenarios();

describe('every bundled scenario', () => {
  it.each(files.map((f) => [basename(f), f]))('%s runs 24 months with the books closing every month', (_name, file) => {
    const loaded = loadScenario(file, [...scaledSets(file), 'months=24']);
    const result = runScenario(loaded.id, loaded.scenario, runSeed(loaded.scenario.seed));
    expect(result.months).toBe(24);
    expect(result.stoppedEarly).toBe(false);
    expect(result.series.months).toEqual(Array.from({ length: 25 }, (_, m) => m));
    expect(result.series.scopes).toEqual(['total', ...loaded.scenario.regions.map((r) => r.name)]);
    expect(result.series.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    const values = result.series.values.subarray(0, 25 * result.series.scopes.length * INDICATORS.length);
    expect(values.every(Number.isFinite)).toBe(true);
    expect(result.stageTimeline).toHaveLength(loaded.scenario.regions.length);
    const active = seriesOf(result.series, 'cooperatives_active');
    if (loaded.scenario.strategy.founding === 'none') {
      expect(Math.max(...active)).toBe(0);
      expect(Math.max(...seriesOf(result.series, 'member_share'))).toBe(0);
    } else {
      expect(Math.max(...active)).toBeGreaterThan(0);
    }
  });
});

describe('a top-down scenario', () => {
  it('has members and enterprises from month 0 (government founding, docs/ODD.md strategies)', () => {
    const file = files.find((f) => basename(f) === 'top-down.yaml');
    if (!file) return; // not bundled (yet)
    const loaded = loadScenario(file, ['months=2']);
    const result = runScenario(loaded.id, loaded.scenario, 1);
    expect(seriesOf(result.series, 'member_share')[0]).toBeGreaterThan(0.1);
    expect(seriesOf(result.series, 'enterprises_active')[0]).toBeGreaterThan(0);
  });
});

describe('the national scenario at full size', () => {
  it('runs 2 months of 1,000,000 households with the books closing', () => {
    const file = files.find((f) => basename(f) === 'national.yaml');
    if (!file) return; // not bundled (yet)
    const loaded = loadScenario(file, ['months=2']);
    const result = runScenario(loaded.id, loaded.scenario, runSeed(loaded.scenario.seed));
    expect(result.months).toBe(2);
    expect(result.households).toBe(loaded.scenario.regions.reduce((a, r) => a + r.households, 0));
    expect(seriesOf(result.series, 'consumption_pc_mean').every((v) => v > 0)).toBe(true);
  });
});
