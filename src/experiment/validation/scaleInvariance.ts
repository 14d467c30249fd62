import { scaledAmounts, scaledPotentials, VILLAGE_HOUSEHOLDS } from '../../scenario/perCooperativeAmounts.js';
import { describeSample, type SampleStats } from '../describeSample.js';
import { indicatorAt } from './runValues.js';
import type { RunMeasures } from './validationProbe.js';
import type { ValidationArm } from './validationRuns.js';

/*
 * Scale invariance (issue 12, item 7): one region of 25,000 households, with every
 * per-cooperative amount scaled as the national scenario scales it, against 50 villages
 * of 500 households, both on the seed roadmap. Per-household outcomes at month 120 must
 * agree within their replication confidence intervals; where they do not, the model has
 * an economy of scale that docs/ODD.md must explain, or a bug.
 */

/** Households of the one large region. */
export const SCALE_REGION_HOUSEHOLDS = 25_000;
/** Villages of the comparison arm, VILLAGE_HOUSEHOLDS each (the same 25,000 households in all). */
export const SCALE_VILLAGES = SCALE_REGION_HOUSEHOLDS / VILLAGE_HOUSEHOLDS;
/** Month the outcomes are compared at. */
export const SCALE_MONTH = 120;

/** Arm labels. */
export const SCALE_REGION_ARM = 'scale-region';
export const SCALE_VILLAGES_ARM = 'scale-villages';

/** The two arms on the given base seeds, each simulated for SCALE_MONTH months. */
export function scaleArms(seeds: readonly number[]): ValidationArm[] {
  const scale = SCALE_REGION_HOUSEHOLDS / VILLAGE_HOUSEHOLDS;
  const region = { name: 'region', households: SCALE_REGION_HOUSEHOLDS, potentials: scaledPotentials(scale) };
  const villages = Array.from({ length: SCALE_VILLAGES }, (_, k) => ({
    name: `village ${String(k + 1).padStart(2, '0')}`,
    households: VILLAGE_HOUSEHOLDS,
  }));
  return [
    {
      label: SCALE_REGION_ARM,
      scenario: 'seed-roadmap',
      sets: [`regions=${JSON.stringify([region])}`, ...scaledAmounts(scale).map((a) => `${a.path}=${a.value}`)],
      months: SCALE_MONTH,
      seeds,
    },
    {
      label: SCALE_VILLAGES_ARM,
      scenario: 'seed-roadmap',
      sets: [`regions=${JSON.stringify(villages)}`],
      months: SCALE_MONTH,
      seeds,
    },
  ];
}

/** One outcome compared between the arms. */
export interface ScaleComparison {
  /** e.g. `consumption_pc_mean` or `stage 3 month`. */
  readonly outcome: string;
  /** Per seed, NaN where the outcome is undefined (a stage not reached by SCALE_MONTH). */
  readonly region: readonly number[];
  readonly villages: readonly number[];
  readonly regionStats: SampleStats;
  readonly villageStats: SampleStats;
  readonly agree: boolean;
  /** Why they agree or not, in words. */
  readonly reason: string;
}

/** Welfare and membership outcomes compared, total scope at SCALE_MONTH. */
const INDICATOR_OUTCOMES = ['consumption_pc_mean', 'member_share', 'p0'] as const;
/** Stages whose start months are compared. */
const STAGES = [2, 3, 4] as const;

/**
 * Median over regions of the month stage k started, counting regions that did not reach
 * it as later than any month; NaN when fewer than half reached it.
 */
export function medianStageMonth(m: RunMeasures, stage: number): number {
  const months = m.stageTimeline.map((t) => t.stages[stage - 1] ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
  const n = months.length;
  if (n === 0) return Number.NaN;
  const mid = n % 2 ? months[(n - 1) / 2] : (months[n / 2 - 1] + months[n / 2]) / 2;
  return Number.isFinite(mid) ? mid : Number.NaN;
}

function compare(outcome: string, region: number[], villages: number[]): ScaleComparison {
  const regionStats = describeSample(region);
  const villageStats = describeSample(villages);
  let agree: boolean;
  let reason: string;
  if (regionStats.n === 0 && villageStats.n === 0) {
    agree = true;
    reason = `neither reached by month ${SCALE_MONTH}`;
  } else if (regionStats.n !== villageStats.n) {
    agree = false;
    reason = `defined in ${regionStats.n} region runs against ${villageStats.n} village runs of ${region.length} (not reached by month ${SCALE_MONTH} in the others)`;
  } else if (regionStats.n < 2) {
    agree = regionStats.mean === villageStats.mean;
    reason = 'one seed only: no confidence interval';
  } else {
    agree = regionStats.ciLow <= villageStats.ciHigh && villageStats.ciLow <= regionStats.ciHigh;
    reason = agree ? '95% CIs overlap' : '95% CIs do not overlap';
  }
  return { outcome, region, villages, regionStats, villageStats, agree, reason };
}

/**
 * Compares the arms outcome by outcome. `region` and `villages` are the runs of the two
 * arms on the same seeds, in the same order.
 */
export function compareScale(region: readonly RunMeasures[], villages: readonly RunMeasures[]): ScaleComparison[] {
  const out: ScaleComparison[] = INDICATOR_OUTCOMES.map((id) =>
    compare(
      id,
      region.map((m) => indicatorAt(m, id, SCALE_MONTH)),
      villages.map((m) => indicatorAt(m, id, SCALE_MONTH)),
    ),
  );
  for (const k of STAGES)
    out.push(
      compare(
        `stage ${k} month`,
        region.map((m) => medianStageMonth(m, k)),
        villages.map((m) => medianStageMonth(m, k)),
      ),
    );
  return out;
}
