import { DEFAULT_MAX_WORK, planSizeProblem, runWork } from './planSize.js';
import { InputError, type InputProblem } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { deriveSeed } from '../core/seed.js';
import { STAGES } from '../model/params.js';
import { scenarioAtPoint } from './scenarioAtPoint.js';
import { STAGE_NAMES } from '../model/stages.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import type { AnalysisMonth } from '../scenario/sensitivitySchema.js';
import { analysisOutputs, type AnalysisOutput } from './analysisOutputs.js';
import { analysisRuns } from './analysisRuns.js';
import type { DesignPoint } from './designPoints.js';
import { planScenarioOf, type PlanScenario, type PlannedRun } from './plan.js';
import { analysisPlanHash } from './sensitivityPlan.js';
import { coalitions, samplePermutations } from './sensitivity/shapley.js';
import { neededCoalitions } from './sensitivity/shapleyReplicates.js';

/** Version of the attribution plan format. */
export const ATTRIBUTION_FORMAT = 2;

/** How a coalition's scenario leaves out the stages outside it (`kopsim attribute --design`). */
export type AttributionDesign = 'programmes' | 'roadmap' | 'scheduled';

/** The designs, the default first. */
export const ATTRIBUTION_DESIGNS: readonly AttributionDesign[] = ['programmes', 'roadmap', 'scheduled'];

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
  /** How a coalition leaves out stages (default: programmes). */
  readonly design?: AttributionDesign;
  /** Base seed (default: the scenario's). */
  readonly seed?: number;
  readonly indicators: readonly string[];
  readonly at: readonly AnalysisMonth[];
  /** K: estimate from K random stage orders instead of all coalitions. */
  readonly sample?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Where command-line values came from, for problem paths. */
  readonly paths?: {
    readonly indicators?: string;
    readonly at?: string;
    readonly sample?: string;
    readonly design?: string;
  };
  /** Cap on the plan's household-months (default {@link DEFAULT_MAX_WORK}). */
  readonly maxWork?: number;
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
  readonly design: AttributionDesign;
  readonly indicators: readonly string[];
  readonly outputs: readonly AnalysisOutput[];
  readonly stages: typeof ATTRIBUTION_STAGES;
  readonly sampling: AttributionSampling;
  /** Coalition masks run, ascending (all 64, or those the sampled orders visit plus each stage alone and all but each). */
  readonly coalitions: readonly number[];
  /** Confidence level of the intervals (t over replicates). */
  readonly level: number;
  /** The scenario as resolved; a coalition's scenario is it with the stages outside the coalition left out as `design` says. */
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
 * A coalition's scenario. Design `roadmap`: exactly the coalition's stages enabled (a
 * disabled stage never starts, its gate never switches on). Designs `programmes` and
 * `scheduled`: every stage keeps its timeline, the stages outside the coalition are inert
 * (their programmes do nothing); `programmes` adds the full run's timeline per replicate
 * (see {@link attributionScenarioOf}).
 */
export function coalitionScenario(scenario: Scenario, mask: number, design: AttributionDesign = 'roadmap'): Scenario {
  const copy = structuredClone(scenario);
  const inside = coalitionStages(mask) as Scenario['strategy']['enabledStages'];
  if (design === 'roadmap') copy.strategy.enabledStages = inside;
  else copy.strategy.inertStages = STAGES.filter((k) => !inside.includes(k));
  return copy;
}

/** What a worker needs to build a run's scenario (see RunTask). */
export interface RunScenario {
  readonly scenario: Scenario;
  /** When given, the run first simulates this scenario on its own seed and imposes that run's stage months. */
  readonly timelineFrom?: Scenario;
}

/**
 * The scenario of each run of an attribution plan (for the worker pool's `scenarioOf`),
 * built once per coalition. In the `programmes` design each run also names the full
 * scenario, whose run on the same seed gives the timeline imposed on the coalition.
 */
