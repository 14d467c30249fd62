import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, KEY_INDICATORS } from '../../src/indicators/registry.js';
import { formatValue } from '../../src/report/formatValue.js';
import { REPORT_FILE, reportMonths } from '../../src/report/runReport.js';
import { shellQuote } from '../../src/report/shellQuote.js';
import { makeRunFixture, type RunFixture } from './runFixture.js';

let run: RunFixture;
let html: string;
beforeAll(async () => {
  run = await makeRunFixture({ months: 48 });
  html = readFileSync(join(run.dir, REPORT_FILE), 'utf8');
});
afterAll(() => run?.cleanup());

describe('report.html of a run', () => {
  it('is the rendered page, written into the run folder', () => {
    expect(html).toBe(run.report!.html);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('is self-contained: no scripts, no stylesheets or images to fetch, a CSP that forbids fetching', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(?!#)/i); // only url(#id) references inside SVGs
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // the only http(s) strings are XML namespaces of the inline SVGs
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
  });

  it('names the scenario, its description, seed and version', () => {
    expect(html).toContain(`<h1>${run.summary.name}</h1>`);
    const description = run.result.scenario.description;
    expect(description.length).toBeGreaterThan(0);
    expect(html).toContain(description.replace(/'/g, '&#39;'));
    expect(html).toContain(`${run.manifest.seed} (base seed ${run.manifest.baseSeed})`);
    expect(html).toContain('0.0.0-test');
  });

  it('inlines every chart as SVG with ids prefixed per chart, and links its PNG, SVG and spec', () => {
    for (const c of run.report!.charts) {
      expect(html).toContain(`<figure class="chart" id="chart-${c.name}">`);
      expect(html).toContain(`data-chart="${c.name}"`);
      expect(html).toContain(`href="charts/${c.name}.png"`);
      expect(html).toContain(`href="charts/${c.name}.svg"`);
      expect(html).toContain(`href="charts/${c.name}.vl.json"`);
    }
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length); // ids are unique across the page
  });

  it('has the stage timeline as a table, with "not reached" for stages not started', () => {
    const section = html.slice(
      html.indexOf('<section id="stages">'),
      html.indexOf('</section>', html.indexOf('<section id="stages">')),
    );
    for (const t of run.summary.stageTimeline) {
      expect(section).toContain(`<td data-label="region">${t.region}</td>`);
      for (const m of Object.values(t.stages)) expect(section).toContain(m === null ? 'not reached' : `month ${m}`);
    }
    expect(section).toContain('<figure class="chart" id="chart-stages">');
  });

  it('tabulates every key indicator at start and end; a 48-month run has no year 5 or year 10 columns', () => {
    const section = html.slice(
      html.indexOf('<section id="key-indicators">'),
      html.indexOf('</section>', html.indexOf('<section id="key-indicators">')),
    );
    expect(section).toContain('start (month 0)');
    expect(section).toContain('end (month 48)');
    expect(section).not.toContain('year 5');
    for (const id of KEY_INDICATORS) {
      const meta = INDICATORS.find((i) => i.id === id)!;
      const s = run.summary.indicators.find((i) => i.id === id);
      expect(section).toContain(meta.label.replace(/'/g, '&#39;'));
      if (s) expect(section).toContain(formatValue(s.final, meta.unit).replace(/'/g, '&#39;'));
    }
  });

  it('shows the exact command line, shell-quoted, and relative links to the data files', () => {
    expect(html).toContain(`kopsim run --months 48 --out 'reports/it'\\''s a test'`.replace(/'/g, '&#39;'));
    for (const f of ['timeseries.csv', 'summary.json', 'manifest.json', 'events.csv'])
      expect(html).toContain(`<a href="${f}">${f}</a>`);
  });

  it('says nothing about stopping early for a complete run', () => {
    expect(html).not.toContain('Stopped early');
  });
});

describe('report of a run stopped early', () => {
  it('says so prominently, with the month reached', async () => {
    const stopped = await makeRunFixture({ months: 48, stopAt: 20 });
    try {
      expect(stopped.result.stoppedEarly).toBe(true);
      const page = stopped.report!.html;
      expect(page).toMatch(
        /<div class="warning" role="alert"><strong>Stopped early\.<\/strong> This run was stopped at month 20 of 48\./,
      );
      expect(page.indexOf('class="warning"')).toBeLessThan(page.indexOf('<main>'));
      expect(page).toContain('end (month 20)');
    } finally {
      stopped.cleanup();
    }
  });
});

describe('report helpers', () => {
  it('reportMonths: start, year 5, year 10 and end, omitting points past the end', () => {
    expect(reportMonths(240)).toEqual([
      { label: 'start', month: 0 },
      { label: 'year 5', month: 60 },
      { label: 'year 10', month: 120 },
      { label: 'end', month: 240 },
    ]);
    expect(reportMonths(100).map((p) => p.label)).toEqual(['start', 'year 5', 'end']);
    expect(reportMonths(60).map((p) => p.label)).toEqual(['start', 'year 5 (end)']);
    expect(reportMonths(120).map((p) => p.label)).toEqual(['start', 'year 5', 'year 10 (end)']);
    expect(reportMonths(36).map((p) => p.label)).toEqual(['start', 'end']);
    expect(reportMonths(0).map((p) => p.label)).toEqual(['start']);
  });

  it('formatValue: rupiah short, shares in percent, indices to 3 decimals, counts whole', () => {
    expect(formatValue(1399049.54, 'rupiah per person per month')).toBe('Rp1.40 M');
    expect(formatValue(1399049.54, 'rupiah per person per month', 'id')).toBe('Rp1,40 jt');
    expect(formatValue(0.10828, 'share')).toBe('10.8%');
    expect(formatValue(0.312, 'index')).toBe('0.312');
    expect(formatValue(36, 'count')).toBe('36');
    expect(formatValue(NaN, 'share')).toBe('–');
  });

  it('shellQuote: plain words as they are, others single-quoted', () => {
    expect(shellQuote(['kopsim', 'run', '--set', 'a.b=1', 'my file.yaml', "it's"])).toBe(
      `kopsim run --set a.b=1 'my file.yaml' 'it'\\''s'`,
    );
  });
});
