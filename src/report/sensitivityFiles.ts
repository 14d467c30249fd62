import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from './csvText.js';
import { InputError } from '../core/errors.js';
import type { AttributionResult } from '../experiment/attributionAnalysis.js';
import type { AttributionPlan } from '../experiment/attributionPlan.js';
import type { SensitivityResult } from '../experiment/sensitivityAnalysis.js';
import type { SensitivityPlan } from '../experiment/sensitivityPlan.js';
import { writeFileAtomically } from './atomicFolder.js';
import { EXPERIMENT_FILES, readPlanFile, readRunLines } from './experimentFolder.js';
import { experimentJson } from './experimentJson.js';

/**
 * The files of a sensitivity or attribution folder, besides an experiment folder's
 * plan.json, manifest.json, runs.jsonl, failures.jsonl, charts/ and report.html.
 * - design.csv, design.json: the design (points in the unit cube and in parameter
 *   values; or the coalitions of stages), written when the folder is created
 * - seeds.csv: the seed of each replicate (the same at every design point)
 * - permutations.csv: the sampled stage orders (attribution with --sample)
 * - outputs.csv: each design point's outputs, averaged over replicates (what the
 *   indices are computed from)
 * - indices.csv, indices.json (+ indices-s2.csv): Morris or Sobol' indices
 * - shapley.csv, shapley.json, coalitions.csv: the attribution and each coalition's mean
 */
export const ANALYSIS_FILES = {
  designCsv: 'design.csv',
  designJson: 'design.json',
  seeds: 'seeds.csv',
  permutations: 'permutations.csv',
  outputs: 'outputs.csv',
  indicesCsv: 'indices.csv',
  indicesJson: 'indices.json',
  secondOrderCsv: 'indices-s2.csv',
  shapleyCsv: 'shapley.csv',
  shapleyJson: 'shapley.json',
  coalitionsCsv: 'coalitions.csv',
} as const;

/** A plan `kopsim analyze` understands. */
export type AnalysisPlan = SensitivityPlan | AttributionPlan;
/** What analysing one gives. */
export type AnalysisResult = SensitivityResult | AttributionResult;

/** Whether a plan read from a folder is a sensitivity or attribution plan (not an experiment's). */
export function isAnalysisPlan(plan: { kind?: unknown }): plan is AnalysisPlan {
  return plan.kind === 'sensitivity' || plan.kind === 'attribution';
}

/** A number for CSV: shortest round-trip text; empty for NaN. */
function num(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}

/** design.csv of a sensitivity plan: one row per point, its place in the design, unit-cube coordinates and values. */
export function sensitivityDesignCsv(plan: SensitivityPlan): string {
  const names = plan.parameters.map((p) => p.name);
  const d = plan.design;
  const place: string[][] = plan.points.map(() => []);
  let header: string[];
  if (d.method === 'morris') {
    header = ['point', 'trajectory', 'step', 'moved', 'direction'];
    d.trajectories.forEach((tr, t) => {
      place[tr.start] = [String(t), '0', '', ''];
      tr.order.forEach((i, k) => {
        place[tr.start + k + 1] = [String(t), String(k + 1), names[i], tr.direction[i] > 0 ? '+' : '-'];
      });
    });
  } else {
    header = ['point', 'group', 'block'];
    const blocks = ['A', ...names.map((n) => `AB:${n}`), ...(d.secondOrder ? names.map((n) => `BA:${n}`) : []), 'B'];
    plan.points.forEach((_, i) => {
      place[i] = [String(Math.floor(i / d.groupSize)), blocks[i % d.groupSize]];
    });
  }
  const rows = [
    [...header, ...names.map((n) => `unit:${n}`), ...names],
    ...plan.points.map((pt, i) => [pt.key, ...place[i], ...pt.unit.map(num), ...names.map((n) => num(pt.params[n]))]),
  ];
  return csvText(rows);
}

