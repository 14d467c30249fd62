import { InputError, type InputProblem } from '../../core/errors.js';
import { runSeed } from '../../core/seed.js';
import { indicatorById } from '../../indicators/registry.js';
import type { CalibrationParameterSpec, CalibrationTargetSpec } from '../../scenario/calibrationSchema.js';
import type { LoadedCalibration } from '../../scenario/loadCalibration.js';
import { getPath, parsePath } from '../../scenario/overrides.js';
import { planHash, planScenarioOf, runKey, type PlannedRun, type PlanScenario } from '../plan.js';
import { scenarioAtPoint, validationProblem } from '../scenarioAtPoint.js';
import type { AbcSettings } from './abcSmc.js';
import type { Prior } from './prior.js';

/** Version of the calibration plan format; folders of another version are not resumed. */
export const CALIBRATION_FORMAT = 1;

/** A free parameter: its scenario field path, prior and why. */
export interface CalibrationParameter {
  readonly path: string;
  readonly prior: Prior;
  readonly source: string;
}

/** A statistic matched: what was observed, its distance unit, and the simulation that produces it. */
export interface CalibrationTarget {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  /** The observed value, or null when a band is given. */
  readonly observed: number | null;
  /** An observed range: inside it the deviation is 0. */
  readonly band: readonly [number, number] | null;
  /** The distance unit: the standard error or the tolerance. */
  readonly scale: number;
  readonly scaleKind: 'standardError' | 'tolerance';
  readonly scenario: string;
  readonly indicator: string;
  /** When set, the statistic is the indicator's sum over the window over this indicator's sum (a ratio of sums). */
  readonly per: string | null;
  /** Months averaged (or summed, with `per`): [m, m] for a single month. */
  readonly window: readonly [number, number];
  readonly regions: 'total';
  readonly seeds: 'mean' | 'median';
}

/** A target recorded but not matched yet (e.g. its indicator does not exist yet). */
export interface PendingTarget {
  readonly name: string;
  readonly source: string;
  readonly observed: number | null;
  readonly band: readonly [number, number] | null;
  readonly pending: string;
}

/**
 * An expanded calibration: the sampler's settings, the free parameters, the targets and
 * the scenarios that produce them. Deterministic and serialisable (calibration.json); its
 * hash identifies the calibration, so a folder is resumed only by the same one.
 */
export interface CalibrationPlan {
  readonly format: number;
  readonly kind: 'calibration';
  readonly name: string;
  readonly description: string;
  readonly method: 'abc-smc' | 'rejection';
  readonly baseSeed: number;
  /** Seeds per particle; replicate k has the seed runSeed(baseSeed, '', k) for every particle. */
  readonly replicates: number;
  readonly settings: AbcSettings;
  readonly parameters: readonly CalibrationParameter[];
  readonly targets: readonly CalibrationTarget[];
  readonly pending: readonly PendingTarget[];
  readonly scenarios: readonly PlanScenario[];
  /** Indicators recorded per run: those the targets need. */
  readonly indicators: readonly string[];
  readonly hash: string;
}

/**
 * Expands a loaded targets file into a calibration plan. Pure. Checks what needs the
 * scenarios, all reported together with their paths: each parameter names a number field
 * of every scenario and its bounds give valid scenarios; each target's indicator exists.
 */
export function planCalibration(loaded: LoadedCalibration): CalibrationPlan {
  const { spec } = loaded;
  const problems: InputProblem[] = [];
  const scenarios = loaded.scenarios.map((s) => planScenarioOf(s.label, s.loaded));
  spec.parameters.forEach((p, i) => parameterProblems(p, i, scenarios, problems));
  const targets: CalibrationTarget[] = [];
  const pending: PendingTarget[] = [];
  spec.targets.forEach((t, i) => {
    if (t.pending !== undefined) {
      pending.push({
        name: t.name,
        source: t.source,
        observed: t.observed ?? null,
        band: t.band ?? null,
        pending: t.pending,
      });
      return;
    }
    for (const key of ['indicator', 'per'] as const)
      if (t[key] !== undefined && !indicatorById(t[key]))
        problems.push({
          path: `targets[${i}].${key}`,
          message: 'is not an indicator (docs/ODD.md lists them); mark the target pending if it needs a new one',
          found: t[key],
        });
    targets.push(targetOf(t));
  });
  if (problems.length > 0) throw new InputError(loaded.source, problems);

  const baseSeed = spec.seed ?? scenarios[0].scenario.seed;
  const particles = spec.particles;
  const body = {
    format: CALIBRATION_FORMAT,
    kind: 'calibration' as const,
    name: spec.name,
    description: spec.description,
    method: spec.method,
    baseSeed,
    replicates: spec.replicates,
    settings: {
      particles,
      proposals: spec.proposals ?? 2 * particles,
      generations: spec.method === 'rejection' ? 1 : spec.generations,
      minAcceptance: spec.minAcceptance,
    },
    parameters: spec.parameters.map(parameterOf),
    targets,
    pending,
    scenarios,
    indicators: [...new Set(targets.flatMap((t) => (t.per ? [t.indicator, t.per] : [t.indicator])))],
  } satisfies Omit<CalibrationPlan, 'hash'>;
  return { ...body, hash: planHash(body) };
}

/** The priors, in parameter order. */
export function priorsOf(plan: Pick<CalibrationPlan, 'parameters'>): Prior[] {
  return plan.parameters.map((p) => p.prior);
}

