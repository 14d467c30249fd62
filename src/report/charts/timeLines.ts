import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { Scale } from 'vega-lite/types_unstable/scale.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { ChartRow } from './chartRows.js';
import { indicatorLabel, seriesPoints } from './seriesPoints.js';
import { CHART_HEIGHT, CHART_WIDTH, monthX, SERIES_COLOURS, specHead, unitAxis } from './theme.js';

/** What a multi-line time-series chart shows. */
export interface TimeLinesOptions {
  readonly title: string;
  readonly subtitle: string | readonly string[];
  /** The unit of every series, used as the y axis title. */
  readonly unit: string;
  /** Last month (end of the x axis). */
  readonly months: number;
  /** Indicator ids, in legend order. */
  readonly ids: readonly string[];
  readonly region?: string;
  readonly yScale?: Scale;
  /** Legend labels; the registry's labels by default. */
  readonly label?: (id: string) => string;
  /** Layers drawn on top (e.g. the poverty line), each with its own data. */
  readonly extraLayers?: LayerSpec<Field>['layer'];
  /** Title of the y axis (default: `unit`). */
  readonly unitTitle?: string;
  /** Title of the time axis (default "year") and the tooltip's names of the month and the value. */
  readonly yearTitle?: string;
  readonly monthTitle?: string;
  readonly valueTitle?: string;
  readonly seriesTitle?: string;
}

/**
 * Lines of several indicators over months, one colour each, sharing a y axis (so they
 * must share a unit). The building block of most single-run charts.
 */
export function timeLines(rows: readonly ChartRow[], opts: TimeLinesOptions): TopLevelSpec {
  const label = opts.label ?? indicatorLabel;
  const values = seriesPoints(rows, opts.ids, opts.region ?? 'total', label);
  const domain = opts.ids.map(label);
  const single = opts.ids.length === 1;
  return {
    ...specHead(opts.title, opts.subtitle),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values },
        mark: { type: 'line', interpolate: 'linear' },
        encoding: {
          x: monthX(opts.months, 'month', opts.yearTitle),
          y: {
            field: 'value',
            type: 'quantitative',
            axis: unitAxis(opts.unit, opts.unitTitle ? { title: opts.unitTitle } : {}),
            ...(opts.yScale ? { scale: opts.yScale } : {}),
          },
          // The axis is in years; the tooltip gives the month (as the CSV files do).
          tooltip: [
            { field: 'series', type: 'nominal', title: opts.seriesTitle ?? 'indicator' },
            { field: 'month', type: 'quantitative', title: opts.monthTitle ?? 'month' },
            { field: 'value', type: 'quantitative', title: opts.valueTitle ?? 'value', format: ',.4~r' },
          ],
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain, range: SERIES_COLOURS.slice(0, Math.max(1, domain.length)) },
            legend: single ? null : {},
          },
        },
      },
      ...(opts.extraLayers ?? []),
    ],
  };
}
