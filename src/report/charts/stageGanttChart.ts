import type { TopLevelSpec } from 'vega-lite';
import { STAGE_LABELS } from '../stageLabels.js';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { stageSpans } from './stageSpans.js';
import { CHART_WIDTH, monthX, SERIES_COLOURS, specHead } from './theme.js';

const STAGES = [1, 2, 3, 4, 5, 6];

/**
 * The roadmap stage timeline as a Gantt chart: one row per region, one bar per stage
 * from its start month to the next stage's start (or the end of the run). A tick marks
 * each start, so a stage that lasted less than a month is still visible. Stages not
 * reached are absent. The rows are unused: the timeline comes from `meta`.
 */
export function stageGanttChart(_rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const label = (k: number) => `${k} ${STAGE_LABELS[k]}`;
  const values = stageSpans(meta.stageTimeline, meta.months).map((s) => ({
    ...s,
    label: label(s.stage),
    months: s.end - s.start,
  }));
  const colour = {
    field: 'label',
    type: 'nominal',
    title: 'stage',
    scale: { domain: STAGES.map(label), range: SERIES_COLOURS.slice(0, 6) },
    legend: { orient: 'bottom', direction: 'horizontal', columns: 3, symbolType: 'square', symbolOpacity: 1 },
  } as const;
  const y = {
    field: 'region',
    type: 'nominal',
    title: 'region',
    sort: [...meta.regions],
    axis: { labelLimit: 160 },
  } as const;
  return {
    ...specHead(
      'Roadmap stage timeline',
      `${meta.scenarioName}. Each bar: a stage from its start to the next stage's start`,
    ),
    width: CHART_WIDTH,
    height: { step: meta.regions.length > 15 ? 18 : 28 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', cornerRadius: 2, height: { band: 0.7 } },
        encoding: { x: { ...monthX(meta.months), field: 'start' }, x2: { field: 'end' }, y, color: colour },
      },
      {
        mark: { type: 'tick', thickness: 2, height: meta.regions.length > 15 ? 13 : 20 },
        encoding: { x: { field: 'start', type: 'quantitative' }, y, color: colour },
      },
    ],
  };
}
