import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { rupiahText } from './povertyLineLayers.js';
import { timeLines } from './timeLines.js';

/** Poverty headcount P0, gap P1 and severity P2 (Foster-Greer-Thorbecke) against the poverty line. */
export function povertyChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  return timeLines(rows, {
    title: 'Poverty: headcount P0, gap P1, severity P2',
    subtitle: `${meta.scenarioName}. Poverty line ${rupiahText(meta.povertyLine)} per person per month`,
    unit: 'share',
    months: meta.months,
    ids: ['p0', 'p1', 'p2'],
    yScale: { domainMin: 0 },
  });
}
