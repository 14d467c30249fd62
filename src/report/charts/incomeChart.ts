import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { runChartText } from './runChartText.js';
import { timeLines } from './timeLines.js';

/** Income per capita (mean and median) over months. */
export function incomeChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const { L, axis } = runChartText(meta, 'rupiah per person per month');
  return timeLines(rows, {
    title: L.t('rc.income.title'),
    subtitle: meta.scenarioName,
    ...axis,
    months: meta.months,
    ids: ['income_pc_mean', 'income_pc_median'],
    label: (id) => L.t(id.endsWith('_mean') ? 'rc.mean' : 'rc.median'),
  });
}