export function attributionScenarioOf(
  plan: Pick<AttributionPlan, 'scenarios' | 'points' | 'coalitions' | 'design'>,
): (run: PlannedRun) => RunScenario {
  const base = plan.scenarios[0].scenario;
  const maskOf = new Map(plan.points.map((p, i) => [p.key, plan.coalitions[i]]));
  const cache = new Map<number, Scenario>();
  return (run) => {
    const mask = maskOf.get(run.point);
    if (mask === undefined) throw new Error(`attribution plan has no coalition '${run.point}'`);
    let s = cache.get(mask);
    if (!s) {
      s = coalitionScenario(base, mask, plan.design);
      cache.set(mask, s);
    }
    // Parameters drawn from a posterior (--posterior) are the run's own, in the coalition
    // and in the full run whose timeline it takes.
    const drawn = Object.keys(run.params).length > 0;
    const scenario = drawn ? (scenarioAtPoint(s, run.params) as Scenario) : s;
    if (plan.design !== 'programmes') return { scenario };
    return { scenario, timelineFrom: drawn ? (scenarioAtPoint(base, run.params) as Scenario) : base };
  };
}

/**
 * Expands an attribution into runs. Pure: no files, no clock.
 *
 * Exact: all 2^6 = 64 coalitions. With `sample` K: K stage orders are drawn (from a
 * stream derived from the base seed) and only the coalitions they visit are run, plus
 * the empty and full ones, each stage alone and all but each (for the add-one and
 * leave-one-out effects). Replicate k uses the seed runSeed(baseSeed, '', k) in every
 * coalition (common random numbers), so replicate 0 of the full coalition is the plain
 * `kopsim run` of the scenario with all six stages enabled. Runs go replicate by
 * replicate. Bad indicators, months or sample counts are thrown together in one InputError.
 */
/** Most stage orders sampled. */
const MAX_STAGE_ORDERS = 100_000;

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
  const design = request.design ?? 'programmes';
  if (!ATTRIBUTION_DESIGNS.includes(design))
    problems.push({
      path: paths.design ?? 'design',
      message: `must be one of ${ATTRIBUTION_DESIGNS.join(', ')}`,
      found: design,
    });
  if (design === 'scheduled' && base.strategy.mode !== 'scheduled' && !base.strategy.timeline)
    problems.push({
      path: paths.design ?? 'design',
      message:
        'scheduled needs a timeline: set strategy.timeline (per region) or strategy.mode scheduled with strategy.schedule',
      found: design,
    });
  if (request.sample !== undefined && request.sample > MAX_STAGE_ORDERS)
    problems.push({
      path: paths.sample ?? 'sample',
      message: `must be at most ${MAX_STAGE_ORDERS} (720 orders of 6 stages exist; sampling more is the exact method)`,
      found: request.sample,
    });
  if (!(Number.isInteger(request.replicates) && request.replicates >= 1))
    problems.push({ path: 'replicates', message: 'must be a positive integer', found: request.replicates });
  // At most 2^6 coalitions are run, whatever the sampling: the size is checked before any is drawn.
  const sizeProblem = planSizeProblem(
    2 ** n * request.replicates,
    2 ** n * request.replicates * runWork(base, base.months),
    request.maxWork ?? DEFAULT_MAX_WORK,
    `up to ${2 ** n} coalitions x ${request.replicates} replicates`,
  );
  if (sizeProblem) problems.push(sizeProblem);
  if (problems.length > 0) throw new InputError(request.scenario.source, problems);

  const baseSeed = request.seed ?? base.seed;
  let sampling: AttributionSampling = { method: 'exact' };
  let masks = coalitions(n);
  if (request.sample !== undefined) {
    const seed = deriveSeed(baseSeed, 'shapley-permutations');
    const permutations = samplePermutations(n, request.sample, createRng(seed));
    sampling = { method: 'permutation', samples: request.sample, seed, permutations };
    masks = neededCoalitions(n, permutations);
  }
  const points: DesignPoint[] = masks.map((mask) => ({ key: coalitionKey(mask), params: {} }));
  const runs = analysisRuns(label, points, request.replicates, baseSeed, base.months);
  const body = {
    format: ATTRIBUTION_FORMAT,
    kind: 'attribution' as const,
    name: request.name ?? label,
    description: `Shapley attribution of ${base.name} to its six roadmap stages (design ${design})`,
    baseSeed,
    replicates: request.replicates,
    design,
    indicators: [...new Set(outputs.map((o) => o.indicator))],
    outputs,
    stages: ATTRIBUTION_STAGES,
    sampling,
    coalitions: masks,
    level: request.level ?? 0.95,
    scenarios: [planScenarioOf(label, request.scenario)],
    points,
    runs,
  } satisfies Omit<AttributionPlan, 'hash'>;
  return { ...body, hash: analysisPlanHash(body) };
}
