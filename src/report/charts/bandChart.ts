import type { TopLevelSpec } from 'vega-lite';
import type { BandRow } from './chartRows.js';
import { strategyScale } from './strategyColour.js';
import { CHART_HEIGHT, CHART_WIDTH, monthX, specHead, unitAxis } from './theme.js';

/** What a band chart shows. */
export interface BandChartOptions {
  /** Indicator id; rows of other indicators are ignored. */
  readonly indicator: string;
  readonly title: string;
  /** Unit of the indicator (the y axis title), e.g. "rupiah per person per month". */
  readonly unit: string;
  /** Default: "Mean over replications with 95% band". */
  readonly subtitle?: string | readonly string[];
  /** Title of the time axis (default "year"). */
  readonly yearTitle?: string;
  /** Title of the colour legend (default "scenario"). */
  readonly legendTitle?: string;
  /** The tooltip's names of the month and the mean (default "month", "mean"). */
  readonly monthTitle?: string;
  readonly meanTitle?: string;
}

/**
 * An indicator over months across replications: the mean as a line with its 95% band
 * shaded, each scenario (strategy) in its own colour (the same in every chart). Scenario
 * order is the order of first appearance in `rows`. The time axis is labelled in years.
 */
export function bandChart(rows: readonly BandRow[], opts: BandChartOptions): TopLevelSpec {
  const values = rows
    .filter((r) => r.indicator === opts.indicator && Number.isFinite(r.mean))
    .map((r) => ({ scenario: r.scenario, month: r.month, mean: r.mean, lo: r.lo, hi: r.hi }))
    .sort((a, b) => a.month - b.month);
  const scenarios = [...new Set(rows.filter((r) => r.indicator === opts.indicator).map((r) => r.scenario))];
  const colour = {
    field: 'scenario',
    type: 'nominal',
    title: opts.legendTitle ?? 'scenario',
    scale: strategyScale(scenarios),
    legend: scenarios.length > 1 ? { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 } : null,
  } as const;
  const x = monthX(
    values.reduce((m, v) => Math.max(m, v.month), 0),
    'month',
    opts.yearTitle,
  );
  return {
    ...specHead(opts.title, opts.subtitle ?? 'Mean over replications with 95% band'),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: {
          x,
          y: { field: 'lo', type: 'quantitative', axis: unitAxis(opts.unit) },
          y2: { field: 'hi' },
          color: colour,
        },
      },
      {
        mark: { type: 'line' },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative' },
          color: colour,
          // The axis is in years; the tooltip gives the month (as summary.csv does).
          tooltip: [
            { field: 'scenario', type: 'nominal', title: opts.legendTitle ?? 'scenario' },
            { field: 'month', type: 'quantitative', title: opts.monthTitle ?? 'month' },
            { field: 'mean', type: 'quantitative', title: opts.meanTitle ?? 'mean', format: ',.4~r' },
          ],
        },
      },
    ],
  };
}
