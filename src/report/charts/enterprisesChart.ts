import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { indicatorLabel } from './seriesPoints.js';
import { CHART_HEIGHT, CHART_WIDTH, monthX, SERIES_COLOURS, specHead } from './theme.js';

const PREFIX = 'enterprises_';
const TOTAL = 'enterprises_active';

/** "Enterprises: primaryStore" -> "primary store". */
export function enterpriseKindLabel(id: string): string {
  const label = indicatorLabel(id).replace(/^Enterprises:\s*/, '');
  return label.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Active cooperative enterprises by kind over months, as a stacked area (step-wise: counts change at events). */
export function enterprisesChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const ids: string[] = [];
  const values: { month: number; kind: string; order: number; value: number }[] = [];
  for (const r of rows) {
    if (r.region !== 'total' || !r.indicator.startsWith(PREFIX) || r.indicator === TOTAL || !Number.isFinite(r.value))
      continue;
    let order = ids.indexOf(r.indicator);
    if (order < 0) order = ids.push(r.indicator) - 1;
    values.push({ month: r.month, kind: enterpriseKindLabel(r.indicator), order, value: r.value });
  }
  values.sort((a, b) => a.month - b.month || a.order - b.order);
  const domain = ids.map(enterpriseKindLabel);
  return {
    ...specHead('Cooperative enterprises by kind', `${meta.scenarioName}. Active enterprises, stacked`),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'area', interpolate: 'step-after' },
    encoding: {
      x: monthX(meta.months),
      y: {
        field: 'value',
        type: 'quantitative',
        stack: 'zero',
        title: 'count of enterprises',
        axis: { tickMinStep: 1 },
      },
      color: {
        field: 'kind',
        type: 'nominal',
        title: null,
        scale: { domain, range: SERIES_COLOURS.slice(0, Math.max(1, domain.length)) },
        legend: { orient: 'right', direction: 'vertical', columns: 1, symbolType: 'square' },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}
