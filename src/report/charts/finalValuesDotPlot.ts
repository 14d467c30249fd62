import type { TopLevelSpec } from 'vega-lite';
import type { FinalRow } from './chartRows.js';
import { strategyColour } from './strategyColour.js';
import { CHART_WIDTH, specHead, unitAxis } from './theme.js';

/** What a final-values dot plot shows. */
export interface FinalValuesOptions {
  /** Indicator id; rows of other indicators are ignored. */
  readonly indicator: string;
  readonly title: string;
  /** Unit of the indicator (the x axis title). */
  readonly unit: string;
  /** Default: "Final value: mean with 95% interval". */
  readonly subtitle?: string | readonly string[];
  /** The colour of each row (default: a strategy's own colour, by the row's name before " - "). */
  readonly colourOf?: (scenario: string) => string;
  /** Differences: the axis includes zero and a rule marks it ("no effect"). */
  readonly zeroRule?: boolean;
  /** Title of the row axis (default "scenario"). */
  readonly rowTitle?: string;
}

/**
 * Final values of one indicator per scenario (strategy): a dot at the mean and a line
 * over its 95% interval, one row per scenario in order of first appearance, each in its
 * strategy's colour. For levels the x axis does not start at zero, so intervals can be
 * compared; for differences (`zeroRule`) it includes zero and a rule marks it.
 */
export function finalValuesDotPlot(rows: readonly FinalRow[], opts: FinalValuesOptions): TopLevelSpec {
  const values = rows
    .filter((r) => r.indicator === opts.indicator && Number.isFinite(r.mean))
    .map((r) => ({ scenario: r.scenario, mean: r.mean, lo: r.lo, hi: r.hi }));
  const scenarios = [...new Set(values.map((v) => v.scenario))];
  const y = {
    field: 'scenario',
    type: 'nominal',
    title: opts.rowTitle ?? 'scenario',
    sort: scenarios,
    axis: { labelLimit: 220 },
  } as const;
  const colour = {
    field: 'scenario',
    type: 'nominal',
    scale: { domain: scenarios, range: scenarios.map(opts.colourOf ?? ((s) => strategyColour(s.split(' - ')[0]))) },
    legend: null,
  } as const;
  const zero = opts.zeroRule === true;
  return {
    ...specHead(opts.title, opts.subtitle ?? 'Final value: mean with 95% interval'),
    width: CHART_WIDTH - 160,
    height: { step: 30 },
    data: { values },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x: {
            field: 'lo',
            type: 'quantitative',
            scale: { zero, padding: 12 },
            axis: unitAxis(opts.unit),
          },
          x2: { field: 'hi' },
          y,
          color: colour,
        },
      },
      {
        mark: { type: 'point', filled: true, size: 80, opacity: 1 },
        encoding: { x: { field: 'mean', type: 'quantitative' }, y, color: colour },
      },
      ...(zero
        ? [
            {
              data: { values: [{ zero: 0 }] },
              mark: { type: 'rule' as const, color: '#333333', strokeWidth: 1.5, strokeDash: [4, 3] },
              encoding: { x: { field: 'zero', type: 'quantitative' as const } },
            },
          ]
        : []),
    ],
  };
}
