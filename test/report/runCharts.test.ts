import { stageName } from '../../src/i18n/labels.js';
import { locale } from '../../src/i18n/locale.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_NAMES } from '../../src/model/stages.js';
import { chartRowsOf } from '../../src/report/charts/chartRowsOf.js';
import { RUN_CHART_BUILDERS, runCharts } from '../../src/report/charts/runCharts.js';
import { DORMANT_STAGE, stageSpans } from '../../src/report/charts/stageSpans.js';
import { PNG_SCALE, renderChart } from '../../src/report/renderChart.js';
import { runChartMeta } from '../../src/report/runReportInput.js';
import { makeRunFixture, pngSize, type RunFixture } from './runFixture.js';
import { svgTexts } from './svgTexts.js';
import { vegaLiteErrors } from './vegaLiteSchema.js';

let run: RunFixture;
beforeAll(async () => {
  run = await makeRunFixture({ months: 48 });
});
afterAll(() => run?.cleanup());

describe('single-run charts', () => {
  it('builds every chart, and every spec validates against the Vega-Lite JSON Schema', () => {
    const charts = runCharts(run.input.rows, runChartMeta(run.input));
    expect(charts.map((c) => c.name)).toEqual(RUN_CHART_BUILDERS.map((b) => b.name));
    for (const c of charts) expect(vegaLiteErrors(c.spec), c.name).toEqual([]);
  });

  it('writes <name>.vl.json, .svg and .png for each chart into charts/', () => {
    for (const { name } of RUN_CHART_BUILDERS) {
      for (const ext of ['vl.json', 'svg', 'png'])
        expect(existsSync(join(run.dir, 'charts', `${name}.${ext}`)), `${name}.${ext}`).toBe(true);
      const vl = JSON.parse(readFileSync(join(run.dir, 'charts', `${name}.vl.json`), 'utf8'));
      expect(vl.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      expect(vegaLiteErrors(vl), name).toEqual([]);
    }
  });

  it('each SVG carries its title, the scenario name and axis titles with units', () => {
    const expectedAxisTitles: Record<string, string[]> = {
      consumption: ['rupiah per person per month', 'year'],
      income: ['rupiah per person per month', 'year'],
      gini: ['Gini index (0 to 1)', 'year'],
      poverty: ['percent', 'year'],
      membership: ['percent', 'year'],
      finances: ['rupiah', 'rupiah per month', 'rupiah per year', 'year'],
      enterprises: ['count of enterprises', 'year'],
      integration: ['percent', 'year'],
      stages: ['region', 'year'],
      'regions-consumption': ['rupiah per person', 'per month', 'year'],
    };
    for (const c of run.report!.charts) {
      const texts = svgTexts(c.svg);
      const builder = RUN_CHART_BUILDERS.find((b) => b.name === c.name)!;
      expect(texts, c.name).toContain(builder.title);
      expect(
        texts.some((t) => t.startsWith(run.summary.name)),
        `${c.name} subtitle names the scenario`,
      ).toBe(true);
      for (const t of expectedAxisTitles[c.name]) expect(texts, `${c.name}: axis title ${t}`).toContain(t);
      // the saved SVG is the rendered one
      expect(readFileSync(join(run.dir, 'charts', `${c.name}.svg`), 'utf8')).toBe(c.svg);
    }
  });

  it('the consumption chart draws the poverty line (scenario.market.povertyLine) as a labelled rule', () => {
    const line = run.result.scenario.market.povertyLine;
    const svg = run.report!.charts.find((c) => c.name === 'consumption')!.svg;
    expect(svgTexts(svg)).toContain(`poverty line Rp${Math.round(line).toLocaleString('en-US')}`);
    expect(svg).toContain('role-mark layer_1_marks'); // the rule layer
    expect(svg).toMatch(/aria-roledescription="rule mark"/);
  });

  it('each PNG decodes to twice the SVG size', () => {
    for (const c of run.report!.charts) {
      const png = pngSize(readFileSync(join(run.dir, 'charts', `${c.name}.png`)));
      expect(c.width).toBeGreaterThan(100);
      expect(png, c.name).toEqual({ width: Math.round(c.width * PNG_SCALE), height: Math.round(c.height * PNG_SCALE) });
    }
  });

  it('renders the same bytes twice (bundled font, no canvas): same data, same PNG', async () => {
    const chart = runCharts(run.input.rows, runChartMeta(run.input)).find((c) => c.name === 'poverty')!;
    const a = await renderChart(chart);
    const b = await renderChart(chart);
    expect(a.svg).toBe(b.svg);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(a.svg).toBe(run.report!.charts.find((c) => c.name === 'poverty')!.svg);
  });

  it('chart rows are the tidy rows of timeseries.csv: months x scopes x indicators', () => {
    const rows = chartRowsOf(run.result.series);
    const s = run.result.series;
    expect(rows).toHaveLength(s.months.length * s.scopes.length * s.indicators.length);
    expect(rows[0]).toEqual({ month: 0, region: 'total', indicator: s.indicators[0].id, value: s.values[0] });
    expect(new Set(rows.map((r) => r.region))).toEqual(
      new Set(['total', ...run.summary.stageTimeline.map((t) => t.region)]),
    );
  });
});

describe('stage timeline', () => {
  it("spans run from a stage's start to the next reached stage's start or the end; unreached stages are absent", () => {
    // by hand: stage 3 skipped, stage 5 before stage 4 is reached out of order, stage 6 never
    const spans = stageSpans(
      [
        { region: 'A', stages: [0, 10, null, 30, 25, null] },
        { region: 'B', stages: [0, null, null, null, null, null] },
      ],
      40,
    );
    expect(spans).toEqual([
      { region: 'A', stage: 1, start: 0, end: 10 },
      { region: 'A', stage: 2, start: 10, end: 25 },
      { region: 'A', stage: 4, start: 30, end: 40 },
      { region: 'A', stage: 5, start: 25, end: 40 },
      { region: 'B', stage: 1, start: 0, end: 40 },
    ]);
  });

  it('a dormant cooperative ends its stage with a dormant span; after a revival the stage resumes', () => {
    // by hand: A dormant from 20 to the end (40), B dormant 5..15 and revived
    const spans = stageSpans(
      [
        { region: 'A', stages: [0, 10, null, null, null, null] },
        { region: 'B', stages: [0, null, null, null, null, null] },
      ],
      40,
      [
        { region: 'A', from: 20, to: null },
        { region: 'B', from: 5, to: 15 },
      ],
    );
    expect(spans).toEqual([
      { region: 'A', stage: 1, start: 0, end: 10 },
      { region: 'A', stage: 2, start: 10, end: 20 },
      { region: 'A', stage: DORMANT_STAGE, start: 20, end: 40 },
      { region: 'B', stage: 1, start: 0, end: 5 },
      { region: 'B', stage: 1, start: 15, end: 40 },
      { region: 'B', stage: DORMANT_STAGE, start: 5, end: 15 },
    ]);
  });

  it('the Gantt chart has one bar per stage span, dormant spans included, and names them "dormant"', () => {
    const meta = runChartMeta(run.input);
    const spans = stageSpans(meta.stageTimeline, meta.months, meta.dormant);
    const svg = run.report!.charts.find((c) => c.name === 'stages')!.svg;
    const bars = (svg.match(/aria-roledescription="bar"/g) ?? []).length;
    expect(bars).toBe(spans.length);
    if (spans.some((s) => s.stage === DORMANT_STAGE)) expect(svgTexts(svg)).toContain('dormant');
  });

  it("the English catalogue's stage names match the model's STAGE_NAMES", () => {
    for (const k of [1, 2, 3, 4, 5, 6]) expect(stageName(locale('en'), k)).toBe(STAGE_NAMES[k]);
  });
});
