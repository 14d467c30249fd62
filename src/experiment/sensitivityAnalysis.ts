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
import type { RunRecord } from './runRecord.js';
import type { SensitivityParameter, SensitivityPlan } from './sensitivityPlan.js';
import { morrisAnalyze, type MorrisIndices } from './sensitivity/morrisAnalyze.js';
import { sobolAnalyze, type SobolResult } from './sensitivity/sobolAnalyze.js';

/** The indices of one output. */
export interface SensitivityOutputResult {
  readonly output: AnalysisOutput;
  readonly label: string;
  readonly unit: string;
  /** Mean and population variance of the output over the design points (replicate means). */
  readonly mean: number;
  readonly variance: number;
  /** Morris measures per parameter (method morris). */
  readonly morris?: readonly MorrisIndices[];
  /** Sobol' indices (method sobol). */
  readonly sobol?: SobolResult;
  /** Why the output could not be analysed (a value that is not a finite number). */
  readonly error?: string;
}

/** A design in brief: its points, and r, p and delta (Morris) or N and second order (Sobol). */
export type DesignFacts =
  | {
      readonly method: 'morris';
      readonly seed: number;
      readonly points: number;
      readonly trajectories: number;
      readonly levels: number;
      readonly delta: number;
    }
  | {
      readonly method: 'sobol';
      readonly seed: number;
      readonly points: number;
      readonly n: number;
      readonly dimensions: number;
      readonly secondOrder: boolean;
      readonly groupSize: number;
    };

/** What `kopsim sensitivity` and `kopsim analyze` print and save. */
export interface SensitivityResult {
  readonly kind: 'sensitivity';
  readonly name: string;
  readonly method: 'morris' | 'sobol';
  readonly planHash: string;
  readonly baseSeed: number;
  readonly scenario: { readonly label: string; readonly name: string; readonly months: number };
  readonly parameters: readonly SensitivityParameter[];
  readonly design: DesignFacts;
  readonly replicatesPlanned: number;
  /** Replicates complete at every design point, averaged per point. */
  readonly replicatesUsed: readonly number[];
  readonly bootstrap: BootstrapSettings;
  readonly runs: AnalysisRuns;
  readonly outputs: readonly SensitivityOutputResult[];
  /** Per design point (plan order), each output's mean over the replicates used: the Y the indices come from. */
  readonly pointMeans: readonly (readonly number[])[];
}

/**
 * Morris or Sobol' indices of every output from a sensitivity experiment's runs. Pure and
 * independent of the order of `records`: the same runs give the same numbers bit for bit
 * (so `kopsim analyze` reproduces what `kopsim sensitivity` wrote).
 *
 * Each design point's output is the mean over the replicates complete at every point
 * (replicate k shares its seed across points). Each output's bootstrap draws come from
 * a stream derived from the plan's bootstrap seed and the output's key.
 *
 * @throws InputError when no replicate is complete at every design point.
 */
export function analyzeSensitivity(
  plan: SensitivityPlan,
  records: readonly RunRecord[],
  failed = 0,
): SensitivityResult {
  const { table, runs } = completeReplicates(
    plan,
    records,
    failed,
    `at every one of the ${plan.points.length} design points`,
  );
  const pointMeans = plan.points.map((pt) =>
    plan.outputs.map((o) => mean(table.complete.map((k) => outputValue(table.record(pt.key, k)!, o)))),
  );
  const outputs = plan.outputs.map((output, j): SensitivityOutputResult => {
    const y = pointMeans.map((row) => row[j]);
    const head = { output, ...outputLabel(output), ...moments(y) };
    const bad = y.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      return {
        ...head,
        error: `design point ${plan.points[bad].key} has no finite value (the indicator is undefined there)`,
      };
    const options = outputBootstrap(plan.bootstrap, output);
    if (plan.design.method === 'morris') {
      return {
        ...head,
        morris: morrisAnalyze(
          { parameters: plan.parameters, delta: plan.design.delta, trajectories: plan.design.trajectories },
          y,
          options,
        ),
      };
    }
    return { ...head, sobol: sobolAnalyze({ ...plan.design, parameters: plan.parameters }, y, options) };
  });
  const scenario = plan.scenarios[0];
  return {
    kind: 'sensitivity',
    name: plan.name,
    method: plan.method,
    planHash: plan.hash,
    baseSeed: plan.baseSeed,
    scenario: { label: scenario.label, name: scenario.name, months: scenario.months },
    parameters: plan.parameters,
    design: designFacts(plan),
    replicatesPlanned: plan.replicates,
    replicatesUsed: table.complete,
    bootstrap: plan.bootstrap,
    runs,
    outputs,
    pointMeans,
  };
}

function designFacts(plan: SensitivityPlan): DesignFacts {
  const d = plan.design;
  const points = plan.points.length;
  if (d.method === 'morris')
    return {
      method: 'morris',
      seed: d.seed,
      points,
      trajectories: d.trajectories.length,
      levels: d.levels,
      delta: d.delta,
    };
  return {
    method: 'sobol',
    seed: d.seed,
    points,
    n: d.n,
    dimensions: d.dimensions,
    secondOrder: d.secondOrder,
    groupSize: d.groupSize,
  };
}

function moments(y: readonly number[]): { mean: number; variance: number } {
  const finite = y.filter(Number.isFinite);
  if (finite.length === 0) return { mean: NaN, variance: NaN };
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  return { mean, variance: finite.reduce((a, b) => a + (b - mean) ** 2, 0) / finite.length };
}
