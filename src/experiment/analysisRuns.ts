import { runSeed } from '../core/seed.js';
import type { DesignPoint } from './designPoints.js';
import { runKey, type PlannedRun } from './plan.js';

/**
 * The runs of a sensitivity or attribution plan: replicate by replicate, every design
 * point of one scenario, and replicate k uses the seed runSeed(baseSeed, '', k) at every
 * point (common random numbers), so differences between points come from the points,
 * not from different draws. (An experiment's runs seed each point apart: plan.ts.)
 */
export function analysisRuns(
  label: string,
  points: readonly DesignPoint[],
  replicates: number,
  baseSeed: number,
  months: number,
): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (let r = 0; r < replicates; r++) {
    const seed = runSeed(baseSeed, '', r);
    for (const pt of points)
      runs.push({
        index: runs.length,
        key: runKey(label, pt.key, r),
        scenario: label,
        point: pt.key,
        params: pt.params,
        replicate: r,
        seed,
        months,
      });
  }
  return runs;
}
