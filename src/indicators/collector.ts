import type { World } from '../model/world.js';
import { computeMonthlyStats, createMonthlyStats, figureIndices, INCOME, SCOPE_FIGURES } from './monthlyStats.js';
import { INDICATORS, type Indicator } from './registry.js';
import type { IndicatorSeries } from './series.js';

/**
 * Collects every registered indicator for the total and each region, once a month, into
 * a growing {@link IndicatorSeries}. Buffers are allocated once per run.
 *
 * The stats of all scopes are computed together each month (monthlyStats.ts), and the
 * registry's welfare indicators are read from the figures computed there for every scope
 * (welfareFigures.ts, which their `compute` wraps: the same numbers).
 */
export interface Collector {
  readonly series: IndicatorSeries;
  /** Records the world's current month. */
  collect(world: World): void;
}

/** What a collector records besides its indicators. */
export interface CollectorOptions {
  /**
   * Only the total scope (`series.scopes` is `['total']`): the regions' welfare figures are
   * not computed. The total's values are the same numbers as with every scope. Experiments'
   * runs record only the total, so their workers collect this way.
   */
  readonly totalOnly?: boolean;
}

export function createCollector(
  world: World,
  indicators: readonly Indicator[] = INDICATORS,
  options: CollectorOptions = {},
): Collector {
  const totalOnly = options.totalOnly === true;
  const scopes = totalOnly ? ['total'] : ['total', ...world.regions.map((r) => r.name)];
  const perMonth = scopes.length * indicators.length;
  const capacity = world.params.months + 1;
  const stats = createMonthlyStats(world);
  const figureOf = figureIndices(indicators);
  const needsFigures = figureOf.some((f) => f >= 0);
  // Which figures beyond the total's consumption figures any indicator reads.
  const parts = { regions: !totalOnly, income: figureOf.some((f) => f >= INCOME) };
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
      computeMonthlyStats(w, stats, needsFigures, parts);
      const figures = stats.figures;
      const values = series.values;
      for (let scope = 0; scope < scopes.length; scope++) {
        const offset = base + scope * indicators.length;
        // With one region the total equals it: compute once, copy.
        if (single && scope > 0) {
          values.copyWithin(offset, base, base + indicators.length);
          continue;
        }
        const s = stats.scopes[scope];
        const at = scope * SCOPE_FIGURES;
        for (let k = 0; k < indicators.length; k++) {
          const f = figureOf[k];
          values[offset + k] = f >= 0 ? figures[at + f] : indicators[k].compute(s, w.params);
        }
      }
    },
  };
}
