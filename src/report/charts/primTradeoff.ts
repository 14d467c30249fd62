import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, SERIES_COLOURS, specHead } from './theme.js';

/** One box of a PRIM trajectory as the trade-off chart draws it. */
export interface TradeoffRow {
  readonly step: number;
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** Number of restricted dimensions. */
  readonly restricted: number;
  readonly selected: boolean;
}

/**
 * The PRIM trade-off curve (Bryant & Lempert 2010): each box of the peeling trajectory at
 * (coverage, density), coloured by how many dimensions it restricts, the reported box
 * ringed and labelled. A point selection named `box` makes a box clickable in an
 * interactive Vega-Lite viewer; the static chart comes with the same boxes as a table.
 */
export function primTradeoff(
  rows: readonly TradeoffRow[],
  opts: {
    title: string;
    subtitle: string | readonly string[];
    /** Axis, legend and label words (default English). */
    words?: { coverage: string; density: string; restricted: string; box: string };
  },
): TopLevelSpec {
  const w = opts.words ?? {
    coverage: 'coverage (share of all cases of interest in the box)',
    density: 'density (share of the box that is of interest)',
    restricted: 'restricted dimensions',
    box: 'box',
  };
  const values = rows.map((r) => ({ ...r, label: `${w.box} ${r.step}` }));
  const x = {
    field: 'coverage',
    type: 'quantitative',
    scale: { domain: [0, 1] as number[] },
    title: w.coverage,
  } as const;
  const y = {
    field: 'density',
    type: 'quantitative',
    scale: { domain: [0, 1] as number[] },
    title: w.density,
  } as const;
  return {
    ...specHead(opts.title, opts.subtitle),
    width: CHART_WIDTH - 160,
    height: 300,
    layer: [
      {
        data: { values },
        mark: { type: 'line', color: '#b0b0b0', strokeWidth: 1 },
        encoding: { x, y, order: { field: 'step', type: 'quantitative' } },
      },
      {
        data: { values },
        params: [{ name: 'box', select: { type: 'point', fields: ['step'] } }],
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'restricted',
            type: 'ordinal',
            title: w.restricted,
            scale: { range: SERIES_COLOURS },
          },
          tooltip: [
            { field: 'step', title: w.box },
            { field: 'coverage', format: '.3f' },
            { field: 'density', format: '.3f' },
            { field: 'mass', format: '.3f' },
            { field: 'restricted', title: w.restricted },
          ],
        },
      },
      {
        data: { values: values.filter((v) => v.selected) },
        mark: { type: 'point', size: 260, strokeWidth: 2, color: '#222222', filled: false },
        encoding: { x, y },
      },
      {
        data: { values: values.filter((v) => v.selected) },
        mark: { type: 'text', align: 'left', dx: 12, dy: -10, fontSize: 12, color: '#222222' },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  };
}
