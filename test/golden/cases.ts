import { createHash } from 'node:crypto';
import { runSeed } from '../../src/core/seed.js';
import { runScenario } from '../../src/experiment/simulation.js';
import { timeseriesCsv } from '../../src/report/timeseriesCsv.js';
import { loadScenario } from '../../src/scenario/load.js';

/*
 * The seeded golden runs: small fixed scenarios whose complete tidy time series must stay
 * byte-identical unless the model is changed on purpose. Performance work (issue 7) is
 * only allowed to make these runs faster, never different.
 *
 * - `default-gated`: the bundled default scenario (seed roadmap, gated) with two regions
 *   of 300 households, 60 months.
 * - `scheduled-all-stages`: the same with every stage scheduled in the first months, so
 *   that every process (enterprises, institution, federation, social programs, annual
 *   close) runs on most of the 60 months.
 */
export interface GoldenCase {
  readonly name: string;
  readonly sets: readonly string[];
}

const REGIONS = 'regions=[{"name":"a","households":300},{"name":"b","households":300}]';

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'default-gated', sets: [REGIONS, 'months=60'] },
  {
    name: 'scheduled-all-stages',
    sets: [
      REGIONS,
      'months=60',
      'strategy.mode=scheduled',
      'strategy.schedule={"stage1":0,"stage2":0,"stage3":1,"stage4":2,"stage5":3,"stage6":4}',
    ],
  },
];

/** Runs a golden case with the seed of `kopsim run --seed 1` and returns its timeseries.csv text. */
export function goldenCsv(c: GoldenCase): string {
  const loaded = loadScenario('default', c.sets);
  const result = runScenario(loaded.id, loaded.scenario, runSeed(1));
  return timeseriesCsv(result.series);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parses golden.sha256 (`<hex>  <name>.csv` per line, as `sha256sum` writes). */
export function parseShaFile(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(\S+)\.csv$/.exec(line.trim());
    if (m) map.set(m[2], m[1]);
  }
  return map;
}
