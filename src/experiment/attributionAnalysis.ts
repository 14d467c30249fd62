import { mean } from 'simple-statistics';
import {
  completeReplicates,
  outputLabel,
  outputValue,
  type AnalysisOutput,
  type AnalysisRuns,
} from './analysisOutputs.js';
import {
  coalitionStages,
  type AttributionDesign,
  type AttributionPlan,
  type AttributionSampling,
} from './attributionPlan.js';
import type { IntervalMethod, MeanInterval } from './meanInterval.js';
import type { RunRecord } from './runRecord.js';
import { shapleyReplicates } from './sensitivity/shapleyReplicates.js';

/** Largest |sum of values - total gain| accepted, relative to the outcome's size. */
export const EFFICIENCY_TOLERANCE = 1e-9;

/** An estimate with its confidence interval. */
export interface Estimate {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * One stage's Shapley value for one output (in the output's unit: the stage's share of the
 * gain from no stage to all six), beside its leave-one-out and add-one effects.
 */
export interface StageValue extends Estimate {
  readonly stage: number;
  readonly name: string;
  /** All six stages minus all but this one. */
  readonly leaveOneOut: Estimate;
  /** This stage alone minus no stage. */
  readonly addOne: Estimate;
  /**
   * The other stage whose pairwise interaction with this one is largest in size,
   * v({j,k}) - v({j}) - v({k}) + v({}) (exact attributions only), and that interaction.
   */
  readonly partner?: { readonly stage: number; readonly interaction: number };
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
  /** full - empty, with its interval. */
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
  readonly design: AttributionDesign;
  readonly sampling: { readonly method: AttributionSampling['method']; readonly samples?: number };
  /** How every interval of the attribution was made (per-replicate values, t over replicates). */
  readonly intervalMethod: IntervalMethod;
  readonly coalitionsRun: number;
  readonly replicatesPlanned: number;
  /** Replicates complete in every coalition: the ones averaged. */
  readonly replicatesUsed: readonly number[];
  /** Confidence level of the intervals. */
  readonly level: number;
  readonly runs: AnalysisRuns;
  readonly outputs: readonly AttributionOutputResult[];
}

/**
 * Shapley values of the six stages for every output, from an attribution's runs. Pure
 * and independent of the order of `records`.
 *
 * A coalition's outcome is its mean over the replicates complete in every coalition.
 * Shapley values, leave-one-out and add-one effects are computed per replicate (from
 * that replicate's coalitions, which share its seed) and get Student t intervals over
 * replicates ({@link shapleyReplicates}). With sampled orders the intervals cover
 * replicate noise, not the sampling of orders.
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
    const a = shapleyReplicates(n, outcomes, { permutations, level: plan.level });
    const means = new Map(coalitions.map((c) => [c.mask, c.mean]));
    const stages = plan.stages.map(
      (s, i): StageValue => ({
        stage: s.stage,
        name: s.name,
        ...estimate(a.values[i]),
        leaveOneOut: estimate(a.leaveOneOut[i]),
        addOne: estimate(a.addOne[i]),
        partner: strongestPartner(i, n, means),
      }),
    );
    let sum = 0;
    for (const v of a.values) sum += v.mean;
    const total = a.total.mean;
    const residual = sum - total;
    const scale = Math.max(Math.abs(a.empty), Math.abs(a.full), Math.abs(total), Number.MIN_VALUE);
    return {
      ...head,
      stages,
      empty: a.empty,
      full: a.full,
      total,
      totalLower: a.total.lower,
      totalUpper: a.total.upper,
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
    design: plan.design,
    intervalMethod: table.complete.length >= 2 ? 't' : 'none',
    sampling:
      plan.sampling.method === 'permutation'
        ? { method: 'permutation', samples: plan.sampling.samples }
        : { method: 'exact' },
    coalitionsRun: plan.coalitions.length,
    replicatesPlanned: plan.replicates,
    replicatesUsed: table.complete,
    level: plan.level,
    runs,
    outputs,
  };
}

/** The mean as shapleyReplicates takes it (simple-statistics, compensated summation), so coalition means match its empty and full. */
function meanOf(xs: readonly number[] | undefined): number {
  return !xs || xs.length === 0 ? NaN : mean(xs as number[]);
}

function estimate(m: MeanInterval): Estimate {
  return { value: m.mean, lower: m.lower, upper: m.upper };
}

/**
 * The stage that interacts most (in size) with player i, from the coalition means of the
 * pairs: v({i,j}) - v({i}) - v({j}) + v({}). Undefined when a pair was not run (sampled
 * orders) or every interaction is 0.
 */
function strongestPartner(i: number, n: number, means: ReadonlyMap<number, number>): StageValue['partner'] | undefined {
  let best: StageValue['partner'] | undefined;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const pair = means.get((1 << i) | (1 << j));
    const alone = means.get(1 << i);
    const other = means.get(1 << j);
    const none = means.get(0);
    if (pair === undefined || alone === undefined || other === undefined || none === undefined) return undefined;
    const interaction = pair - alone - other + none;
    if (interaction !== 0 && (!best || Math.abs(interaction) > Math.abs(best.interaction)))
      best = { stage: j + 1, interaction };
  }
  return best;
}
