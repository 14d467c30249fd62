import type { TopLevelSpec } from 'vega-lite';
import type { FinalRow } from './chartRows.js';
import { CHART_WIDTH, SERIES_COLOURS, specHead, unitAxis } from './theme.js';

/** What a final-values dot plot shows. */
export interface FinalValuesOptions {
  /** Indicator id; rows of other indicators are ignored. */
  readonly indicator: string;
  readonly title: string;
  /** Unit of the indicator (the x axis title). */
  readonly unit: string;
  /** Default: "Final value: mean with 95% interval". */
  readonly subtitle?: string | readonly string[];
}

/**
 * Final values of one indicator per scenario (strategy): a dot at the mean and a line
 * over its 95% interval, one row per scenario in order of first appearance. The x axis
 * does not start at zero, so intervals can be compared.
 */
export function finalValuesDotPlot(rows: readonly FinalRow[], opts: FinalValuesOptions): TopLevelSpec {
  const values = rows
    .filter((r) => r.indicator === opts.indicator && Number.isFinite(r.mean))
    .map((r) => ({ scenario: r.scenario, mean: r.mean, lo: r.lo, hi: r.hi }));
  const scenarios = [...new Set(values.map((v) => v.scenario))];
  const y = {
    field: 'scenario',
    type: 'nominal',
    title: 'scenario',
    sort: scenarios,
    axis: { labelLimit: 220 },
  } as const;
  const colour = {
    field: 'scenario',
    type: 'nominal',
    scale: { domain: scenarios, range: SERIES_COLOURS.slice(0, Math.max(1, scenarios.length)) },
    legend: null,
  } as const;
  return {
    ...specHead(opts.title, opts.subtitle ?? 'Final value: mean with 95% interval'),
    width: CHART_WIDTH - 160,
    height: { step: 30 },
    data: { values },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x: { field: 'lo', type: 'quantitative', scale: { zero: false, padding: 12 }, axis: unitAxis(opts.unit) },
          x2: { field: 'hi' },
          y,
          color: colour,
        },
      },
      {
        mark: { type: 'point', filled: true, size: 80, opacity: 1 },
        encoding: { x: { field: 'mean', type: 'quantitative' }, y, color: colour },
      },
    ],
  };
}
