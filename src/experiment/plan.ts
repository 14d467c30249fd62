import { DEFAULT_MAX_WORK, planSizeProblem, runWork } from './planSize.js';
import { createHash } from 'node:crypto';
import { InputError, type InputProblem } from '../core/errors.js';
import { runSeed } from '../core/seed.js';
import { indicatorById, KEY_INDICATORS } from '../indicators/registry.js';
import type { SweepParameter } from '../scenario/experimentSchema.js';
import type { LoadedExperiment } from '../scenario/loadExperiment.js';
import type { LoadedScenario } from '../scenario/load.js';
import { getPath, parsePath } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/schema.js';
import {
  BASE_POINT,
  factorialPoints,
  latinHypercubePoints,
  parameterValues,
  type DesignPoint,
} from './designPoints.js';
import { scenarioAtPoint, validationProblem } from './scenarioAtPoint.js';
import { stableStringify } from './stableStringify.js';

/** Version of the plan and results format; folders of another version are not resumed or merged. */
export const PLAN_FORMAT = 1;

/** One run of an experiment: a scenario at a design point, one replicate. */
export interface PlannedRun {
  /** Position in the plan; shards, resume and the final order of runs.jsonl go by it. */
  readonly index: number;
  /** Stable id: `<scenario>/<point or base>/<replicate>`. */
  readonly key: string;
  /** The scenario's label in this experiment. */
  readonly scenario: string;
  /** The design point's key ('' without a sweep). */
  readonly point: string;
  /** The design point's parameter values. */
  readonly params: DesignPoint['params'];
  /** Replicate number, from 0. */
  readonly replicate: number;
  /** runSeed(baseSeed, point, replicate): the same for every scenario (common random numbers). */
  readonly seed: number;
  /** Months simulated. */
  readonly months: number;
}

/** A scenario as run in an experiment (before a sweep's parameters are applied). */
export interface PlanScenario {
  readonly label: string;
  readonly id: string;
  readonly name: string;
  readonly strategy: string;
  readonly months: number;
  /** The resolved scenario (extends, file `set`, `--set` and months applied). */
  readonly scenario: Scenario;
}

/**
 * An expanded experiment: everything needed to run it, resume it, run a shard of it,
 * merge shards and summarise it. Serialisable (plan.json) and deterministic: the same
 * input gives the same plan and the same hash on every machine.
 */
export interface ExperimentPlan {
  readonly format: number;
  readonly name: string;
  readonly kind: 'replicate' | 'compare' | 'sweep';
  readonly description: string;
  readonly baseSeed: number;
  readonly replicates: number;
  /** Indicators recorded per run and summarised (total scope). */
  readonly indicators: readonly string[];
  /** Months at which comparisons are reported besides the final month, sorted. */
  readonly reportMonths: readonly number[];
  /** Label of the scenario differences are taken from, or null. */
  readonly baseline: string | null;
  readonly design: 'none' | 'factorial' | 'latin-hypercube';
  readonly parameters: readonly SweepParameter[];
  readonly scenarios: readonly PlanScenario[];
  readonly points: readonly DesignPoint[];
  readonly runs: readonly PlannedRun[];
  /** sha256 of everything above: shards and resumed folders must carry the same. */
  readonly hash: string;
}

/**
 * What running a plan's runs needs of it: its scenarios and the indicators to record.
 * Sensitivity and attribution plans (sensitivityPlan.ts, attributionPlan.ts) have these
 * too, and run through the same worker pool and folders.
 */
export type RunnablePlan = Pick<ExperimentPlan, 'scenarios' | 'indicators'>;

/** The run key: `<scenario>/<point or base>/<replicate>`. */
export function runKey(scenario: string, point: string, replicate: number): string {
  return `${scenario}/${point === '' ? 'base' : point}/${replicate}`;
}

const MAX_POINT_PROBLEMS = 10;

/**
 * Expands an experiment into its runs. Pure: no files, no clock. The order is replicate,
 * then design point, then scenario, so that the first runs of any prefix of the plan
 * (an interrupted run, one shard) already hold complete pairs for comparison.
 *
 * Checks what needs the loaded scenarios: indicator ids, report months within the run,
 * equal months for paired comparisons, and for a sweep that every parameter path names
 * a scenario field and every value and point gives a valid scenario. All problems are
 * thrown together in one InputError with their paths.
 */
