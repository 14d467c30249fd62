import type { TopLevelSpec } from 'vega-lite';
import { stageLabel } from '../../i18n/labels.js';
import { locale } from '../../i18n/locale.js';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { DORMANT_STAGE, stageSpans } from './stageSpans.js';
import { CHART_WIDTH, DORMANT_COLOUR, monthX, SERIES_COLOURS, specHead } from './theme.js';

const STAGES = [1, 2, 3, 4, 5, 6];

/**
 * The roadmap stage timeline as a Gantt chart: one row per region, one bar per stage
 * from its start month to the next stage's start (or the end of the run). A tick marks
 * each start, so a stage that lasted less than a month is still visible. Stages not
 * reached are absent. A dormant cooperative's time is a grey, hatched-looking "dormant"
 * bar that ends its stage span. The rows are unused: the timeline comes from `meta`.
 */
export function stageGanttChart(_rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  const L = locale(meta.lang);
  const label = (k: number) => (k === DORMANT_STAGE ? L.t('stage.dormant') : stageLabel(L, k));
  const spans = stageSpans(meta.stageTimeline, meta.months, meta.dormant);
  const values = spans.map((s) => ({ ...s, label: label(s.stage), months: s.end - s.start }));
  const anyDormant = spans.some((s) => s.stage === DORMANT_STAGE);
  const domain = [...STAGES.map(label), ...(anyDormant ? [label(DORMANT_STAGE)] : [])];
  const colour = {
    field: 'label',
    type: 'nominal',
    title: L.t('chart.stage'),
    scale: { domain, range: [...SERIES_COLOURS.slice(0, 6), ...(anyDormant ? [DORMANT_COLOUR] : [])] },
    legend: { orient: 'bottom', direction: 'horizontal', columns: 3, symbolType: 'square', symbolOpacity: 1 },
  } as const;
  const y = {
    field: 'region',
    type: 'nominal',
    title: L.t('chart.region'),
    sort: [...meta.regions],
    axis: { labelLimit: 160 },
  } as const;
  const dormantValues = values.filter((v) => v.stage === DORMANT_STAGE);
  return {
    ...specHead(L.t('chart.gantt.title'), L.t('chart.gantt.subtitle', { name: meta.scenarioName })),
    width: CHART_WIDTH,
    height: { step: meta.regions.length > 15 ? 18 : 28 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', cornerRadius: 2, height: { band: 0.7 } },
        encoding: {
          x: { ...monthX(meta.months, 'start', L.t('time.year')) },
          x2: { field: 'end' },
          y,
          color: colour,
          // The axis is in years; the tooltip gives the months (as the stage table does).
          tooltip: [
            { field: 'region', type: 'nominal', title: L.t('chart.region') },
            { field: 'label', type: 'nominal', title: L.t('chart.stage') },
            { field: 'start', type: 'quantitative', title: `${L.t('time.start')} (${L.t('time.month')})` },
            { field: 'end', type: 'quantitative', title: `${L.t('time.end')} (${L.t('time.month')})` },
          ],
        },
      },
      {
        mark: { type: 'tick', thickness: 2, height: meta.regions.length > 15 ? 13 : 20 },
        encoding: { x: { field: 'start', type: 'quantitative' }, y, color: colour },
      },
      // The word on the dormant span itself, so the failure reads without the legend.
      ...(dormantValues.length > 0
        ? [
            {
              data: { values: dormantValues },
              mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 10, color: '#222222' },
              encoding: { x: { field: 'start', type: 'quantitative' as const }, y, text: { field: 'label' } },
            },
          ]
        : []),
    ],
  };
}