/** design.csv of an attribution plan: one row per coalition run, with a 0/1 column per stage. */
export function attributionDesignCsv(plan: AttributionPlan): string {
  const rows = [
    ['point', 'mask', ...plan.stages.map((s) => `stage${s.stage}`)],
    ...plan.coalitions.map((mask, i) => [
      plan.points[i].key,
      String(mask),
      ...plan.stages.map((_, k) => String((mask >> k) & 1)),
    ]),
  ];
  return csvText(rows);
}

/** design.json: the design as data (parameters or stages, settings, points or coalitions). */
export function designJson(plan: AnalysisPlan): string {
  if (plan.kind === 'attribution') {
    return experimentJson(
      {
        kind: plan.kind,
        stages: plan.stages,
        sampling:
          plan.sampling.method === 'permutation'
            ? { method: 'permutation', samples: plan.sampling.samples, seed: plan.sampling.seed }
            : plan.sampling,
        permutations: plan.sampling.method === 'permutation' ? plan.sampling.permutations : undefined,
        coalitions: plan.coalitions.map((mask, i) => ({
          point: plan.points[i].key,
          mask,
          stages: plan.stages.filter((_, k) => (mask >> k) & 1).map((st) => st.stage),
        })),
      },
      ['stages', 'permutations', 'coalitions'],
    );
  }
  const { trajectories, ...settings } = plan.design as SensitivityPlan['design'] & { trajectories?: unknown };
  return experimentJson(
    {
      kind: plan.kind,
      method: plan.method,
      parameters: plan.parameters,
      design: settings,
      trajectories,
      points: plan.points.map((p) => ({ key: p.key, unit: p.unit, values: p.params })),
    },
    ['parameters', 'trajectories', 'points'],
  );
}

/** seeds.csv: replicate k's seed, used at every design point (common random numbers). */
export function seedsCsv(plan: AnalysisPlan): string {
  const seeds = new Map<number, number>();
  for (const r of plan.runs) if (!seeds.has(r.replicate)) seeds.set(r.replicate, r.seed);
  return csvText([['replicate', 'seed'], ...[...seeds.entries()].map(([k, s]) => [String(k), String(s)])]);
}

/**
 * Writes design.csv, design.json, seeds.csv (and permutations.csv) into a folder. They
 * follow from plan.json alone, so rewriting them (on resume, merge) gives the same bytes.
 */
export function writeDesignFiles(dir: string, plan: AnalysisPlan): void {
  writeFileAtomically(
    join(dir, ANALYSIS_FILES.designCsv),
    plan.kind === 'attribution' ? attributionDesignCsv(plan) : sensitivityDesignCsv(plan),
  );
  writeFileAtomically(join(dir, ANALYSIS_FILES.designJson), designJson(plan));
  writeFileAtomically(join(dir, ANALYSIS_FILES.seeds), seedsCsv(plan));
  if (plan.kind === 'attribution' && plan.sampling.method === 'permutation') {
    const rows = [
      ['sample', ...plan.stages.map((_, k) => `position${k + 1}`)],
      ...plan.sampling.permutations.map((o, s) => [String(s), ...o.map((i) => String(plan.stages[i].stage))]),
    ];
    writeFileAtomically(join(dir, ANALYSIS_FILES.permutations), csvText(rows));
  }
}

/** indices.csv: one row per output and parameter. */
export function indicesCsv(result: SensitivityResult): string {
  const head = ['output', 'indicator', 'month', 'final', 'parameter'];
  const morris = result.method === 'morris';
  const rows: string[][] = [
    [
      ...head,
      ...(morris
        ? ['mu', 'mu_star', 'mu_star_low', 'mu_star_high', 'sigma']
        : ['s1', 's1_low', 's1_high', 'st', 'st_low', 'st_high']),
    ],
  ];
  for (const o of result.outputs) {
    const key = [o.output.key, o.output.indicator, String(o.output.month), String(o.output.final)];
    result.parameters.forEach((p, i) => {
      if (o.morris) {
        const m = o.morris[i];
        rows.push([...key, p.name, num(m.mu), num(m.muStar), num(m.muStarLower), num(m.muStarUpper), num(m.sigma)]);
      } else if (o.sobol) {
        const s = o.sobol.indices[i];
        rows.push([
          ...key,
          p.name,
          num(s.s1),
          num(s.s1Lower),
          num(s.s1Upper),
          num(s.st),
          num(s.stLower),
          num(s.stUpper),
        ]);
      } else rows.push([...key, p.name, ...(morris ? ['', '', '', '', ''] : ['', '', '', '', '', ''])]);
    });
  }
  return csvText(rows);
}

