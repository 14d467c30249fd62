import { InputError, type InputProblem } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { deriveSeed } from '../core/seed.js';
import { STAGES } from '../model/params.js';
import { scenarioAtPoint } from './scenarioAtPoint.js';
import { STAGE_NAMES } from '../model/stages.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import type { AnalysisMonth } from '../scenario/sensitivitySchema.js';
import { analysisOutputs, bootstrapSettings, type AnalysisOutput, type BootstrapSettings } from './analysisOutputs.js';
import { analysisRuns } from './analysisRuns.js';
import type { DesignPoint } from './designPoints.js';
import { planScenarioOf, type PlanScenario, type PlannedRun } from './plan.js';
import { analysisPlanHash } from './sensitivityPlan.js';
import { coalitions, permutationCoalitions, samplePermutations } from './sensitivity/shapley.js';

/** Version of the attribution plan format. */
export const ATTRIBUTION_FORMAT = 1;

/** The players of the attribution: the six roadmap stages; player i is stage i + 1 (bit i of a coalition mask). */
export const ATTRIBUTION_STAGES: readonly { readonly stage: number; readonly name: string }[] = STAGES.map((stage) => ({
  stage,
  name: STAGE_NAMES[stage],
}));

/** How the Shapley values are computed: from all 64 coalitions, or from K sampled stage orders. */
export type AttributionSampling =
  | { readonly method: 'exact' }
  | {
      readonly method: 'permutation';
      readonly samples: number;
      /** Seed the orders were drawn with. */
      readonly seed: number;
      /** The K orders of player indices (0 = stage 1). */
      readonly permutations: readonly (readonly number[])[];
    };

/** What `kopsim attribute` asks for. */
export interface AttributionRequest {
  /** The scenario, loaded with its overrides. */
  readonly scenario: LoadedScenario;
  /** Name of the output folder and report (default: `<scenario id>`). */
  readonly name?: string;
  readonly replicates: number;
  /** Base seed (default: the scenario's). */
  readonly seed?: number;
  readonly indicators: readonly string[];
  readonly at: readonly AnalysisMonth[];
  /** K: estimate from K random stage orders instead of all coalitions. */
  readonly sample?: number;
  readonly bootstrap: { readonly resamples: number; readonly level: number; readonly seed?: number };
  /** Where command-line values came from, for problem paths. */
  readonly paths?: { readonly indicators?: string; readonly at?: string; readonly sample?: string };
}

/**
 * An expanded attribution: the coalitions of stages to run, every run (coalition x
 * replicate) with its seed, and what to analyse. Serialisable (plan.json); it streams,
 * resumes, shards and merges through the experiment folder code.
 */
export interface AttributionPlan {
  readonly format: number;
  readonly kind: 'attribution';
  readonly name: string;
  readonly description: string;
  readonly baseSeed: number;
  readonly replicates: number;
  readonly indicators: readonly string[];
  readonly outputs: readonly AnalysisOutput[];
  readonly stages: typeof ATTRIBUTION_STAGES;
  readonly sampling: AttributionSampling;
  /** Coalition masks run, ascending (all 64, or those the sampled orders visit). */
  readonly coalitions: readonly number[];
  readonly bootstrap: BootstrapSettings;
  /** The scenario as resolved; a coalition's scenario is it with `strategy.enabledStages` = the coalition. */
  readonly scenarios: readonly PlanScenario[];
  /** One point per coalition, in the order of `coalitions`. */
  readonly points: readonly DesignPoint[];
  readonly runs: readonly PlannedRun[];
  readonly hash: string;
}

/**
 * The stages of a coalition mask, ascending.
 *
 * @example coalitionStages(0b000101) // => [1, 3]
 */
export function coalitionStages(mask: number): number[] {
  return ATTRIBUTION_STAGES.filter((_, i) => (mask >> i) & 1).map((s) => s.stage);
}

/**
 * The design-point key of a coalition.
 *
 * @example coalitionKey(0) // => 'stages=none'
 * @example coalitionKey(0b000101) // => 'stages=1+3'
 */
export function coalitionKey(mask: number): string {
  const stages = coalitionStages(mask);
  return `stages=${stages.length === 0 ? 'none' : stages.join('+')}`;
}

