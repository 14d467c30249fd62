import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow, RunChartMeta } from './chartRows.js';
import { timeLines } from './timeLines.js';

/**
 * The Gini coefficient of real consumption per capita over months. The y axis does not
 * start at zero: month-to-month changes are small against the level, and the subtitle
 * says so.
 */
export function giniChart(rows: readonly ChartRow[], meta: RunChartMeta): TopLevelSpec {
  return timeLines(rows, {
    title: 'Inequality: Gini of consumption',
    subtitle: `${meta.scenarioName}. 0 = equal, 1 = one person has all; axis does not start at 0`,
    unit: 'Gini index (0 to 1)',
    months: meta.months,
    ids: ['gini'],
    yScale: { zero: false, padding: 12 },
  });
}
