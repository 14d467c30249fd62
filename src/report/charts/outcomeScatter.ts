import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, SERIES_COLOURS, specHead } from './theme.js';

/** One run placed on two input dimensions, and whether it is a case of interest. */
export interface OutcomeScatterRow {
  readonly x: number;
  readonly y: number;
  readonly interest: boolean;
}

/**
 * The runs on the box's two most restricted dimensions, coloured by outcome, with the
 * selected box's limits on those two drawn as a rectangle.
 */
export function outcomeScatter(
  rows: readonly OutcomeScatterRow[],
  opts: {
    title: string;
    subtitle: string | readonly string[];
    xName: string;
    yName: string;
    xDomain: readonly [number, number];
    yDomain: readonly [number, number];
    box: { x1: number; x2: number; y1: number; y2: number };
    interestLabel: string;
    /** Legend label of the other runs (default "other runs"). */
    otherLabel?: string;
  },
): TopLevelSpec {
  const other = opts.otherLabel ?? 'other runs';
  const values = rows.map((r) => ({ ...r, outcome: r.interest ? opts.interestLabel : other }));
  const xDomain = [...opts.xDomain];
  const yDomain = [...opts.yDomain];
  const x = { field: 'x', type: 'quantitative' as const, scale: { domain: xDomain }, title: opts.xName };
  const y = { field: 'y', type: 'quantitative' as const, scale: { domain: yDomain }, title: opts.yName };
  return {
    ...specHead(opts.title, opts.subtitle),
    width: CHART_WIDTH - 220,
    height: 320,
    layer: [
      {
        data: { values: [opts.box] },
        mark: {
          type: 'rect',
          fillOpacity: 0.06,
          fill: '#222222',
          stroke: '#222222',
          strokeDash: [5, 3],
          strokeWidth: 1.5,
        },
        encoding: {
          x: { field: 'x1', type: 'quantitative', scale: { domain: xDomain } },
          x2: { field: 'x2' },
          y: { field: 'y1', type: 'quantitative', scale: { domain: yDomain } },
          y2: { field: 'y2' },
        },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 30, opacity: 0.8 },
        encoding: {
          x,
          y,
          color: {
            field: 'outcome',
            type: 'nominal',
            title: null,
            scale: { domain: [opts.interestLabel, other], range: [SERIES_COLOURS[3], SERIES_COLOURS[0]] },
          },
          shape: {
            field: 'outcome',
            type: 'nominal',
            legend: null,
            scale: { domain: [opts.interestLabel, other], range: ['triangle-up', 'circle'] },
          },
        },
      },
    ],
  };
}
