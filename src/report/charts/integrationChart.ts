import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { runChartText } from './runChartText.js';
import { timeLines } from './timeLines.js';

/** Integration index (inputs sourced inside the movement) and utilisation of regional potentials (in percent). */
export function integrationChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const { L, axis } = runChartText(meta, 'share');
  return timeLines(rows, {
    title: L.t('rc.integration.title'),
    subtitle: meta.scenarioName,
    ...axis,
    months: meta.months,
    ids: ['integration_index', 'potential_utilisation'],
    label: (id) => L.t(id === 'integration_index' ? 'rc.integration.index' : 'rc.integration.potential'),
    yScale: { domain: [0, 1] },
  });
}
