import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { timeLines } from './timeLines.js';

/** Integration index (inputs sourced inside the movement) and utilisation of regional potentials. */
export function integrationChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  return timeLines(rows, {
    title: 'Integration and use of regional potential',
    subtitle: meta.scenarioName,
    unit: 'share (0 to 1)',
    months: meta.months,
    ids: ['integration_index', 'potential_utilisation'],
    label: (id) => (id === 'integration_index' ? 'integration index (inputs sourced inside)' : 'potential utilisation'),
    yScale: { domain: [0, 1] },
  });
}
