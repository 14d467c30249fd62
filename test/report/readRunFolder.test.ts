import { existsSync, readdirSync, readFileSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readRunFolder } from '../../src/report/readRunFolder.js';
import { rerenderRunFolder } from '../../src/report/rerenderRunFolder.js';
import { runReportHtml } from '../../src/report/runReport.js';
import { kopsim } from '../support/cli.js';
import { makeRunFixture, type RunFixture } from './runFixture.js';

let run: RunFixture;
const made: string[] = [];
beforeAll(async () => {
  run = await makeRunFixture({ months: 36, withReport: false });
});
afterAll(() => {
  run?.cleanup();
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function problemsOf(fn: () => unknown): { message: string; paths: string[] } {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, paths: error.problems.map((p) => p.path) };
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('reading a run folder back', () => {
  it('gives the same rows, events, summary and manifest as the run in memory', () => {
    const back = readRunFolder(run.dir);
    // timeseries.csv writes shortest round-trip decimals, so values come back exactly
    expect(back.rows).toEqual(run.input.rows);
    expect(back.events).toEqual(run.input.events);
    expect(back.summary).toEqual(JSON.parse(JSON.stringify(run.summary)));
    expect(back.manifest).toEqual(JSON.parse(JSON.stringify(run.manifest)));
  });

  it('draws the same report page from the folder as from memory', async () => {
    const charts = [{ name: 'x', title: 'X', svg: '<svg class="marks" width="1" height="1"></svg>' }];
    expect(runReportHtml(readRunFolder(run.dir), charts)).toBe(runReportHtml(run.input, charts));
  });

  it('rerenders charts/ and report.html into the folder, leaving no temporary files', async () => {
    const fixture = await makeRunFixture({ months: 36, withReport: false });
    const dir = fixture.dir;
    try {
      expect(existsSync(join(dir, 'report.html'))).toBe(false);
      const report = await rerenderRunFolder(dir);
      expect(readdirSync(dir).sort()).toEqual([
        'charts',
        'events.csv',
        'indicators.csv',
        'manifest.json',
        'report.html',
        'summary.json',
        'timeseries.csv',
      ]);
      expect(readdirSync(join(dir, 'charts'))).toHaveLength(report.charts.length * 3);
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(report.html);
      // a second time replaces them, again without leftovers
      writeFileSync(join(dir, 'charts', 'stale.svg'), '<svg/>');
      await rerenderRunFolder(dir);
      expect(readdirSync(join(dir, 'charts'))).not.toContain('stale.svg');
      expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    } finally {
      fixture.cleanup();
    }
  });
});

describe('folders that are not run folders', () => {
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'kopsim-notrun-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  it('a missing folder, or a file, is named', () => {
    const missing = join(tmpdir(), 'kopsim-no-such-folder-xyz');
    expect(problemsOf(() => readRunFolder(missing)).message).toContain(`${missing}: no such folder`);
    const dir = folder({ 'a.txt': 'x' });
    expect(problemsOf(() => readRunFolder(join(dir, 'a.txt'))).message).toContain('is not a folder');
  });

  it('an empty folder: every missing file named at once', () => {
    const dir = folder({});
    const { paths } = problemsOf(() => readRunFolder(dir));
    expect(paths).toEqual(['manifest.json', 'summary.json', 'timeseries.csv', 'events.csv'].map((f) => join(dir, f)));
  });

  it('bad JSON, a manifest without the scenario, a wrong CSV header and non-numeric cells, all at once', () => {
    const dir = folder({
      'manifest.json': JSON.stringify({
        ...JSON.parse(readFileSync(join(run.dir, 'manifest.json'), 'utf8')),
        scenario: {},
      }),
      'summary.json': '{ not json',
      'timeseries.csv': 'month,region,indicator,value\n0,total,gini,abc\nx,total,gini,0.3\n',
      'events.csv': 'when,where,what\n',
    });
    const { message, paths } = problemsOf(() => readRunFolder(dir));
    expect(paths).toEqual([
      `${join(dir, 'manifest.json')}: scenario.market.povertyLine`,
      join(dir, 'summary.json'),
      `${join(dir, 'timeseries.csv')}: line 2, value`,
      `${join(dir, 'timeseries.csv')}: line 3, month`,
      join(dir, 'events.csv'),
    ]);
    expect(message).toContain('is not valid JSON');
    expect(message).toContain('must start with the header month,region,kind,message');
  });
});

describe('kopsim report RUN_DIR (the CLI)', () => {
  it('redraws charts/ and report.html of a folder written with --no-report; exits 2 naming a bad folder', async () => {
    const fixture = await makeRunFixture({ months: 36, withReport: false });
    try {
      const ok = await kopsim(['report', fixture.dir]);
      // stderr: only the chart progress lines (no warning, no error)
      expect(ok.stderr.split('\n').filter((l) => l !== '' && !/^kopsim: charts \d+\/\d+/.test(l))).toEqual([]);
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain(`report.html in ${fixture.dir}`);
      expect(existsSync(join(fixture.dir, 'report.html'))).toBe(true);
      expect(readdirSync(join(fixture.dir, 'charts'))).toContain('consumption.png');

      const empty = mkdtempSync(join(tmpdir(), 'kopsim-notrun-'));
      made.push(empty);
      const bad = await kopsim(['report', empty]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain(`${join(empty, 'manifest.json')}: missing`);
      expect(readdirSync(empty)).toEqual([]); // nothing written
    } finally {
      fixture.cleanup();
    }
  });
});
