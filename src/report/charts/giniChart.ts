import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { indicatorLabel } from '../../i18n/labels.js';
import { runChartText } from './runChartText.js';
import { timeLines } from './timeLines.js';

/**
 * The Gini coefficient of real consumption per capita over months. The y axis does not
 * start at zero: month-to-month changes are small against the level, and the subtitle
 * says so.
 */
export function giniChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const { L, axis } = runChartText(meta, 'index');
  return timeLines(rows, {
    title: L.t('rc.gini.title'),
    subtitle: L.t('rc.gini.subtitle', { name: meta.scenarioName }),
    ...axis,
    unitTitle: L.t('rc.gini.unit'),
    months: meta.months,
    ids: ['gini'],
    label: (id) => indicatorLabel(L, id),
    yScale: { zero: false, padding: 12 },
  });
}
