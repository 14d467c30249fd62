import { locale, type Locale } from '../i18n/locale.js';
import type { ReportBlock } from './htmlReport.js';
import type { RenderedChart } from './renderChart.js';
import { chartFiles } from './writeCharts.js';

/** A rendered chart as a report block: its inline SVG, with links to its PNG, SVG and Vega-Lite files in charts/. */
export function chartBlock(c: Pick<RenderedChart, 'name' | 'title' | 'svg'>, L: Locale = locale('en')): ReportBlock {
  const f = chartFiles(c.name);
  return {
    kind: 'chart',
    name: c.name,
    title: c.title,
    svg: c.svg,
    links: [
      { href: f.png, label: L.t('report.chart.png') },
      { href: f.svg, label: L.t('report.chart.svg') },
      { href: f.vl, label: L.t('report.chart.vl') },
    ],
  };
}
