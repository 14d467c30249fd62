import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { povertyLineLayers } from './povertyLineLayers.js';
import { timeLines } from './timeLines.js';

/** Real consumption per capita (mean and median) over months, with the poverty line as a dashed rule. */
export function consumptionChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  return timeLines(rows, {
    title: 'Real consumption per capita',
    subtitle: `${meta.scenarioName}. Base-year prices; dashed: the poverty line`,
    unit: 'rupiah per person per month',
    months: meta.months,
    ids: ['consumption_pc_mean', 'consumption_pc_median'],
    label: (id) => (id.endsWith('_mean') ? 'mean' : 'median'),
    extraLayers: povertyLineLayers(meta.povertyLine),
  });
}
