import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { locale } from '../../i18n/locale.js';
import { rupiahText } from './povertyLineLayers.js';
import { monthX, POVERTY_LINE_COLOUR, SERIES_COLOURS, specHead, unitAxis } from './theme.js';

const ID = 'consumption_pc_mean';

/**
 * Small multiples of real consumption per capita, one panel per region (three to five
 * to a row) on a shared y axis, with the poverty line in each panel.
 */
export function regionConsumptionChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const L = locale(meta.lang);
  const regions = new Set(meta.regions);
  const values = rows
    .filter((r) => r.indicator === ID && regions.has(r.region) && Number.isFinite(r.value))
    .map((r) => ({ month: r.month, region: r.region, value: r.value, line: meta.povertyLine }));
  const first = values.length > 0 ? Math.min(...values.map((v) => v.month)) : 0;
  const n = Math.max(1, meta.regions.length);
  // a national scenario has dozens of regions: more, smaller panels keep the chart a screen or two tall
  const columns = n <= 3 ? n : n <= 9 ? 3 : n <= 16 ? 4 : 5;
  return {
    ...specHead(
      L.t('rc.regions.title'),
      L.t('rc.regions.subtitle', { name: meta.scenarioName, line: rupiahText(L, meta.povertyLine) }),
    ),
    data: { values },
    columns,
    facet: {
      field: 'region',
      type: 'nominal',
      title: null,
      sort: [...meta.regions],
      header: { labelExpr: "''", labelFontSize: 1, labelPadding: 0 },
    },
    spacing: { row: 28, column: 12 },
    spec: {
      width: columns === 1 ? 640 : Math.floor(620 / columns),
      height: columns >= 4 ? 80 : 120,
      layer: [
        {
          mark: { type: 'line', color: SERIES_COLOURS[0] },
          encoding: {
            x: monthX(meta.months, 'month', L.t('time.year')),
            // two lines: a rotated title longer than the panel would stick out above it
            y: {
              field: 'value',
              type: 'quantitative',
              axis: unitAxis('rupiah per person per month', {
                title: [L.t('rc.regions.unit1'), L.t('rc.regions.unit2')],
                titleFontSize: 10,
              }),
            },
          },
        },
        {
          // one rule per panel: the first month's row carries the line
          transform: [{ filter: `datum.month === ${first}` }],
          mark: { type: 'rule', color: POVERTY_LINE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { y: { field: 'line', type: 'quantitative' } },
        },
        {
          // the region's name above its panel, drawn as a mark (facet headers are
          // emptied): Vega misplaces the headers of a wrapped facet's last row
          transform: [{ filter: `datum.month === ${first}` }],
          mark: { type: 'text', align: 'left', baseline: 'bottom', fontSize: 12, fontWeight: 'bold', dy: -6 },
          encoding: { x: { value: 0 }, y: { value: 0 }, text: { field: 'region', type: 'nominal' } },
        },
      ],
    },
    resolve: { scale: { y: 'shared' } },
  };
}
