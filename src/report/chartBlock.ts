import type { ReportBlock } from './htmlReport.js';
import type { RenderedChart } from './renderChart.js';
import { chartFiles } from './writeCharts.js';

/** A rendered chart as a report block: its inline SVG, with links to its PNG, SVG and Vega-Lite files in charts/. */
export function chartBlock(c: Pick<RenderedChart, 'name' | 'title' | 'svg'>): ReportBlock {
  const f = chartFiles(c.name);
  return {
    kind: 'chart',
    name: c.name,
    title: c.title,
    svg: c.svg,
    links: [
      { href: f.png, label: 'PNG' },
      { href: f.svg, label: 'SVG' },
      { href: f.vl, label: 'Vega-Lite spec' },
    ],
  };
}
