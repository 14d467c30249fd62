/*
 * The straightforward per-scope statistics the monthly statistics (src/indicators/
 * monthlyStats.ts) compute for all scopes at once: one scope at a time, sorting its
 * samples with sortSample. The tests' oracle for the collector's sums.
 */
import type { RegionState } from '../../src/model/region.js';
import type { World } from '../../src/model/world.js';
import { addRegionBooks, emptyStats, type ScopeStats } from '../../src/indicators/scopeStats.js';
import { addGroupSums, GROUP_SUMS_SIZE } from '../../src/indicators/groupSums.js';
import { createSortScratch, sortSample, type SortScratch } from '../../src/indicators/sortSample.js';

/**
 * Reusable buffers for collecting indicators every month without allocating: one
 * unsorted copy of each distribution and the sort scratch. Sorting reuses the scratch,
 * so each sorted sample is consumed before the next sort.
 */
export interface StatsBuffers {
  readonly values: Float64Array;
  readonly weights: Float64Array;
  readonly consumptionScratch: SortScratch;
  readonly incomeScratch: SortScratch;
}

export function createStatsBuffers(households: number): StatsBuffers {
  return {
    values: new Float64Array(households),
    weights: new Float64Array(households),
    consumptionScratch: createSortScratch(households),
    incomeScratch: createSortScratch(households),
  };
}

/**
 * Computes the stats of a set of regions (one region, or all of them). The returned
 * samples live in `buffers` and are valid until the next call.
 */
export function referenceScopeStats(world: World, regions: readonly RegionState[], buffers: StatsBuffers): ScopeStats {
  const h = world.households;
  const { values, weights } = buffers;
  const s = emptyStats();
  let n = 0;
  // Pass 1: consumption per capita (and the household sums).
  for (const region of regions) {
    for (let i = region.start; i < region.end; i++) {
      const size = h.size[i];
      values[n] = h.realConsumptionPc[i];
      weights[n] = size;
      n++;
      s.persons += size;
      s.members += h.member[i];
      s.awarenessSum += h.awareness[i];
      s.trustSum += h.trust[i];
      s.skillSum += h.skill[i];
      if (h.transfers[i] > 0) s.transfersReached++;
    }
  }
  s.households = n;
  s.consumption = sortSample(values, weights, n, buffers.consumptionScratch);
  // Pass 2: income per capita, sorted with its own scratch so both samples stay valid.
  n = 0;
  for (const region of regions) {
    for (let i = region.start; i < region.end; i++) {
      values[n] = h.income[i] / h.size[i];
      weights[n] = h.size[i];
      n++;
    }
  }
  s.income = sortSample(values, weights, n, buffers.incomeScratch);

  for (const region of regions) addRegionBooks(s, region);
  addGroupSums(world, regions, s.groups, new Float64Array(GROUP_SUMS_SIZE));
  return s;
}
