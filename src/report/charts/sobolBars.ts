import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, SERIES_COLOURS, specHead } from './theme.js';

/** One Sobol' index of one parameter, with its bootstrap interval. */
export interface SobolRow {
  readonly parameter: string;
  readonly index: 'S1' | 'ST';
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
}

/** What a Sobol' bar chart shows. */
export interface SobolBarsOptions {
  readonly title: string;
  readonly subtitle?: string | readonly string[];
  /** Title of the value axis (default "share of output variance") and of the legend (default "index"). */
  readonly valueTitle?: string;
  readonly legendTitle?: string;
}

/** The x axis runs from at least [0, 1] but never beyond [-0.5, 1.5]; longer intervals are cut at the edge. */
const LIMITS = [-0.5, 1.5] as const;

/**
 * First-order (S1) and total (ST) Sobol' indices per parameter as paired horizontal bars
 * with their bootstrap intervals, parameters in the order given (e.g. by ST, largest
 * first). S1 is the share of the output's variance due to the parameter alone; ST
 * includes its interactions, so ST - S1 measures how much it acts through others.
 * Estimates from small designs can fall below 0 or above 1: the axis shows them, within
 * limits.
 */
export function sobolBars(rows: readonly SobolRow[], opts: SobolBarsOptions): TopLevelSpec {
  const values = rows
    .filter((r) => Number.isFinite(r.value))
    .map((r) => ({ ...r, lo: Number.isFinite(r.lo) ? r.lo : r.value, hi: Number.isFinite(r.hi) ? r.hi : r.value }));
  const parameters = [...new Set(rows.map((r) => r.parameter))];
  const lo = Math.max(LIMITS[0], Math.min(0, ...values.map((v) => Math.min(v.lo, v.value))));
  const hi = Math.min(LIMITS[1], Math.max(1, ...values.map((v) => Math.max(v.hi, v.value))));
  const y = { field: 'parameter', type: 'nominal', title: null, sort: parameters, axis: { labelLimit: 260 } } as const;
  const yOffset = { field: 'index', type: 'nominal', sort: ['S1', 'ST'] } as const;
  const colour = {
    field: 'index',
    type: 'nominal',
    title: opts.legendTitle ?? 'index',
    scale: { domain: ['S1', 'ST'], range: [SERIES_COLOURS[0], SERIES_COLOURS[1]] },
    legend: { symbolType: 'square' },
  } as const;
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [lo, hi], clamp: true, nice: false },
    axis: { title: opts.valueTitle ?? 'share of output variance', grid: true },
  };
  return {
    ...specHead(
      opts.title,
      opts.subtitle ?? "Sobol' indices with 95% bootstrap intervals: S1 alone, ST with interactions",
    ),
    width: CHART_WIDTH - 160,
    height: { step: 36 },
    data: { values },
    layer: [
      { mark: { type: 'bar', opacity: 0.85 }, encoding: { y, yOffset, x: { ...x, field: 'value' }, color: colour } },
      {
        mark: { type: 'rule', strokeWidth: 1.5, color: '#333333' },
        encoding: { y, yOffset, x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
      },
    ],
  };
}
