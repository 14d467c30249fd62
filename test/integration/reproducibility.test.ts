import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { runScenario } from '../../src/experiment/simulation.js';
import { seriesOf } from '../../src/indicators/series.js';
import { timeseriesCsv } from '../../src/report/timeseriesCsv.js';
import { loadScenario } from '../../src/scenario/load.js';
import { kopsim } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

/*
 * Issue 2, section 8: the same scenario and seed give a byte-identical timeseries.csv.
 * The CLI runs in separate processes, so nothing can be shared between the two runs but
 * the inputs.
 */
const temp = tempDirs('kopsim-repro-');
afterAll(() => temp.cleanup());

const SMALL = ['--set', 'regions=[{"name":"a","households":150},{"name":"b","households":120}]', '--months', '24'];

describe('reproducibility of kopsim run (separate processes)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = temp.make();
    for (const [out, seed] of [
      ['first', '5'],
      ['second', '5'],
      ['other', '6'],
    ] as const) {
      const r = await kopsim(['run', 'seed-roadmap', ...SMALL, '--seed', seed, '--out', out, '--json'], dir);
      expect(r.status, r.stderr).toBe(0);
    }
  });
  const read = (run: string, file: string) => readFileSync(join(dir, run, file));

  it('two CLI runs with the same scenario and seed write byte-identical timeseries.csv', () => {
    const a = read('first', 'timeseries.csv');
    expect(a.length).toBeGreaterThan(1000);
    expect(Buffer.compare(a, read('second', 'timeseries.csv'))).toBe(0);
  });

  it('and identical summary.json and events.csv (only the manifest records times)', () => {
    expect(Buffer.compare(read('first', 'summary.json'), read('second', 'summary.json'))).toBe(0);
    expect(Buffer.compare(read('first', 'events.csv'), read('second', 'events.csv'))).toBe(0);
  });

  it('a different seed gives a different timeseries.csv', () => {
    expect(Buffer.compare(read('first', 'timeseries.csv'), read('other', 'timeseries.csv'))).not.toBe(0);
  });
});

describe('reproducibility in one process', () => {
  it('runScenario twice with one seed gives the same CSV text', () => {
    const { id, scenario } = loadScenario('default', ['regions=[{"name":"a","households":120}]', 'months=18']);
    expect(timeseriesCsv(runScenario(id, scenario, 99).series)).toBe(
      timeseriesCsv(runScenario(id, scenario, 99).series),
    );
  });

  it('strategies run on one seed share their random numbers: the status quo and the roadmap start from the same population', () => {
    const a = loadScenario('status-quo', ['regions=[{"name":"a","households":120}]', 'months=1']);
    const b = loadScenario('seed-roadmap', ['regions=[{"name":"a","households":120}]', 'months=1']);
    const ra = runScenario(a.id, a.scenario, 3);
    const rb = runScenario(b.id, b.scenario, 3);
    // Month 0 welfare indicators (before any cooperative acts) are identical.
    const month0 = (r: typeof ra) =>
      ['consumption_pc_mean', 'income_pc_mean', 'gini', 'p0', 'p2', 'atkinson_2'].map(
        (id) => seriesOf(r.series, id)[0],
      );
    expect(month0(rb)).toEqual(month0(ra));
  });
});
