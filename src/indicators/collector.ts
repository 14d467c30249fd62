import type { World } from '../model/world.js';
import { INDICATORS, type Indicator } from './registry.js';
import { createStatsBuffers, scopeStats, type StatsBuffers } from './scopeStats.js';
import type { IndicatorSeries } from './series.js';

/**
 * Collects every registered indicator for the total and each region, once a month, into
 * a growing {@link IndicatorSeries}. Buffers are allocated once per run.
 */
export interface Collector {
  readonly series: IndicatorSeries;
  /** Records the world's current month. */
  collect(world: World): void;
}

export function createCollector(world: World, indicators: readonly Indicator[] = INDICATORS): Collector {
  const scopes = ['total', ...world.regions.map((r) => r.name)];
  const perMonth = scopes.length * indicators.length;
  const capacity = world.params.months + 1;
  const buffers: StatsBuffers = createStatsBuffers(world.households.count);
  const series: IndicatorSeries = {
    indicators: indicators.map(({ id, label, unit, group }) => ({ id, label, unit, group })),
    scopes,
    months: [],
    values: new Float64Array(capacity * perMonth),
  };
  const single = world.regions.length === 1;
  return {
    series,
    collect(w: World): void {
      const m = series.months.length;
      if ((m + 1) * perMonth > series.values.length) {
        const grown = new Float64Array(series.values.length * 2 + perMonth);
        grown.set(series.values);
        series.values = grown;
      }
      series.months.push(w.month);
      const base = m * perMonth;
      // With one region the total equals it: compute once, copy.
      const total = scopeStats(w, w.regions, buffers);
      for (let k = 0; k < indicators.length; k++) series.values[base + k] = indicators[k].compute(total, w.params);
      for (let r = 0; r < w.regions.length; r++) {
        const offset = base + (r + 1) * indicators.length;
        if (single) {
          series.values.copyWithin(offset, base, base + indicators.length);
          continue;
        }
        const s = scopeStats(w, [w.regions[r]], buffers);
        for (let k = 0; k < indicators.length; k++) series.values[offset + k] = indicators[k].compute(s, w.params);
      }
    },
  };
}
