import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { locale, type Locale } from '../../i18n/locale.js';
import { indicatorLabel } from './seriesPoints.js';
import { CHART_HEIGHT, CHART_WIDTH, monthX, SERIES_COLOURS, specHead } from './theme.js';

const PREFIX = 'enterprises_';
const TOTAL = 'enterprises_active';

/** `enterprises_primaryStore` -> "primary store (food)" (the catalogue's kind), else from the registry's label. */
export function enterpriseKindLabel(id: string, L: Locale = locale('en')): string {
  const key = `kind.${id.slice(PREFIX.length).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
  if (L.has(key)) return L.t(key);
  const label = indicatorLabel(id).replace(/^Enterprises:\s*/, '');
  return label.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Active cooperative enterprises by kind over months, as a stacked area (step-wise: counts change at events). */
export function enterprisesChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const L = locale(meta.lang);
  const ids: string[] = [];
  const values: { month: number; kind: string; order: number; value: number }[] = [];
  for (const r of rows) {
    if (r.region !== 'total' || !r.indicator.startsWith(PREFIX) || r.indicator === TOTAL || !Number.isFinite(r.value))
      continue;
    let order = ids.indexOf(r.indicator);
    if (order < 0) order = ids.push(r.indicator) - 1;
    values.push({ month: r.month, kind: enterpriseKindLabel(r.indicator, L), order, value: r.value });
  }
  values.sort((a, b) => a.month - b.month || a.order - b.order);
  const domain = ids.map((id) => enterpriseKindLabel(id, L));
  return {
    ...specHead(L.t('rc.enterprises.title'), L.t('rc.enterprises.subtitle', { name: meta.scenarioName })),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'area', interpolate: 'step-after' },
    encoding: {
      x: monthX(meta.months, 'month', L.t('time.year')),
      y: {
        field: 'value',
        type: 'quantitative',
        stack: 'zero',
        title: L.t('rc.enterprises.unit'),
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
