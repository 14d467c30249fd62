import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { povertyLineLayers } from './povertyLineLayers.js';
import { runChartText } from './runChartText.js';
import { timeLines } from './timeLines.js';

/** Real consumption per capita (mean and median) over months, with the poverty line as a dashed rule. */
export function consumptionChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const { L, axis } = runChartText(meta, 'rupiah per person per month');
  return timeLines(rows, {
    title: L.t('rc.consumption.title'),
    subtitle: L.t('rc.consumption.subtitle', { name: meta.scenarioName }),
    ...axis,
    months: meta.months,
    ids: ['consumption_pc_mean', 'consumption_pc_median'],
    label: (id) => L.t(id.endsWith('_mean') ? 'rc.mean' : 'rc.median'),
    extraLayers: povertyLineLayers(L, meta.povertyLine),
  });
}
