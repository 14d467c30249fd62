import type { World } from '../model/world.js';
import { computeMonthlyStats, createMonthlyStats, figureIndices, INCOME, SCOPE_FIGURES } from './monthlyStats.js';
import { INDICATORS, type Indicator } from './registry.js';
import type { IndicatorSeries } from './series.js';
import { startWelfarePipeline, type WelfarePipeline } from './welfarePipeline.js';
import type { WelfareThreadFaults } from './welfareThreadLayout.js';

/**
 * Collects every registered indicator for the total and each region, once a month, into
 * a growing {@link IndicatorSeries}. Buffers are allocated once per run.
 *
 * The stats of all scopes are computed together each month (monthlyStats.ts), and the
 * registry's welfare indicators are read from the figures computed there for every scope
 * (welfareFigures.ts, which their `compute` wraps: the same numbers).
 */
export interface Collector {
  /** The months recorded; read it after `flush()` when the collector is pipelined. */
  readonly series: IndicatorSeries;
  /** Records the world's current month. */
  collect(world: World): void;
  /** Whether the welfare figures are computed on the indicator thread (asked for, and it started). */
  readonly pipelined: boolean;
  /** Completes the last month recorded (a pipelined collector's welfare figures; otherwise nothing). */
  flush(): void;
  /**
   * Flushes, then stops the indicator thread, if any; `collect` throws after. A failure of
   * the thread is thrown by `flush`, `close` and every later `flush`: a month it did not
   * finish is never read.
   */
  close(): void;
}

/** What a collector records besides its indicators. */
export interface CollectorOptions {
  /**
   * Only the total scope (`series.scopes` is `['total']`): the regions' welfare figures are
   * not computed. The total's values are the same numbers as with every scope. Experiments'
   * runs record only the total, so their workers collect this way.
   */
  readonly totalOnly?: boolean;
  /**
   * Compute the welfare figures of each month on a second thread while the model steps the
   * next (welfarePipeline.ts): the same numbers, in about half the time of a large run's
   * month. Each month's welfare values are in `series` from the next `collect` or `flush`
   * on. If the thread does not start, the figures are computed in this thread.
   */
  readonly pipelined?: boolean;
  /** Failures the indicator thread is to make, for tests. */
  readonly pipelineFaults?: WelfareThreadFaults;
}

/** Stops the indicator thread of a collector that was dropped without `close()`. */
const dropped = new FinalizationRegistry<WelfarePipeline>((pipeline) => pipeline.close());

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
  const pipeline =
    options.pipelined === true && needsFigures ? startWelfarePipeline(world, options.pipelineFaults) : null;
  // The month whose welfare values the thread is computing, or -1.
  let pending = -1;
  let failure: unknown = null;
  let closed = false;
  /** Waits for the pending month's figures and writes its welfare values (and a single region's copy). */
  function fill(): void {
    if (failure !== null) throw failure;
    if (pipeline === null || pending < 0) return;
    try {
      pipeline.wait();
    } catch (error) {
      failure = error;
      throw error;
    }
    const base = pending * perMonth;
    pending = -1;
    writeFigures(series.values, base, pipeline.figures, scopes.length, indicators.length, figureOf, single);
  }
  const collector: Collector = {
    series,
    pipelined: pipeline !== null,
    flush: fill,
    close(): void {
      closed = true;
      try {
        fill();
      } finally {
        pipeline?.close();
      }
    },
    collect(w: World): void {
      if (closed) throw new Error('collector: collect after close');
      fill();
      const m = series.months.length;
      if ((m + 1) * perMonth > series.values.length) {
        const grown = new Float64Array(series.values.length * 2 + perMonth);
        grown.set(series.values);
        series.values = grown;
      }
      series.months.push(w.month);
      const base = m * perMonth;
      computeMonthlyStats(w, stats, needsFigures && pipeline === null, parts);
      const values = series.values;
      for (let scope = 0; scope < scopes.length; scope++) {
        // With one region the total equals it: writeFigures copies the total's row.
        if (single && scope > 0) continue;
        const offset = base + scope * indicators.length;
        const s = stats.scopes[scope];
        for (let k = 0; k < indicators.length; k++)
          if (figureOf[k] < 0) values[offset + k] = indicators[k].compute(s, w.params);
      }
      if (pipeline === null)
        writeFigures(values, base, stats.figures, scopes.length, indicators.length, figureOf, single);
      else {
        pipeline.post(w, stats.scopes, parts);
        pending = m;
      }
    },
  };
  if (pipeline !== null) dropped.register(collector, pipeline);
  return collector;
}

/**
 * Writes one month's welfare values from the figures (`SCOPE_FIGURES` per scope) into the
 * month's row at `base`; with a single region, the region's row is the total's.
 */
function writeFigures(
  values: Float64Array,
  base: number,
  figures: Float64Array,
  scopes: number,
  perScope: number,
  figureOf: Int32Array,
  single: boolean,
): void {
  for (let scope = 0; scope < scopes; scope++) {
    const offset = base + scope * perScope;
    if (single && scope > 0) {
      values.copyWithin(offset, base, base + perScope);
      continue;
    }
    const at = scope * SCOPE_FIGURES;
    for (let k = 0; k < perScope; k++) {
      const f = figureOf[k];
      if (f >= 0) values[offset + k] = figures[at + f];
    }
  }
}
