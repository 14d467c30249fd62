import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, SERIES_COLOURS, specHead, unitAxis } from './theme.js';

/** One parameter's Morris measures for one output. */
export interface MorrisRow {
  readonly parameter: string;
  /** Mean absolute elementary effect, and its bootstrap interval. */
  readonly muStar: number;
  readonly lo: number;
  readonly hi: number;
  /** Standard deviation of the elementary effects. */
  readonly sigma: number;
}

/** What a Morris scatter shows. */
export interface MorrisScatterOptions {
  readonly title: string;
  /** Unit of the output; effects are in this unit per full range of each parameter. */
  readonly unit: string;
  readonly subtitle?: string | readonly string[];
  /** The axis titles (default English: "μ* (UNIT per full range)", "σ (UNIT per full range)"). */
  readonly muStarTitle?: string;
  readonly sigmaTitle?: string;
  /** The tooltip's name of the parameter field (default "parameter"). */
  readonly parameterTitle?: string;
}

/**
 * The Morris screening plot (Campolongo et al. 2007): each parameter at (mu*, sigma),
 * labelled, with a horizontal line over the bootstrap interval of mu*. Far right means
 * influential; high up means non-linear or interacting. The dashed diagonal sigma = mu*
 * separates mostly linear effects (below) from strongly non-linear or interacting ones.
 */
export function morrisScatter(rows: readonly MorrisRow[], opts: MorrisScatterOptions): TopLevelSpec {
  const values = rows
    .filter((r) => Number.isFinite(r.muStar) && Number.isFinite(r.sigma))
    .map((r) => ({ ...r, lo: Number.isFinite(r.lo) ? r.lo : r.muStar, hi: Number.isFinite(r.hi) ? r.hi : r.muStar }));
  const top = Math.max(0, ...values.map((v) => Math.max(v.hi, v.sigma)));
  const x = {
    field: 'muStar',
    type: 'quantitative',
    scale: { zero: true, nice: true },
    axis: unitAxis(opts.unit, { title: opts.muStarTitle ?? `μ* (${opts.unit} per full range)` }),
  } as const;
  const y = {
    field: 'sigma',
    type: 'quantitative',
    scale: { zero: true, nice: true },
    axis: unitAxis(opts.unit, { title: opts.sigmaTitle ?? `σ (${opts.unit} per full range)` }),
  } as const;
  return {
    ...specHead(
      opts.title,
      opts.subtitle ?? 'Morris screening: μ* (importance) against σ (non-linearity, interactions)',
    ),
    width: CHART_WIDTH - 120,
    height: 320,
    layer: [
      {
        data: { values: [{ a: 0 }, { a: top }] },
        mark: { type: 'line', strokeDash: [4, 4], color: '#9a9a9a', strokeWidth: 1 },
        encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'a', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'rule', strokeWidth: 2, color: SERIES_COLOURS[0], opacity: 0.5 },
        encoding: {
          x: { field: 'lo', type: 'quantitative' },
          x2: { field: 'hi' },
          y: { field: 'sigma', type: 'quantitative' },
        },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 70, color: SERIES_COLOURS[0], opacity: 1 },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'parameter', title: opts.parameterTitle ?? 'parameter' },
            { field: 'muStar', title: 'μ*' },
            { field: 'sigma', title: 'σ' },
          ],
        },
      },
      {
        data: { values },
        mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 11, color: '#333333' },
        encoding: {
          x: { field: 'muStar', type: 'quantitative' },
          y: { field: 'sigma', type: 'quantitative' },
          text: { field: 'parameter' },
        },
      },
    ],
  };
}