export function planExperiment(loaded: LoadedExperiment, maxWork = DEFAULT_MAX_WORK): ExperimentPlan {
  const { experiment, scenarios } = loaded;
  const problems: InputProblem[] = [];

  const indicators = experiment.indicators ?? KEY_INDICATORS;
  const seenIndicator = new Map<string, number>();
  indicators.forEach((id, i) => {
    if (!indicatorById(id))
      problems.push({
        path: `indicators[${i}]`,
        message: 'is not an indicator (kopsim schema lists them in docs/ODD.md)',
        found: id,
      });
    else if (seenIndicator.has(id))
      problems.push({
        path: `indicators[${i}]`,
        message: `duplicates indicators[${seenIndicator.get(id)}]`,
        found: id,
      });
    else seenIndicator.set(id, i);
  });

  const planScenarios: PlanScenario[] = scenarios.map((s) => planScenarioOf(s.label, s.loaded));
  const shortest = Math.min(...planScenarios.map((s) => s.months));
  if (loaded.baseline !== null && planScenarios.some((s) => s.months !== planScenarios[0].months)) {
    problems.push({
      path: 'months',
      message: `compared scenarios must run for the same months; they run for ${planScenarios.map((s) => `${s.label} ${s.months}`).join(', ')}: set months`,
    });
  }
  experiment.reportMonths.forEach((m, i) => {
    if (m > shortest)
      problems.push({
        path: `reportMonths[${i}]`,
        message: `is after the last simulated month (${shortest})`,
        found: m,
      });
  });

  let points: DesignPoint[] = [BASE_POINT];
  const sweep = experiment.sweep;
  // The plan's size, from counts alone: checked before any list of points or runs is built.
  const pointCount = !sweep
    ? 1
    : sweep.design === 'factorial'
      ? sweep.parameters.reduce((n, p) => n * (p.values?.length ?? p.steps ?? 1), 1)
      : (sweep.points ?? 1);
  const perPoint = planScenarios.reduce((sum, s) => sum + runWork(s.scenario, s.months), 0);
  const sizeProblem = planSizeProblem(
    experiment.replicates * pointCount * planScenarios.length,
    experiment.replicates * pointCount * perPoint,
    maxWork,
    `${planScenarios.length} scenario${planScenarios.length === 1 ? '' : 's'} x ${pointCount} design point${pointCount === 1 ? '' : 's'} x ${experiment.replicates} replicates`,
  );
  // Checking a sweep's values builds them: not for a plan too large to build.
  if (sizeProblem) throw new InputError(loaded.source, [...problems, sizeProblem]);
  if (sweep) {
    const before = problems.length;
    sweep.parameters.forEach((p, i) => parameterProblems(p, i, sweep.design, planScenarios, problems));
    if (problems.length === before) {
      points =
        sweep.design === 'factorial'
          ? factorialPoints(sweep.parameters)
          : latinHypercubePoints(sweep.parameters, sweep.points!, sweep.seed ?? baseSeedOf(loaded));
      pointProblems(points, planScenarios, problems);
    }
  }
  if (problems.length > 0) throw new InputError(loaded.source, problems);

  const baseSeed = baseSeedOf(loaded);
  const runs: PlannedRun[] = [];
  for (let r = 0; r < experiment.replicates; r++) {
    for (const pt of points) {
      const seed = runSeed(baseSeed, pt.key, r);
      for (const s of planScenarios) {
        const months = typeof pt.params.months === 'number' ? pt.params.months : s.months;
        runs.push({
          index: runs.length,
          key: runKey(s.label, pt.key, r),
          scenario: s.label,
          point: pt.key,
          params: pt.params,
          replicate: r,
          seed,
          months,
        });
      }
    }
  }
  const body = {
    format: PLAN_FORMAT,
    name: experiment.name,
    kind: experiment.kind,
    description: experiment.description,
    baseSeed,
    replicates: experiment.replicates,
    indicators: [...indicators],
    reportMonths: [...new Set(experiment.reportMonths)].sort((a, b) => a - b),
    baseline: loaded.baseline,
    design: sweep ? sweep.design : 'none',
    parameters: sweep ? sweep.parameters : [],
    scenarios: planScenarios,
    points,
    runs,
  } satisfies Omit<ExperimentPlan, 'hash'>;
  return { ...body, hash: planHash(body) };
}

