import { mean } from 'simple-statistics';
import {
  completeReplicates,
  outputBootstrap,
  outputLabel,
  outputValue,
  type AnalysisOutput,
  type AnalysisRuns,
  type BootstrapSettings,
} from './analysisOutputs.js';
import { coalitionStages, type AttributionPlan, type AttributionSampling } from './attributionPlan.js';
import type { RunRecord } from './runRecord.js';
import { shapleyReplicates } from './sensitivity/shapleyBootstrap.js';

/** Largest |sum of values - total gain| accepted, relative to the outcome's size. */
export const EFFICIENCY_TOLERANCE = 1e-9;

/** One stage's Shapley value for one output. */
export interface StageValue {
  readonly stage: number;
  readonly name: string;
  /** In the output's unit: the stage's share of the gain from no stage to all six. */
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** The attribution of one output. */
export interface AttributionOutputResult {
  readonly output: AnalysisOutput;
  readonly label: string;
  readonly unit: string;
  /** One value per stage, stages 1..6 (empty when the output could not be analysed). */
  readonly stages: readonly StageValue[];
  /** Mean outcome with no stage enabled (the status quo) and with all six. */
  readonly empty: number;
  readonly full: number;
  /** full - empty, with its bootstrap interval. */
  readonly total: number;
  readonly totalLower: number;
  readonly totalUpper: number;
  /** Sum of the stages' values, and its difference from the total (rounding only). */
  readonly sum: number;
  readonly residual: number;
  /** Whether |residual| <= EFFICIENCY_TOLERANCE x max(|empty|, |full|, |total|). */
  readonly efficient: boolean;
  /** Mean outcome of every coalition run, by mask. */
  readonly coalitions: readonly { readonly mask: number; readonly stages: readonly number[]; readonly mean: number }[];
  /** Why the output could not be analysed (a value that is not a finite number). */
  readonly error?: string;
}

/** What `kopsim attribute` and `kopsim analyze` print and save. */
export interface AttributionResult {
  readonly kind: 'attribution';
  readonly name: string;
  readonly planHash: string;
  readonly baseSeed: number;
  readonly scenario: {
    readonly label: string;
    readonly name: string;
    readonly strategy: string;
    readonly mode: string;
    readonly founding: string;
    readonly months: number;
  };
  readonly sampling: { readonly method: AttributionSampling['method']; readonly samples?: number };
  readonly coalitionsRun: number;
  readonly replicatesPlanned: number;
  /** Replicates complete in every coalition: the ones averaged and bootstrapped. */
  readonly replicatesUsed: readonly number[];
  readonly bootstrap: BootstrapSettings;
  readonly runs: AnalysisRuns;
  readonly outputs: readonly AttributionOutputResult[];
}

/**
 * Shapley values of the six stages for every output, from an attribution's runs. Pure
 * and independent of the order of `records`.
 *
 * A coalition's outcome is its mean over the replicates complete in every coalition;
 * the intervals come from resampling those replicates, the same ones in every coalition
 * (common random numbers keep each replicate's coalitions together), as in
 * {@link shapleyReplicates}. With sampled orders the same orders are used in every
 * resample, so the intervals cover replicate noise, not the sampling of orders.
 *
 * @throws InputError when no replicate is complete in every coalition.
 */
export function analyzeAttribution(
  plan: AttributionPlan,
  records: readonly RunRecord[],
  failed = 0,
): AttributionResult {
  const { table, runs } = completeReplicates(
    plan,
    records,
    failed,
    `in every one of the ${plan.coalitions.length} coalitions`,
  );
  const n = plan.stages.length;
  const full = 2 ** n - 1;
  const outputs = plan.outputs.map((output): AttributionOutputResult => {
    const outcomes: number[][] = [];
    plan.coalitions.forEach((mask, i) => {
      outcomes[mask] = table.complete.map((k) => outputValue(table.record(plan.points[i].key, k)!, output));
    });
    const coalitions = plan.coalitions.map((mask) => ({
      mask,
      stages: coalitionStages(mask),
      mean: meanOf(outcomes[mask]),
    }));
    const head = { output, ...outputLabel(output), coalitions };
    const bad = plan.coalitions.find((mask) => outcomes[mask].some((v) => !Number.isFinite(v)));
    if (bad !== undefined) {
      const empty = meanOf(outcomes[0]);
      const fullMean = meanOf(outcomes[full]);
      return {
        ...head,
        stages: [],
        empty,
        full: fullMean,
        total: fullMean - empty,
        totalLower: NaN,
        totalUpper: NaN,
        sum: NaN,
        residual: NaN,
        efficient: false,
        error: `coalition ${plan.points[plan.coalitions.indexOf(bad)].key} has a value that is not a finite number (the indicator is undefined there)`,
      };
    }
    const permutations = plan.sampling.method === 'permutation' ? plan.sampling.permutations : undefined;
    const a = shapleyReplicates(n, outcomes, { ...outputBootstrap(plan.bootstrap, output), permutations });
    const stages = plan.stages.map((s, i) => ({
      stage: s.stage,
      name: s.name,
      value: a.values[i],
      lower: a.lower[i],
      upper: a.upper[i],
    }));
    let sum = 0;
    for (const v of a.values) sum += v;
    const residual = sum - a.total;
    const scale = Math.max(Math.abs(a.empty), Math.abs(a.full), Math.abs(a.total), Number.MIN_VALUE);
    return {
      ...head,
      stages,
      empty: a.empty,
      full: a.full,
      total: a.total,
      totalLower: a.totalLower,
      totalUpper: a.totalUpper,
      sum,
      residual,
      efficient: Math.abs(residual) <= EFFICIENCY_TOLERANCE * scale,
    };
  });
  const s = plan.scenarios[0];
  return {
    kind: 'attribution',
    name: plan.name,
    planHash: plan.hash,
    baseSeed: plan.baseSeed,
    scenario: {
      label: s.label,
      name: s.name,
      strategy: s.strategy,
      mode: s.scenario.strategy.mode,
      founding: s.scenario.strategy.founding,
      months: s.months,
    },
    sampling:
      plan.sampling.method === 'permutation'
        ? { method: 'permutation', samples: plan.sampling.samples }
        : { method: 'exact' },
    coalitionsRun: plan.coalitions.length,
    replicatesPlanned: plan.replicates,
    replicatesUsed: table.complete,
    bootstrap: plan.bootstrap,
    runs,
    outputs,
  };
}

/** The mean as shapleyReplicates takes it (simple-statistics, compensated summation), so coalition means match its empty and full. */
function meanOf(xs: readonly number[] | undefined): number {
  return !xs || xs.length === 0 ? NaN : mean(xs as number[]);
}
