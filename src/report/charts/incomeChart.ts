import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { timeLines } from './timeLines.js';

/** Income per capita (mean and median) over months. */
export function incomeChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  return timeLines(rows, {
    title: 'Income per capita',
    subtitle: meta.scenarioName,
    unit: 'rupiah per person per month',
    months: meta.months,
    ids: ['income_pc_mean', 'income_pc_median'],
    label: (id) => (id.endsWith('_mean') ? 'mean' : 'median'),
  });
}
