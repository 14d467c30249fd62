import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compare,
  replicate,
  runSeed,
  type RunManifest,
  renderRunReport,
  runReportInput,
  simulate,
  summarizeRun,
  timeseriesCsv,
  writeRunFolder,
  writeRunReport,
} from '../../src/index.js';
import { kopsim } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

/* The library's one-call runs (src/index.ts), checked against the CLI they mirror. */
const dirs = tempDirs('kopsim-library-');
afterAll(() => dirs.cleanup());
const SMALL = ['regions=[{"name":"a","households":80},{"name":"b","households":60}]'];

describe('simulate', () => {
  it('derives the run seed as kopsim run does: the same timeseries.csv as the CLI, byte for byte', async () => {
    const result = simulate('seed-roadmap', { seed: 5, months: 6, set: SMALL });
    expect(result.seed).toBe(runSeed(5));
    expect(result.months).toBe(6);
    const out = join(dirs.make(), 'run');
    const r = await kopsim([
      'run',
      'seed-roadmap',
      '--seed',
      '5',
      '--months',
      '6',
      '--set',
      SMALL[0],
      '--no-report',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(timeseriesCsv(result.series)).toBe(readFileSync(join(out, 'timeseries.csv'), 'utf8'));
  });

  it("takes a scenario document, and the scenario's own seed by default", () => {
    const result = simulate({ months: 3, seed: 9, regions: [{ name: 'x', households: 50 }] });
    expect(result.seed).toBe(runSeed(9));
    expect(result.series.months).toEqual([0, 1, 2, 3]);
  });

  it('rejects bad options with an InputError naming each problem', () => {
    expect(() => simulate('default', { months: 0, set: ['nope'] })).toThrow(/months[\s\S]*--set|--set[\s\S]*months/);
    expect(() => simulate('default', { seed: -1, months: 1 })).toThrow(/seed/);
  });
});

describe('replicate and compare', () => {
  it('replicate returns tidy rows in plan order, seeds derived per replicate', async () => {
    const rows = await replicate('default', { replicates: 2, months: 3, set: SMALL, indicators: ['gini', 'p0'] });
    expect(rows).toHaveLength(2 * 4 * 2);
    expect(rows[0]).toMatchObject({ scenario: 'default', replicate: 0, month: 0, indicator: 'gini' });
    expect(new Set(rows.map((r) => r.seed)).size).toBe(2);
    // Replicate 0 is the run simulate gives for the same seed.
    const one = simulate('default', { months: 3, set: SMALL, seed: 1 });
    expect(rows[0].seed).toBe(runSeed(1, '', 0));
    expect(one.seed).toBe(rows[0].seed);
  });

  it('compare pairs replicates (common random numbers) and gives differences from the baseline', async () => {
    const rows = await compare(['status-quo', 'seed-roadmap'], {
      replicates: 2,
      months: 3,
      set: SMALL,
      indicators: ['consumption_pc_mean'],
    });
    expect(rows).toHaveLength(2 * 2 * 4);
    const base = rows.filter((r) => r.scenario === 'status-quo');
    expect(base.every((r) => r.difference === 0)).toBe(true);
    const other = rows.filter((r) => r.scenario === 'seed-roadmap');
    other.forEach((r, i) => {
      expect(r.seed).toBe(base[i].seed);
      expect(r.difference).toBe(r.value - base[i].value);
    });
  });
});

describe('writing a run from the library', () => {
  it('writeRunFolder and renderRunReport write a run folder with its report', async () => {
    const result = simulate('default', { months: 2, set: SMALL });
    const summary = summarizeRun(result);
    const manifest: RunManifest = {
      kopsimVersion: 'test',
      scenarioId: result.scenarioId,
      source: 'library test',
      extendsChain: [],
      overrides: [],
      baseSeed: 1,
      seed: result.seed,
      months: result.months,
      households: result.households,
      commandLine: [],
      startedAt: new Date(0).toISOString(),
      finishedAt: new Date(0).toISOString(),
      timings: { simulationMs: 0, totalMs: 0 },
      stoppedEarly: false,
      scenario: result.scenario,
    };
    const report = await renderRunReport(runReportInput(result, summary, manifest));
    const dir = join(dirs.make(), 'run');
    writeRunFolder(dir, result, summary, manifest, (tmp) => writeRunReport(tmp, report));
    for (const file of ['manifest.json', 'timeseries.csv', 'summary.json', 'events.csv', 'report.html']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
  });
});
