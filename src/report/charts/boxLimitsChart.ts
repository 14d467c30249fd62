import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, SERIES_COLOURS, specHead } from './theme.js';

/** One input dimension's box limits, on its sampled range scaled to 0..1. */
export interface BoxLimitRow {
  readonly parameter: string;
  readonly lower: number;
  readonly upper: number;
  readonly restricted: boolean;
  /** The limits in the parameter's own units, for the label. */
  readonly label: string;
}

/**
 * The selected box on the normalised parameter ranges: a grey bar per parameter for its
 * whole sampled range (0 to 1), a coloured bar over the part the box keeps, with the
 * limits in the parameter's units beside it.
 */
export function boxLimitsChart(
  rows: readonly BoxLimitRow[],
  opts: { title: string; subtitle: string | readonly string[]; axisTitle?: string },
): TopLevelSpec {
  const values = rows.map((r) => ({ ...r, zero: 0, one: 1 }));
  const y = { field: 'parameter', type: 'nominal', sort: null, title: null, axis: { labelLimit: 240 } } as const;
  return {
    ...specHead(opts.title, opts.subtitle),
    width: CHART_WIDTH - 320,
    height: { step: 26 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: '#e3e3e3', height: 14 },
        encoding: {
          y,
          x: {
            field: 'zero',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            title: opts.axisTitle ?? 'share of the sampled range',
          },
          x2: { field: 'one' },
        },
      },
      {
        mark: { type: 'bar', height: 14, opacity: 0.9 },
        encoding: {
          y,
          x: { field: 'lower', type: 'quantitative' },
          x2: { field: 'upper' },
          color: {
            field: 'restricted',
            type: 'nominal',
            title: null,
            scale: { domain: [true, false], range: [SERIES_COLOURS[3], '#bdbdbd'] },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#333333' },
        encoding: { y, x: { datum: 1, type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}
