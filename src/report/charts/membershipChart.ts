import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { runChartText } from './runChartText.js';
import { timeLines } from './timeLines.js';

/** Share of households that are members, and mean awareness of cooperative values (both 0 to 1, in percent). */
export function membershipChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const { L, axis } = runChartText(meta, 'share');
  return timeLines(rows, {
    title: L.t('rc.membership.title'),
    subtitle: meta.scenarioName,
    ...axis,
    months: meta.months,
    ids: ['member_share', 'awareness_mean'],
    label: (id) => L.t(id === 'member_share' ? 'rc.membership.members' : 'rc.membership.awareness'),
    yScale: { domain: [0, 1] },
  });
}
