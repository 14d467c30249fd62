import type { TopLevelSpec } from 'vega-lite';
import { POVERTY_LINE_COLOUR, SERIES_COLOURS, specHead } from './theme.js';

/** One target's simulated values under the posterior and what was observed. */
export interface PredictiveTarget {
  readonly target: string;
  readonly observed: number | null;
  readonly band: readonly [number, number] | null;
  readonly simulated: readonly number[];
}

/**
 * The posterior predictive check: for each target, the values simulated at posterior
 * draws (ticks) against the observed value or band (red), one panel per target with its
 * own scale. An observed value far in a tail means the model, even calibrated, misses it.
 */
export function predictiveCheckChart(
  targets: readonly PredictiveTarget[],
  title: string,
  subtitle = 'Simulated at posterior draws (ticks) against the observed value or band (red)',
): TopLevelSpec {
  const sims = targets.flatMap((t) => t.simulated.filter(Number.isFinite).map((v) => ({ target: t.target, value: v })));
  const observed = targets.map((t) => ({
    target: t.target,
    lo: t.band ? t.band[0] : t.observed,
    hi: t.band ? t.band[1] : t.observed,
  }));
  return {
    ...specHead(title, subtitle),
    data: { values: [...sims.map((s) => ({ ...s, kind: 'sim' })), ...observed.map((o) => ({ ...o, kind: 'obs' }))] },
    facet: {
      row: {
        field: 'target',
        type: 'nominal',
        title: null,
        sort: targets.map((t) => t.target),
        header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top' },
      },
    },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: 520,
      height: 40,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'sim'" }],
          mark: { type: 'tick', opacity: 0.4, color: SERIES_COLOURS[0] },
          encoding: { x: { field: 'value', type: 'quantitative', scale: { zero: false }, title: null } },
        },
        {
          transform: [{ filter: "datum.kind === 'obs'" }],
          mark: { type: 'rule', color: POVERTY_LINE_COLOUR, strokeWidth: 3 },
          encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        {
          transform: [{ filter: "datum.kind === 'obs'" }],
          mark: { type: 'tick', color: POVERTY_LINE_COLOUR, thickness: 3 },
          encoding: { x: { field: 'lo', type: 'quantitative' } },
        },
      ],
    },
  } as TopLevelSpec;
}
