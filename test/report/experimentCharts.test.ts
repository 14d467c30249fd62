import { describe, expect, it } from 'vitest';
import { bandChart } from '../../src/report/charts/bandChart.js';
import type { BandRow, FinalRow } from '../../src/report/charts/chartRows.js';
import { finalValuesDotPlot } from '../../src/report/charts/finalValuesDotPlot.js';
import { PNG_SCALE, renderChart } from '../../src/report/renderChart.js';
import { pngSize } from './runFixture.js';
import { svgTexts } from './svgTexts.js';
import { vegaLiteErrors } from './vegaLiteSchema.js';

// Synthetic summaries over replications: two strategies, 25 months, mean +- 5%.
const bandRows: BandRow[] = ['seed-roadmap', 'top-down'].flatMap((scenario, s) =>
  Array.from({ length: 25 }, (_, month) => {
    const mean = 1_000_000 + month * 10_000 * (s + 1);
    return [
      { scenario, month, indicator: 'consumption_pc_mean', mean, lo: mean * 0.95, hi: mean * 1.05 },
      {
        scenario,
        month,
        indicator: 'p0',
        mean: 0.2 - month * 0.001,
        lo: 0.18 - month * 0.001,
        hi: 0.22 - month * 0.001,
      },
    ];
  }).flat(),
);

const finalRows: FinalRow[] = [
  { scenario: 'seed-roadmap', indicator: 'p0', mean: 0.08, lo: 0.07, hi: 0.09 },
  { scenario: 'top-down', indicator: 'p0', mean: 0.1, lo: 0.085, hi: 0.115 },
  { scenario: 'status-quo', indicator: 'p0', mean: 0.11, lo: 0.1, hi: 0.12 },
  { scenario: 'seed-roadmap', indicator: 'gini', mean: 0.3, lo: 0.29, hi: 0.31 },
];

describe('experiment charts', () => {
  it('bandChart: a valid spec with one band and one line per scenario, only for the chosen indicator', async () => {
    const spec = bandChart(bandRows, {
      indicator: 'consumption_pc_mean',
      title: 'Real consumption per capita by strategy',
      unit: 'rupiah per person per month',
    });
    expect(vegaLiteErrors(spec)).toEqual([]);
    const values = (spec as { data: { values: BandRow[] } }).data.values;
    expect(values).toHaveLength(50);
    expect(new Set(values.map((v) => v.scenario))).toEqual(new Set(['seed-roadmap', 'top-down']));
    const chart = await renderChart({ name: 'band', spec });
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Real consumption per capita by strategy',
        'Mean over replications with 95% band',
        'rupiah per person per month',
        'year',
        'seed-roadmap',
        'top-down',
      ]),
    );
    expect(chart.svg.match(/aria-roledescription="area mark"/g)).toHaveLength(2);
    expect(chart.svg.match(/aria-roledescription="line mark"/g)).toHaveLength(2);
    expect(pngSize(chart.png)).toEqual({ width: chart.width * PNG_SCALE, height: chart.height * PNG_SCALE });
  });

  it('bandChart with a single scenario draws no legend and takes a custom subtitle', async () => {
    const spec = bandChart(
      bandRows.filter((r) => r.scenario === 'top-down'),
      { indicator: 'p0', title: 'Poverty headcount', unit: 'share', subtitle: '20 replications' },
    );
    expect(vegaLiteErrors(spec)).toEqual([]);
    const chart = await renderChart({ name: 'band1', spec });
    expect(svgTexts(chart.svg)).toEqual(expect.arrayContaining(['Poverty headcount', '20 replications', 'share']));
    expect(chart.svg).not.toContain('role-legend');
  });

  it('finalValuesDotPlot: a valid spec with a dot and an interval per scenario', async () => {
    const spec = finalValuesDotPlot(finalRows, {
      indicator: 'p0',
      title: 'Poverty headcount at the end',
      unit: 'share',
    });
    expect(vegaLiteErrors(spec)).toEqual([]);
    const chart = await renderChart({ name: 'dots', spec });
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Poverty headcount at the end',
        'Final value: mean with 95% interval',
        'share',
        'seed-roadmap',
        'top-down',
        'status-quo',
      ]),
    );
    expect(chart.svg.match(/aria-roledescription="rule mark"/g)).toHaveLength(3);
    expect(chart.svg.match(/aria-roledescription="point"/g)).toHaveLength(3);
    expect(pngSize(chart.png)).toEqual({ width: chart.width * PNG_SCALE, height: chart.height * PNG_SCALE });
  });
});