/**
 * A coalition's scenario: the scenario with exactly the coalition's stages enabled.
 * Nothing else changes: a disabled stage's programs and gate never switch on (stages.ts).
 */
export function coalitionScenario(scenario: Scenario, mask: number): Scenario {
  const copy = structuredClone(scenario);
  copy.strategy.enabledStages = coalitionStages(mask) as Scenario['strategy']['enabledStages'];
  return copy;
}

/**
 * The scenario of each run of an attribution plan (for the worker pool's `scenarioOf`),
 * built once per coalition.
 */
export function attributionScenarioOf(
  plan: Pick<AttributionPlan, 'scenarios' | 'points' | 'coalitions'>,
): (run: PlannedRun) => Scenario {
  const base = plan.scenarios[0].scenario;
  const maskOf = new Map(plan.points.map((p, i) => [p.key, plan.coalitions[i]]));
  const cache = new Map<number, Scenario>();
  return (run) => {
    const mask = maskOf.get(run.point);
    if (mask === undefined) throw new Error(`attribution plan has no coalition '${run.point}'`);
    let s = cache.get(mask);
    if (!s) {
      s = coalitionScenario(base, mask);
      cache.set(mask, s);
    }
    // Parameters drawn from a posterior (--posterior) are the run's own.
    return Object.keys(run.params).length > 0 ? (scenarioAtPoint(s, run.params) as Scenario) : s;
  };
}

/**
 * Expands an attribution into runs. Pure: no files, no clock.
 *
 * Exact: all 2^6 = 64 coalitions. With `sample` K: K stage orders are drawn (from a
 * stream derived from the base seed) and only the coalitions they visit are run, plus
 * the empty and full ones. Replicate k uses the seed runSeed(baseSeed, '', k) in every
 * coalition (common random numbers), so replicate 0 of the full coalition is the plain
 * `kopsim run` of the scenario with all six stages enabled. Runs go replicate by
 * replicate. Bad indicators, months or sample counts are thrown together in one InputError.
 */
export function planAttribution(request: AttributionRequest): AttributionPlan {
  const problems: InputProblem[] = [];
  const base = request.scenario.scenario;
  const label = request.scenario.id;
  const paths = request.paths ?? {};
  const outputs = analysisOutputs(request.indicators, request.at, base.months, problems, paths.indicators, paths.at);
  const n = ATTRIBUTION_STAGES.length;
  if (request.sample !== undefined && !(Number.isInteger(request.sample) && request.sample >= 1)) {
    problems.push({
      path: paths.sample ?? 'sample',
      message: 'must be a positive integer (the number of stage orders)',
      found: request.sample,
    });
  }
  if (!(Number.isInteger(request.replicates) && request.replicates >= 1))
    problems.push({ path: 'replicates', message: 'must be a positive integer', found: request.replicates });
  if (problems.length > 0) throw new InputError(request.scenario.source, problems);

  const baseSeed = request.seed ?? base.seed;
  let sampling: AttributionSampling = { method: 'exact' };
  let masks = coalitions(n);
  if (request.sample !== undefined) {
    const seed = deriveSeed(baseSeed, 'shapley-permutations');
    const permutations = samplePermutations(n, request.sample, createRng(seed));
    sampling = { method: 'permutation', samples: request.sample, seed, permutations };
    masks = permutationCoalitions(n, permutations);
  }
  const points: DesignPoint[] = masks.map((mask) => ({ key: coalitionKey(mask), params: {} }));
  const runs = analysisRuns(label, points, request.replicates, baseSeed, base.months);
  const body = {
    format: ATTRIBUTION_FORMAT,
    kind: 'attribution' as const,
    name: request.name ?? label,
    description: `Shapley attribution of ${base.name} to its six roadmap stages`,
    baseSeed,
    replicates: request.replicates,
    indicators: [...new Set(outputs.map((o) => o.indicator))],
    outputs,
    stages: ATTRIBUTION_STAGES,
    sampling,
    coalitions: masks,
    bootstrap: bootstrapSettings(request.bootstrap, baseSeed),
    scenarios: [planScenarioOf(label, request.scenario)],
    points,
    runs,
  } satisfies Omit<AttributionPlan, 'hash'>;
  return { ...body, hash: analysisPlanHash(body) };
}
