import { INDICATORS } from '../../indicators/registry.js';
import type { ChartRow, NamedChart } from './chartRows.js';
import { runCharts } from './runCharts.js';

/** Months and regions of the made-up run: enough for every mark, legend and axis, small enough to lay out quickly. */
const MONTHS = 12;
const REGIONS = ['A', 'B'];

/**
 * One chart of each kind, in the order they are warmed up: the warm-up is often cut short,
 * so first the line chart most run charts are drawn like, then a faceted, a concatenated, a
 * stacked and a bar chart. The other run charts are line charts like the first.
 */
const ORDER = ['consumption', 'regions-consumption', 'finances', 'enterprises', 'stages'];

/**
 * Run charts of a tiny made-up run (every indicator, two regions, a year, a dormant
 * span), drawn by a chart worker while the simulation runs so that Vega's and Vega-Lite's
 * code is compiled and warm when the real charts arrive. Nothing of them is written.
 */
export function warmUpCharts(): NamedChart[] {
  const rows: ChartRow[] = [];
  for (let month = 0; month <= MONTHS; month++)
    for (const region of ['total', ...REGIONS])
      INDICATORS.forEach((indicator, k) =>
        rows.push({ month, region, indicator: indicator.id, value: ((month + 1) * (k + 3)) % 17 }),
      );
  const charts = runCharts(rows, {
    scenarioName: 'warm-up',
    months: MONTHS,
    povertyLine: 5,
    regions: REGIONS,
    stageTimeline: [
      { region: 'A', stages: [0, 2, 5, 7, null, null] },
      { region: 'B', stages: [0, 3, null, null, null, null] },
    ],
    dormant: [{ region: 'B', from: 6, to: 9 }],
  });
  return ORDER.map((name) => charts.find((c) => c.name === name)).filter((c): c is NamedChart => c !== undefined);
}