/**
 * One batch of proposals as a plan of runs (plan.json of its folder): a generation
 * (`g<t>`) or the posterior predictive draws (`pp`). Replicate by replicate, proposal by
 * proposal, each scenario; proposal i's design point is `<batch>p<i>` with its parameter
 * values. It streams, resumes, shards and merges like any experiment plan.
 */
export interface GenerationPlan {
  readonly format: number;
  readonly kind: 'calibration-generation';
  readonly name: string;
  readonly calibrationHash: string;
  /** `g<t>` or `pp`. */
  readonly batch: string;
  readonly baseSeed: number;
  readonly proposals: number;
  readonly scenarios: readonly PlanScenario[];
  readonly indicators: readonly string[];
  readonly runs: readonly PlannedRun[];
  readonly hash: string;
}

/**
 * The plan of one batch of parameter vectors. Pure. With `common` seeds, replicate k has
 * the seed runSeed(baseSeed, '', k) for every proposal (common random numbers: the
 * distances of two particles differ by their parameters, not by their luck), as in every
 * generation; otherwise each proposal has its own seeds (the predictive draws, whose
 * spread must include the stochastic noise).
 */
export function generationPlan(
  plan: CalibrationPlan,
  batch: string,
  proposals: readonly (readonly number[])[],
  seeds: 'common' | 'own' = 'common',
): GenerationPlan {
  const width = String(Math.max(0, proposals.length - 1)).length;
  const runs: PlannedRun[] = [];
  for (let r = 0; r < plan.replicates; r++) {
    proposals.forEach((theta, i) => {
      const point = `${batch}p${String(i).padStart(width, '0')}`;
      const seed = runSeed(plan.baseSeed, seeds === 'common' ? '' : point, r);
      const params = Object.fromEntries(plan.parameters.map((p, k) => [p.path, theta[k]]));
      for (const s of plan.scenarios)
        runs.push({
          index: runs.length,
          key: runKey(s.label, point, r),
          scenario: s.label,
          point,
          params,
          replicate: r,
          seed,
          months: s.months,
        });
    });
  }
  const body = {
    format: CALIBRATION_FORMAT,
    kind: 'calibration-generation' as const,
    name: `${plan.name}-${batch}`,
    calibrationHash: plan.hash,
    batch,
    baseSeed: plan.baseSeed,
    proposals: proposals.length,
    scenarios: plan.scenarios,
    indicators: plan.indicators,
    runs,
  } satisfies Omit<GenerationPlan, 'hash'>;
  return { ...body, hash: planHash(body) };
}

/** Where run `index` of a generation plan sits: its proposal, scenario position and replicate. */
export function runPlace(
  plan: Pick<CalibrationPlan, 'scenarios'>,
  proposals: number,
  index: number,
): { proposal: number; scenario: number; replicate: number } {
  const s = plan.scenarios.length;
  return {
    scenario: index % s,
    proposal: Math.floor(index / s) % proposals,
    replicate: Math.floor(index / (s * proposals)),
  };
}

function parameterOf(p: CalibrationParameterSpec): CalibrationParameter {
  const prior: Prior =
    p.distribution === 'normal'
      ? { distribution: 'normal', mean: p.mean!, sd: p.sd!, min: p.min, max: p.max }
      : p.distribution === 'beta'
        ? { distribution: 'beta', a: p.a!, b: p.b!, min: p.min!, max: p.max! }
        : { distribution: p.distribution, min: p.min!, max: p.max! };
  return { path: p.path, prior, source: p.source };
}

function targetOf(t: CalibrationTargetSpec): CalibrationTarget {
  return {
    name: t.name,
    description: t.description,
    source: t.source,
    observed: t.observed ?? null,
    band: t.band ?? null,
    scale: (t.standardError ?? t.tolerance)!,
    scaleKind: t.standardError !== undefined ? 'standardError' : 'tolerance',
    scenario: t.scenario!,
    indicator: t.indicator!,
    per: t.per ?? null,
    window: t.window ?? [t.month!, t.month!],
    regions: t.regions,
    seeds: t.seeds,
  };
}

function parameterProblems(
  p: CalibrationParameterSpec,
  i: number,
  scenarios: readonly PlanScenario[],
  problems: InputProblem[],
): void {
  const at = `parameters[${i}]`;
  const path = parsePath(p.path);
  if (!path) return; // the schema reported it
  for (const s of scenarios) {
    const existing = getPath(s.scenario, path);
    if (typeof existing !== 'number') {
      problems.push({
        path: `${at}.path`,
        message:
          existing === undefined
            ? `is not a field of scenario ${s.label} (kopsim schema lists the fields)`
            : `is not a number field of scenario ${s.label}: only numbers can be calibrated`,
        found: p.path,
      });
      return;
    }
    const ends: [string, number][] =
      p.distribution === 'normal'
        ? [
            ['min', p.min ?? p.mean! - 3 * p.sd!],
            ['max', p.max ?? p.mean! + 3 * p.sd!],
          ]
        : [
            ['min', p.min!],
            ['max', p.max!],
          ];
    for (const [end, value] of ends) {
      const problem = validationProblem(scenarioAtPoint(s.scenario, { [p.path]: value }), s.label);
      if (problem) {
        problems.push({ path: `${at}.${p[end as 'min'] === undefined ? 'sd' : end}`, message: problem, found: value });
        return;
      }
    }
  }
}
