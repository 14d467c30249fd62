import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, CHART_HEIGHT, monthX, SERIES_COLOURS, specHead, unitAxis } from './theme.js';

/** The grey of the shared history. */
const HISTORY_COLOUR = '#9a9a9a';

/**
 * One indicator of a branch: the shared history (months 0..at) as one grey line, then
 * each strategy's mean future from the branch month on, in colour, with a dashed rule at
 * the branch month.
 */
export function branchChart(
  means: Readonly<Record<string, readonly number[]>>,
  opts: {
    title: string;
    subtitle: string | readonly string[];
    unit: string;
    at: number;
    /** Titles of the value and time axes (default: the unit, "year"). */
    unitTitle?: string;
    yearTitle?: string;
  },
): TopLevelSpec {
  const strategies = Object.keys(means);
  const months = (means[strategies[0]]?.length ?? 1) - 1;
  const history = (means[strategies[0]] ?? []).slice(0, opts.at + 1).map((value, month) => ({ month, value }));
  const futures = strategies.flatMap((strategy) =>
    means[strategy].slice(opts.at).map((value, k) => ({ strategy, month: opts.at + k, value })),
  );
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: null,
    axis: unitAxis(opts.unit, opts.unitTitle ? { title: opts.unitTitle } : {}),
    scale: { zero: false },
  };
  return {
    ...specHead(opts.title, opts.subtitle),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: history },
        mark: { type: 'line', color: HISTORY_COLOUR, strokeWidth: 2.5 },
        encoding: { x: monthX(months, 'month', opts.yearTitle), y },
      },
      {
        data: { values: futures },
        mark: { type: 'line' },
        encoding: {
          x: monthX(months, 'month', opts.yearTitle),
          y,
          // The axis is in years; the tooltip gives the month.
          tooltip: [
            { field: 'strategy', type: 'nominal' },
            { field: 'month', type: 'quantitative' },
            { field: 'value', type: 'quantitative', format: ',.4~r' },
          ],
          color: {
            field: 'strategy',
            type: 'nominal',
            title: null,
            sort: strategies,
            scale: { domain: strategies, range: SERIES_COLOURS.slice(0, strategies.length) },
          },
        },
      },
      {
        data: { values: [{ month: opts.at }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: HISTORY_COLOUR },
        encoding: { x: { field: 'month', type: 'quantitative' } },
      },
    ],
  };
}