/** indices-s2.csv: second-order Sobol' indices, one row per output and pair. */
export function secondOrderCsv(result: SensitivityResult): string {
  const rows: string[][] = [
    ['output', 'indicator', 'month', 'final', 'parameter_i', 'parameter_j', 's2', 's2_low', 's2_high'],
  ];
  for (const o of result.outputs) {
    for (const s of o.sobol?.second ?? []) {
      rows.push([
        o.output.key,
        o.output.indicator,
        String(o.output.month),
        String(o.output.final),
        s.names[0],
        s.names[1],
        num(s.s2),
        num(s.lower),
        num(s.upper),
      ]);
    }
  }
  return csvText(rows);
}

/** outputs.csv: each design point's value of each output, the mean over the replicates used (tidy). */
export function outputsCsv(result: SensitivityResult, plan: SensitivityPlan): string {
  const rows: string[][] = [['point', 'output', 'indicator', 'month', 'replicates', 'mean']];
  const n = String(result.replicatesUsed.length);
  plan.points.forEach((pt, i) => {
    result.outputs.forEach((o, j) =>
      rows.push([pt.key, o.output.key, o.output.indicator, String(o.output.month), n, num(result.pointMeans[i][j])]),
    );
  });
  return csvText(rows);
}

/**
 * shapley.csv: per output and stage, the Shapley value, the add-one effect (the stage
 * alone minus none) and the leave-one-out effect (all minus all but the stage), each with
 * its interval and the interval's method; then the empty and full outcomes, the total
 * gain and the sum of the values.
 */
export function shapleyCsv(result: AttributionResult): string {
  const rows: string[][] = [
    ['output', 'indicator', 'month', 'final', 'term', 'stage', 'name', 'value', 'ci_low', 'ci_high', 'ci_method'],
  ];
  const method = result.intervalMethod;
  for (const o of result.outputs) {
    const key = [o.output.key, o.output.indicator, String(o.output.month), String(o.output.final)];
    for (const s of o.stages) {
      const stage = [String(s.stage), s.name];
      rows.push([...key, 'shapley', ...stage, num(s.value), num(s.lower), num(s.upper), method]);
      rows.push([...key, 'add_one', ...stage, num(s.addOne.value), num(s.addOne.lower), num(s.addOne.upper), method]);
      rows.push([
        ...key,
        'leave_one_out',
        ...stage,
        num(s.leaveOneOut.value),
        num(s.leaveOneOut.lower),
        num(s.leaveOneOut.upper),
        method,
      ]);
    }
    rows.push([...key, 'empty', '', 'no stage', num(o.empty), '', '', '']);
    rows.push([...key, 'full', '', 'all six stages', num(o.full), '', '', '']);
    rows.push([
      ...key,
      'total',
      '',
      'total gain (full - empty)',
      num(o.total),
      num(o.totalLower),
      num(o.totalUpper),
      method,
    ]);
    rows.push([...key, 'sum', '', 'sum of the stage values', num(o.sum), '', '', '']);
  }
  return csvText(rows);
}

