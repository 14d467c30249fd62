import { median } from 'simple-statistics';
import type { RunRecord } from '../runRecord.js';
import { runPlace, type CalibrationPlan, type CalibrationTarget } from './calibrationPlan.js';

/**
 * Each proposal's simulated value of each target: the indicator's mean over the target's
 * months in each replicate of the target's scenario, then combined over replicates (mean
 * or median). NaN when a run is missing or the indicator is undefined there.
 *
 * @returns values[proposal][target]
 */
export function simulatedStatistics(
  plan: Pick<CalibrationPlan, 'scenarios' | 'targets' | 'replicates'>,
  proposals: number,
  records: readonly RunRecord[],
): number[][] {
  // byRun[proposal][scenario][replicate]
  const byRun: (RunRecord | undefined)[][][] = Array.from({ length: proposals }, () =>
    plan.scenarios.map(() => new Array<RunRecord | undefined>(plan.replicates)),
  );
  for (const r of records) {
    const place = runPlace(plan, proposals, r.index);
    byRun[place.proposal][place.scenario][place.replicate] = r;
  }
  const scenarioIndex = new Map(plan.scenarios.map((s, k) => [s.label, k]));
  return byRun.map((runs) =>
    plan.targets.map((t) => {
      const values = runs[scenarioIndex.get(t.scenario)!].map((r) => (r ? windowMean(r, t) : Number.NaN));
      if (values.some((v) => Number.isNaN(v))) return Number.NaN;
      return t.seeds === 'median' ? median(values) : values.reduce((s, v) => s + v, 0) / values.length;
    }),
  );
}

/**
 * The target's statistic in one run: the indicator's mean over the target's months, or,
 * with `per`, its sum over them over the `per` indicator's sum (NaN when that is 0: the
 * ratio is undefined, e.g. no RAT was due).
 */
function windowMean(r: RunRecord, t: CalibrationTarget): number {
  const sum = windowSum(r, t.indicator, t.window);
  if (t.per === null) return sum / (t.window[1] - t.window[0] + 1);
  const per = windowSum(r, t.per, t.window);
  return per !== 0 ? sum / per : Number.NaN;
}

function windowSum(r: RunRecord, indicator: string, window: readonly [number, number]): number {
  const series = r.values[indicator];
  if (!series) return Number.NaN;
  let s = 0;
  for (let m = window[0]; m <= window[1]; m++) s += series[m] ?? Number.NaN;
  return s;
}

/**
 * How far a simulated value is from a target, in the target's unit (standard error or
 * tolerance), with its sign: simulated minus observed, or minus the nearer end of the
 * band (0 inside it).
 *
 * @example targetDeviation({ observed: 0.3, band: null, scale: 0.01 }, 0.32) // => 2 (up to rounding)
 */
export function targetDeviation(t: Pick<CalibrationTarget, 'observed' | 'band' | 'scale'>, value: number): number {
  if (t.band) {
    if (value < t.band[0]) return (value - t.band[0]) / t.scale;
    if (value > t.band[1]) return (value - t.band[1]) / t.scale;
    return 0;
  }
  return (value - t.observed!) / t.scale;
}

/** The distance of a proposal's statistics to the targets: the Euclidean norm of the deviations (NaN when any is NaN). */
export function targetDistance(targets: readonly CalibrationTarget[], values: readonly number[]): number {
  let s = 0;
  targets.forEach((t, k) => {
    s += targetDeviation(t, values[k]) ** 2;
  });
  return Math.sqrt(s);
}
