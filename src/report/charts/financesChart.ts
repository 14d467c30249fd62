import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { unitLabel } from '../../i18n/labels.js';
import { locale } from '../../i18n/locale.js';
import { seriesPoints } from './seriesPoints.js';
import { CHART_WIDTH, monthX, SERIES_COLOURS, specHead, unitAxis } from './theme.js';

const PANEL_HEIGHT = 140;

/**
 * Cooperative finances in three stacked panels, because their units differ: capital and
 * reserves (stocks, rupiah), business volume (a flow, rupiah per month) and SHU paid at
 * each annual close (rupiah per year, drawn as bars at the closing months).
 */
export function financesChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const L = locale(meta.lang);
  const capital = L.t('rc.finances.capital');
  const reserves = L.t('rc.finances.reserves');
  const stocks = seriesPoints(rows, ['coop_capital', 'coop_reserves'], 'total', (id) =>
    id === 'coop_capital' ? capital : reserves,
  );
  const volume = seriesPoints(rows, ['business_volume']);
  const shu = seriesPoints(rows, ['shu_paid']).filter((p) => p.value !== 0);
  const x = monthX(meta.months, 'month', L.t('time.year'));
  const axis = (unit: string) => unitAxis(unit, { title: unitLabel(L, unit) });
  return {
    ...specHead(L.t('rc.finances.title'), L.t('rc.finances.subtitle', { name: meta.scenarioName })),
    spacing: 18,
    vconcat: [
      {
        title: { text: L.t('rc.finances.stocks'), fontSize: 12, fontWeight: 'normal' },
        width: CHART_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: stocks },
        mark: 'line',
        encoding: {
          x: { ...x, title: null },
          y: { field: 'value', type: 'quantitative', axis: axis('rupiah') },
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: [capital, reserves], range: SERIES_COLOURS.slice(0, 2) },
            legend: { orient: 'top-left', direction: 'vertical', fillColor: 'white' },
          },
        },
      },
      {
        title: { text: L.t('rc.finances.volume'), fontSize: 12, fontWeight: 'normal' },
        width: CHART_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: volume },
        mark: { type: 'line', color: SERIES_COLOURS[2] },
        encoding: {
          x: { ...x, title: null },
          y: { field: 'value', type: 'quantitative', axis: axis('rupiah per month') },
        },
      },
      {
        title: { text: L.t('rc.finances.shu'), fontSize: 12, fontWeight: 'normal' },
        width: CHART_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: shu },
        mark: { type: 'bar', color: SERIES_COLOURS[3], width: 6 },
        encoding: { x, y: { field: 'value', type: 'quantitative', axis: axis('rupiah per year') } },
      },
    ],
  };
}
