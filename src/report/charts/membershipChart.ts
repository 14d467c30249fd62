import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { timeLines } from './timeLines.js';

/** Share of households that are members, and mean awareness of cooperative values. */
export function membershipChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  return timeLines(rows, {
    title: 'Membership and awareness',
    subtitle: meta.scenarioName,
    unit: 'share (0 to 1)',
    months: meta.months,
    ids: ['member_share', 'awareness_mean'],
    label: (id) => (id === 'member_share' ? 'member share of households' : 'mean awareness'),
    yScale: { domain: [0, 1] },
  });
}
