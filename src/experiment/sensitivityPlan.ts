import { DEFAULT_MAX_WORK, planSizeProblem, runWork } from './planSize.js';
import { InputError, type InputProblem } from '../core/errors.js';
import type { LoadedSensitivity } from '../scenario/loadSensitivity.js';
import { getPath, parsePath } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/schema.js';
import { analysisOutputs, bootstrapSettings, type AnalysisOutput, type BootstrapSettings } from './analysisOutputs.js';
import { analysisRuns } from './analysisRuns.js';
import type { DesignPoint } from './designPoints.js';
import { planHash, planScenarioOf, type PlanScenario, type PlannedRun } from './plan.js';
import { scenarioAtPoint, validationProblem } from './scenarioAtPoint.js';
import { morrisDesign, morrisOptionProblems, type MorrisTrajectory } from './sensitivity/morrisDesign.js';
import { parameterSpaceProblems, type Parameter } from './sensitivity/parameterSpace.js';
import { saltelliDesign, saltelliOptionProblems } from './sensitivity/saltelliDesign.js';

/** Version of the sensitivity plan format; folders of another version are not resumed or merged. */
export const SENSITIVITY_FORMAT = 1;

/** A parameter varied by a sensitivity design; `name` is its scenario field path. */
export interface SensitivityParameter extends Parameter {
  readonly distribution: 'uniform' | 'loguniform';
  /** Values are rounded to whole numbers before they are set (integer fields). */
  readonly integer: boolean;
}

/** A Morris design's structure, as the analysis needs it. */
export interface MorrisPlanDesign {
  readonly method: 'morris';
  /** Seed of the design's draws (base levels, directions, orders). */
  readonly seed: number;
  /** p: grid levels per parameter. */
  readonly levels: number;
  /** Step in the unit cube, p / (2 (p - 1)). */
  readonly delta: number;
  /** r trajectories of D + 1 consecutive points each. */
  readonly trajectories: readonly MorrisTrajectory[];
}

/** A Saltelli design's structure: N groups of `groupSize` consecutive points. */
export interface SobolPlanDesign {
  readonly method: 'sobol';
  /** Seed of the scramble of the Sobol' sequence. */
  readonly seed: number;
  readonly n: number;
  readonly dimensions: number;
  readonly secondOrder: boolean;
  /** D + 2, or 2D + 2 with second order: A, AB_1..AB_D, [BA_1..BA_D], B. */
  readonly groupSize: number;
}

/** A design point: its key (`d<row>`), the values set, and its row in the unit cube. */
export interface SensitivityPoint extends DesignPoint {
  readonly params: Readonly<Record<string, number>>;
  /** The point in the unit cube, one coordinate per parameter. */
  readonly unit: readonly number[];
}

/**
 * An expanded sensitivity experiment: the design, every run (design point x replicate)
 * with its seed, and what to analyse. Deterministic and serialisable (plan.json); it
 * streams, resumes, shards and merges through the same folder code as an experiment plan.
 */
export interface SensitivityPlan {
  readonly format: number;
  readonly kind: 'sensitivity';
  readonly method: 'morris' | 'sobol';
  readonly name: string;
  readonly description: string;
  readonly baseSeed: number;
  readonly replicates: number;
  /** Indicators recorded per run (the analysed ones). */
  readonly indicators: readonly string[];
  readonly outputs: readonly AnalysisOutput[];
  readonly parameters: readonly SensitivityParameter[];
  readonly design: MorrisPlanDesign | SobolPlanDesign;
  readonly bootstrap: BootstrapSettings;
  /** The one scenario, as resolved (the design's values are set on it per run). */
  readonly scenarios: readonly PlanScenario[];
  /** Design points in design order (what the analysis expects). */
  readonly points: readonly SensitivityPoint[];
  readonly runs: readonly PlannedRun[];
  /** sha256 of everything above. */
  readonly hash: string;
}

const MAX_POINT_PROBLEMS = 10;

/**
 * Expands a sensitivity experiment into its design and runs. Pure: no files, no clock.
 *
 * Checks, all reported together with their paths: each parameter names a number field
 * of the scenario, and its min and max each give a valid scenario; the method's settings
 * (r >= 2 and an even p >= 4 for Morris; N a power of two for Sobol); indicators and
 * months; and that every design point gives a valid scenario.
 *
 * Runs go replicate by replicate, and replicate k uses the seed runSeed(baseSeed, '', k)
 * at every design point (common random numbers): differences between points come from
 * the parameters, not from different draws.
 */
