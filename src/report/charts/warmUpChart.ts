import type { ChartRow, NamedChart } from './chartRows.js';
import { consumptionChart } from './consumptionChart.js';

/** Months of the made-up run: a year, enough for the axes, legend and rule, quick to lay out. */
const MONTHS = 12;

/**
 * The consumption chart of a tiny made-up run, laid out by a chart worker while the
 * simulation runs, so that Vega's and Vega-Lite's code is compiled before the real charts
 * arrive; most run charts are line charts like it. One is enough: in the worker's thread the
 * first tiny chart cost about 150 ms of CPU time (most of it compiling), each further one
 * 50-70 ms, and after five of them the run's ten charts took only 60 ms less than after none
 * (kopsim run, default scenario). Nothing of it is written.
 */
export function warmUpChart(): NamedChart {
  const rows: ChartRow[] = [];
  for (let month = 0; month <= MONTHS; month++)
    for (const [k, indicator] of ['consumption_pc_mean', 'consumption_pc_median'].entries())
      rows.push({ month, region: 'total', indicator, value: 4 + ((month * (k + 2)) % 5) });
  const spec = consumptionChart(rows, {
    scenarioName: 'warm-up',
    months: MONTHS,
    povertyLine: 5,
    regions: ['A'],
    stageTimeline: [{ region: 'A', stages: [0, null, null, null, null, null] }],
  });
  return { name: 'warm-up', title: 'warm-up', spec };
}