/** coalitions.csv: each coalition's mean outcome per output. */
export function coalitionsCsv(result: AttributionResult): string {
  const rows: string[][] = [['output', 'indicator', 'month', 'mask', 'stages', 'replicates', 'mean']];
  const n = String(result.replicatesUsed.length);
  for (const o of result.outputs) {
    for (const c of o.coalitions)
      rows.push([
        o.output.key,
        o.output.indicator,
        String(o.output.month),
        String(c.mask),
        c.stages.join(' '),
        n,
        num(c.mean),
      ]);
  }
  return csvText(rows);
}

/** The JSON of a result (non-finite numbers as null), without the per-point means (in outputs.csv). */
export function resultJson(result: AnalysisResult): string {
  const { pointMeans: _omit, ...rest } = result as SensitivityResult;
  return `${JSON.stringify(result.kind === 'sensitivity' ? rest : result, null, 2)}\n`;
}

/** Writes a result's tables (CSV and JSON), each atomically. Deterministic: the same result gives the same bytes. */
export function writeAnalysisResult(dir: string, plan: AnalysisPlan, result: AnalysisResult): void {
  if (result.kind === 'sensitivity') {
    writeFileAtomically(join(dir, ANALYSIS_FILES.indicesCsv), indicesCsv(result));
    if (result.outputs.some((o) => o.sobol?.second))
      writeFileAtomically(join(dir, ANALYSIS_FILES.secondOrderCsv), secondOrderCsv(result));
    writeFileAtomically(join(dir, ANALYSIS_FILES.outputs), outputsCsv(result, plan as SensitivityPlan));
    writeFileAtomically(join(dir, ANALYSIS_FILES.indicesJson), resultJson(result));
  } else {
    writeFileAtomically(join(dir, ANALYSIS_FILES.shapleyCsv), shapleyCsv(result));
    writeFileAtomically(join(dir, ANALYSIS_FILES.coalitionsCsv), coalitionsCsv(result));
    writeFileAtomically(join(dir, ANALYSIS_FILES.shapleyJson), resultJson(result));
  }
}

/** A sensitivity or attribution folder read back: its plan, the lines of its finished runs and its failure count. */
export interface AnalysisFolder {
  readonly plan: AnalysisPlan;
  /** runs.jsonl lines in plan order, each checked to be a run of the plan. */
  readonly runLines: string[];
  /** Runs failed and not finished since. */
  readonly failed: number;
}

/**
 * Reads a folder written by `kopsim sensitivity` or `kopsim attribute` (or merged from
 * their shards) for `kopsim analyze`. Refuses, with an InputError, a folder without
 * plan.json, an experiment folder, and runs that are not in the plan.
 */
export function readAnalysisFolder(dir: string): AnalysisFolder {
  const { plan: raw } = readPlanFile(dir, dir);
  const plan = raw as unknown as AnalysisPlan | { kind?: unknown };
  if (!isAnalysisPlan(plan)) {
    throw new InputError(dir, [
      {
        path: dir,
        message: `holds an experiment of kind ${String(plan.kind)}, not a sensitivity analysis or attribution: kopsim merge ${dir} --out ${dir} recomputes its summaries`,
        found: plan.kind,
      },
    ]);
  }
  const runsFile = join(dir, EXPERIMENT_FILES.runs);
  if (!existsSync(runsFile))
    throw new InputError(dir, [{ path: runsFile, message: 'is missing: no run has finished in this folder' }]);
  const lines = [...readRunLines(runsFile).lines.entries()].sort((a, b) => a[0] - b[0]);
  for (const [index, line] of lines) {
    const key = (JSON.parse(line) as { key?: unknown }).key;
    if (plan.runs[index]?.key !== key)
      throw new InputError(dir, [
        {
          path: runsFile,
          message: `run ${index} (${String(key)}) is not in the plan; the folder is damaged`,
          found: index,
        },
      ]);
  }
  const finished = new Set(lines.map(([i]) => i));
  const failures = readRunLines(join(dir, EXPERIMENT_FILES.failures), 'failures').lines;
  const failed = [...failures.keys()].filter((i) => !finished.has(i)).length;
  return { plan, runLines: lines.map(([, l]) => l), failed };
}