export function planSensitivity(loaded: LoadedSensitivity, maxWork = DEFAULT_MAX_WORK): SensitivityPlan {
  const { spec } = loaded;
  const base = loaded.scenario.scenario;
  const label = loaded.scenario.id;
  const problems: InputProblem[] = [];

  const parameters: SensitivityParameter[] = spec.parameters.map((p) => ({
    name: p.path,
    min: p.min,
    max: p.max,
    distribution: p.distribution,
    integer: p.integer,
  }));
  // The space's own rules (a range with min < max, min > 0 for loguniform, no repeats, at least one), in the file's terms.
  const fileTerms = (text: string) => text.replace(/(parameters\[\d+\])\.name/g, '$1.path');
  problems.push(
    ...parameterSpaceProblems(parameters).map((q) => ({
      ...q,
      path: fileTerms(q.path),
      message: fileTerms(q.message),
    })),
  );
  parameters.forEach((p, i) => parameterProblems(p, i, base, label, problems));

  const designSeed = spec.designSeed ?? spec.seed ?? base.seed;
  const morris =
    spec.method === 'morris'
      ? { trajectories: spec.morris?.trajectories ?? 10, levels: spec.morris?.levels ?? 4, seed: designSeed }
      : undefined;
  const sobol =
    spec.method === 'sobol'
      ? { n: spec.sobol?.n ?? 64, secondOrder: spec.sobol?.secondOrder ?? false, seed: designSeed }
      : undefined;
  if (morris) problems.push(...morrisOptionProblems(morris).map((q) => ({ ...q, path: `morris.${q.path}` })));
  if (sobol)
    problems.push(
      ...saltelliOptionProblems(sobol, parameters.length).map((q) => ({
        ...q,
        path: q.path === 'parameters' ? q.path : `sobol.${q.path}`,
      })),
    );

  const outputs = analysisOutputs(spec.indicators, spec.at, base.months, problems);
  if (problems.length > 0) throw new InputError(loaded.source, problems);
  // The design's size, from counts alone: checked before the design is drawn.
  const d = parameters.length;
  const pointCount = morris ? morris.trajectories * (d + 1) : sobol!.n * (sobol!.secondOrder ? 2 * d + 2 : d + 2);
  const sizeProblem = planSizeProblem(
    pointCount * spec.replicates,
    pointCount * spec.replicates * runWork(base, base.months),
    maxWork,
    `${pointCount} design points x ${spec.replicates} replicate${spec.replicates === 1 ? '' : 's'}`,
  );
  if (sizeProblem) throw new InputError(loaded.source, [sizeProblem]);

  let design: MorrisPlanDesign | SobolPlanDesign;
  let unit: number[][];
  let values: number[][];
  if (morris) {
    const d = morrisDesign(parameters, morris);
    design = { method: 'morris', seed: designSeed, levels: d.levels, delta: d.delta, trajectories: d.trajectories };
    unit = d.unit;
    values = d.points;
  } else {
    const d = saltelliDesign(parameters, sobol!);
    design = {
      method: 'sobol',
      seed: designSeed,
      n: d.n,
      dimensions: d.dimensions,
      secondOrder: d.secondOrder,
      groupSize: d.groupSize,
    };
    unit = d.unit;
    values = d.points;
  }
  const width = String(values.length - 1).length;
  const points: SensitivityPoint[] = values.map((row, i) => ({
    key: `d${String(i).padStart(width, '0')}`,
    params: Object.fromEntries(parameters.map((p, j) => [p.name, p.integer ? Math.round(row[j]) : row[j]])),
    unit: unit[i],
  }));
  pointProblems(points, base, label, problems);
  if (problems.length > 0) throw new InputError(loaded.source, problems);

  const baseSeed = spec.seed ?? base.seed;
  const runs = analysisRuns(label, points, spec.replicates, baseSeed, base.months);
  const body = {
    format: SENSITIVITY_FORMAT,
    kind: 'sensitivity' as const,
    method: spec.method,
    name: spec.name,
    description: spec.description,
    baseSeed,
    replicates: spec.replicates,
    indicators: [...new Set(outputs.map((o) => o.indicator))],
    outputs,
    parameters,
    design,
    bootstrap: bootstrapSettings(spec.bootstrap, baseSeed),
    scenarios: [planScenarioOf(label, loaded.scenario)],
    points,
    runs,
  } satisfies Omit<SensitivityPlan, 'hash'>;
  return { ...body, hash: analysisPlanHash(body) };
}

/** sha256 (hex) of a sensitivity or attribution plan without its hash: computed as an experiment plan's. */
export const analysisPlanHash: (plan: object) => string = planHash;

function parameterProblems(
  p: SensitivityParameter,
  i: number,
  scenario: Scenario,
  label: string,
  problems: InputProblem[],
): void {
  const at = `parameters[${i}]`;
  const path = parsePath(p.name);
  if (!path) return; // the schema reported it
  const existing = getPath(scenario, path);
  if (existing === undefined) {
    problems.push({
      path: `${at}.path`,
      message: `is not a field of scenario ${label} (kopsim schema lists the fields)`,
      found: p.name,
    });
    return;
  }
  if (existing !== null && typeof existing === 'object') {
    problems.push({
      path: `${at}.path`,
      message: `is a group of fields in scenario ${label}, not a parameter: name one of its fields`,
      found: p.name,
    });
    return;
  }
  if (existing !== null && typeof existing !== 'number') {
    problems.push({
      path: `${at}.path`,
      message: `is not a number field (scenario ${label} has ${JSON.stringify(existing)} there): only numbers can be varied over a range`,
      found: p.name,
    });
    return;
  }
  for (const end of ['min', 'max'] as const) {
    const value = p.integer ? Math.round(p[end]) : p[end];
    const problem = validationProblem(scenarioAtPoint(scenario, { [p.name]: value }), label);
    if (problem) problems.push({ path: `${at}.${end}`, message: problem, found: p[end] });
  }
}

function pointProblems(
  points: readonly SensitivityPoint[],
  scenario: Scenario,
  label: string,
  problems: InputProblem[],
): void {
  let count = 0;
  for (const pt of points) {
    const problem = validationProblem(scenarioAtPoint(scenario, pt.params), label);
    if (!problem) continue;
    count++;
    if (count <= MAX_POINT_PROBLEMS)
      problems.push({
        path: `design point ${pt.key} (${Object.entries(pt.params)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')})`,
        message: problem,
      });
  }
  if (count > MAX_POINT_PROBLEMS)
    problems.push({ path: 'design', message: `and ${count - MAX_POINT_PROBLEMS} more invalid points` });
}