/** The base seed: the experiment's, else the first scenario's. */
function baseSeedOf(loaded: LoadedExperiment): number {
  return loaded.experiment.seed ?? loaded.scenarios[0].loaded.scenario.seed;
}

/** sha256 (hex) of a plan (experiment, sensitivity or attribution) without its hash, over JSON with sorted keys. */
export function planHash(plan: object): string {
  const { hash: _ignored, ...body } = plan as { hash?: string };
  return createHash('sha256').update(stableStringify(body)).digest('hex');
}

/**
 * The scenario one run simulates: its scenario with the design point's values set. The
 * plan has validated every point, and sweep values are plain JSON scalars, so setting
 * them gives exactly the validated scenario.
 */
export function scenarioForRun(plan: RunnablePlan, run: PlannedRun): Scenario {
  const base = plan.scenarios.find((s) => s.label === run.scenario);
  if (!base) throw new Error(`plan has no scenario '${run.scenario}'`);
  if (Object.keys(run.params).length === 0) return base.scenario;
  return scenarioAtPoint(base.scenario, run.params) as Scenario;
}

/** A scenario as a plan records it, under its label in the plan. */
export function planScenarioOf(label: string, loaded: LoadedScenario): PlanScenario {
  const { scenario } = loaded;
  return {
    label,
    id: loaded.id,
    name: scenario.name,
    strategy: scenario.strategy.name,
    months: scenario.months,
    scenario,
  };
}

function parameterProblems(
  p: SweepParameter,
  i: number,
  design: string,
  scenarios: readonly PlanScenario[],
  problems: InputProblem[],
): void {
  const at = `sweep.parameters[${i}]`;
  const path = parsePath(p.path)!;
  for (const s of scenarios) {
    const existing = getPath(s.scenario, path);
    if (existing === undefined) {
      problems.push({
        path: `${at}.path`,
        message: `is not a field of scenario ${s.label} (see kopsim schema)`,
        found: p.path,
      });
      return;
    }
    if (existing !== null && typeof existing === 'object') {
      problems.push({
        path: `${at}.path`,
        message: `is a group of fields in scenario ${s.label}, not a parameter: name one of its fields`,
        found: p.path,
      });
      return;
    }
  }
  // Each value alone must give a valid scenario; a range is checked at both ends (and a
  // factorial range at every step).
  const candidates: [string, number | string | boolean | null][] =
    p.values !== undefined
      ? p.values.map((v, j) => [`${at}.values[${j}]`, v])
      : design === 'factorial'
        ? parameterValues(p).map((v, k, all) => [
            k === 0 ? `${at}.from` : k === all.length - 1 ? `${at}.to` : `${at}.steps`,
            v,
          ])
        : [
            [`${at}.from`, p.from!],
            [`${at}.to`, p.to!],
          ];
  for (const [where, value] of candidates) {
    for (const s of scenarios) {
      const problem = validationProblem(scenarioAtPoint(s.scenario, { [p.path]: value }), s.label);
      if (problem) {
        problems.push({ path: where, message: problem, found: value });
        break;
      }
    }
  }
}

function pointProblems(
  points: readonly DesignPoint[],
  scenarios: readonly PlanScenario[],
  problems: InputProblem[],
): void {
  let count = 0;
  const seen = new Set<string>();
  for (const [k, pt] of points.entries()) {
    if (seen.has(pt.key)) {
      problems.push({ path: `sweep (point ${k})`, message: 'duplicates an earlier point', found: pt.key });
      continue;
    }
    seen.add(pt.key);
    for (const s of scenarios) {
      const problem = validationProblem(scenarioAtPoint(s.scenario, pt.params), s.label);
      if (!problem) continue;
      count++;
      if (count <= MAX_POINT_PROBLEMS) problems.push({ path: `sweep (point ${k}: ${pt.key})`, message: problem });
    }
  }
  if (count > MAX_POINT_PROBLEMS)
    problems.push({ path: 'sweep', message: `and ${count - MAX_POINT_PROBLEMS} more invalid points` });
}
