import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRunReport } from '../../src/report/runReport.js';
import { decodedHtml, englishLeftovers } from '../support/englishLeftovers.js';
import { makeRunFixture, type RunFixture } from './runFixture.js';
import { svgTexts } from './svgTexts.js';

/*
 * The run report in Bahasa Indonesia: the page and every chart in it (titles, subtitles,
 * axis titles, legends, the poverty line's label) hold no English phrase of the catalogue.
 */
const PREFIXES = ['rc.', 'run.', 'chart.', 'report.', 'glossary.', 'ind.', 'unit.', 'stage.', 'kind.', 'time.'];
let fixture: RunFixture;
let html = '';
let svgs: string[] = [];
let specs: string[] = [];

beforeAll(async () => {
  fixture = await makeRunFixture({ months: 24, withReport: false });
  const report = await renderRunReport(fixture.input, undefined, 'id');
  html = report.html;
  svgs = report.charts.map((c) => c.svg);
  specs = report.charts.map((c) => c.vlJson);
}, 120_000);
afterAll(() => fixture?.cleanup());

describe('the run report with --lang id', () => {
  it('sets lang="id" and holds no English phrase of the catalogue, charts included', () => {
    expect(html).toContain('<html lang="id">');
    expect(englishLeftovers(decodedHtml(html), PREFIXES)).toEqual([]);
  });

  it('titles every chart in Bahasa Indonesia, with years on the time axis', () => {
    const texts = svgs.flatMap(svgTexts);
    for (const title of [
      'Konsumsi riil per kapita',
      'Kemiskinan: persentase P0, kedalaman P1, keparahan P2',
      'Keuangan koperasi',
      'Usaha koperasi menurut jenis',
      'Keanggotaan dan kesadaran',
    ])
      expect(texts, title).toContain(title);
    expect(texts.filter((t) => t === 'tahun').length).toBeGreaterThanOrEqual(svgs.length - 1);
    expect(texts).not.toContain('year');
    expect(englishLeftovers(texts.join('\n'), PREFIXES)).toEqual([]);
  });

  it('numbers on the axes follow Indonesian: rupiah in rb/jt/M, the decimal comma, shares in percent', () => {
    const texts = svgs.flatMap(svgTexts);
    expect(texts.some((t) => /^[\d,]+ jt$/.test(t))).toBe(true);
    expect(texts.filter((t) => / (mn|bn|k)$/.test(t))).toEqual([]);
    expect(texts.some((t) => /^\d+%$/.test(t))).toBe(true);
    for (const spec of specs) expect(JSON.parse(spec).config.locale.number.decimal).toBe(',');
  });

  it('the time-series charts label the axis in years and give the month in their tooltips (the .vl.json specs)', () => {
    const withTooltips = specs.filter((s) => s.includes('"tooltip"'));
    expect(withTooltips.length).toBeGreaterThanOrEqual(6);
    for (const spec of withTooltips) {
      // The Gantt chart's bars give their start and end months.
      expect(spec).toMatch(/"field": "month",\s+"type": "quantitative",\s+"title": "bulan"|"title": "awal \(bulan\)"/);
      expect(spec).toContain('"title": "tahun"');
    }
  });
});
