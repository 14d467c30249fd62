import type { TopLevelSpec } from 'vega-lite';
import { indicatorLabel } from '../../i18n/labels.js';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { rupiahText } from './povertyLineLayers.js';
import { runChartText } from './runChartText.js';
import { timeLines } from './timeLines.js';

/** Poverty headcount P0, gap P1 and severity P2 (Foster-Greer-Thorbecke) against the poverty line, in percent. */
export function povertyChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const { L, axis } = runChartText(meta, 'share');
  return timeLines(rows, {
    title: L.t('rc.poverty.title'),
    subtitle: L.t('rc.poverty.subtitle', { name: meta.scenarioName, line: rupiahText(L, meta.povertyLine) }),
    ...axis,
    months: meta.months,
    ids: ['p0', 'p1', 'p2'],
    label: (id) => indicatorLabel(L, id),
    yScale: { domainMin: 0 },
  });
}
