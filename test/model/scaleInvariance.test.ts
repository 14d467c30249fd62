import { describe, expect, it } from 'vitest';
import {
  compareScale,
  SCALE_MONTH,
  SCALE_REGION_ARM,
  SCALE_VILLAGES_ARM,
  scaleArms,
} from '../../src/experiment/validation/scaleInvariance.js';
import { runArms } from '../../src/experiment/validation/validationRuns.js';

/*
 * Scale invariance (issue 12, item 7; docs/validation.md): one region of 25,000
 * households, per-cooperative amounts scaled as scenarios/national.yaml scales them
 * (src/scenario/perCooperativeAmounts.ts), against 50 villages of 500, seed roadmap,
 * base seeds 1..3, compared at month 120: mean consumption per capita, member share, P0
 * and the months stages 2-4 opened must agree within their replication 95% CIs.
 *
 * Off by default: on the model of issue 12's report the region reaches stage 3 around
 * month 33 while no village does by month 120, so this fails, and it is the slowest test
 * (about 10 runs' worth of household-months). `npm run validation` reports the same
 * comparison with 5 seeds as its scale-* facts. Enable it once the model fixes land:
 *   KOPSIM_SCALE_TEST=1 npx vitest run test/model/scaleInvariance.test.ts
 */
describe.skipIf(!process.env.KOPSIM_SCALE_TEST)('scale invariance', () => {
  it(`one region of 25,000 households agrees with 50 villages of 500 at month ${SCALE_MONTH}`, async () => {
    const measures = await runArms(scaleArms([1, 2, 3]), { workers: 2 });
    const comparisons = compareScale(measures.get(SCALE_REGION_ARM) ?? [], measures.get(SCALE_VILLAGES_ARM) ?? []);
    const fmt = (xs: readonly number[]): string =>
      xs.map((x) => (Number.isFinite(x) ? +x.toPrecision(4) : 'n/a')).join(', ');
    const disagreements = comparisons
      .filter((c) => !c.agree)
      .map((c) => `${c.outcome}: region [${fmt(c.region)}] vs villages [${fmt(c.villages)}] by seed: ${c.reason}`);
    expect(comparisons).toHaveLength(6);
    expect(disagreements).toEqual([]);
  }, 180_000);
});
