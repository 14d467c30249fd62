import { InputError, type InputProblem } from '../core/errors.js';
import { createRng, type Rng } from '../core/rng.js';
import { deriveSeed } from '../core/seed.js';
import { indicatorById } from '../indicators/registry.js';
import type { AnalysisMonth } from '../scenario/sensitivitySchema.js';
import type { PlannedRun } from './plan.js';
import type { RunRecord } from './runRecord.js';

/**
 * One output a sensitivity or attribution analysis is computed for: an indicator (total
 * scope) at a month of the run.
 */
export interface AnalysisOutput {
  /** `<indicator>@<month>`, e.g. `gini@120`: names the output in files. */
  readonly key: string;
  readonly indicator: string;
  readonly month: number;
  /** Whether the month is the run's last. */
  readonly final: boolean;
}

/** Bootstrap settings of an analysis, recorded in its plan so `kopsim analyze` gives the same intervals. */
export interface BootstrapSettings {
  readonly resamples: number;
  /** Coverage, 0..1. */
  readonly level: number;
  /** Seed of the draws; each output draws from its own stream derived from it and the output's key. */
  readonly seed: number;
}

/** The bootstrap settings asked for, with the seed derived from the base seed when none is given. */
export function bootstrapSettings(
  given: { readonly resamples: number; readonly level: number; readonly seed?: number },
  baseSeed: number,
): BootstrapSettings {
  return { resamples: given.resamples, level: given.level, seed: given.seed ?? deriveSeed(baseSeed, 'bootstrap') };
}

/**
 * The outputs of an analysis: every indicator at every month (`final` = `months`), in
 * the order given, months ascending and without repeats. Unknown indicators, repeated
 * ones and months after the run's end are pushed to `problems` with their paths.
 *
 * @example analysisOutputs(['gini'], ['final', 12], 24, [], 'indicators', 'at').map((o) => o.key) // => ['gini@12', 'gini@24']
 */
export function analysisOutputs(
  indicators: readonly string[],
  at: readonly AnalysisMonth[],
  months: number,
  problems: InputProblem[],
  indicatorsPath = 'indicators',
  atPath = 'at',
): AnalysisOutput[] {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  indicators.forEach((id, i) => {
    if (!indicatorById(id))
      problems.push({
        path: `${indicatorsPath}[${i}]`,
        message: 'is not an indicator (docs/ODD.md lists them, section 7.18)',
        found: id,
      });
    else if (seen.has(id))
      problems.push({
        path: `${indicatorsPath}[${i}]`,
        message: `duplicates ${indicatorsPath}[${seen.get(id)}]`,
        found: id,
      });
    else {
      seen.set(id, i);
      ids.push(id);
    }
  });
  const monthSet = new Set<number>();
  at.forEach((m, i) => {
    const month = m === 'final' ? months : m;
    if (month > months)
      problems.push({ path: `${atPath}[${i}]`, message: `is after the last simulated month (${months})`, found: m });
    else monthSet.add(month);
  });
  const sorted = [...monthSet].sort((a, b) => a - b);
  return ids.flatMap((indicator) =>
    sorted.map((month) => ({ key: `${indicator}@${month}`, indicator, month, final: month === months })),
  );
}

/** Finished runs arranged by design point and replicate. */
export interface ReplicateTable {
  /** Replicates finished at every design point, ascending: the ones an analysis uses. */
  readonly complete: readonly number[];
  /** The record of a design point's replicate, if finished. */
  record(point: string, replicate: number): RunRecord | undefined;
}

/**
 * Arranges records by design point and replicate, and finds the replicates complete at
 * every point. Common random numbers pair replicate k across points, so an analysis
 * averages the same replicates everywhere: an interrupted experiment (runs go replicate by
 * replicate) can still be analysed on the replicates it finished.
 */
export function replicateTable(runs: readonly PlannedRun[], records: readonly RunRecord[]): ReplicateTable {
  const byKey = new Map<string, RunRecord>();
  for (const r of records) byKey.set(`${r.point}\u0000${r.replicate}`, r);
  const points = new Set<string>();
  const replicates = new Set<number>();
  for (const run of runs) {
    points.add(run.point);
    replicates.add(run.replicate);
  }
  const complete = [...replicates]
    .sort((a, b) => a - b)
    .filter((k) => [...points].every((p) => byKey.has(`${p}\u0000${k}`)));
  return { complete, record: (point, replicate) => byKey.get(`${point}\u0000${replicate}`) };
}

/** An output's value in a run: the indicator at the month (NaN when undefined or past the run). */
export function outputValue(record: RunRecord, output: AnalysisOutput): number {
  const v = record.values[output.indicator]?.[output.month];
  return typeof v === 'number' ? v : Number.NaN;
}

/** Counts of an analysed folder's runs. */
export interface AnalysisRuns {
  readonly planned: number;
  readonly completed: number;
  readonly failed: number;
  /** Neither finished nor failed. */
  readonly missing: number;
}

/** Run counts of a folder. */
export function runCounts(planned: number, completed: number, failed: number): AnalysisRuns {
  return { planned, completed, failed, missing: Math.max(0, planned - completed - failed) };
}

/**
 * The replicate table of a sensitivity or attribution plan's finished runs, and their
 * counts. `everyPoint` says where a replicate must be finished, in the plan's terms
 * (`at every one of the 12 design points`).
 *
 * @throws InputError when no replicate is complete everywhere.
 */
export function completeReplicates(
  plan: { readonly name: string; readonly runs: readonly PlannedRun[] },
  records: readonly RunRecord[],
  failed: number,
  everyPoint: string,
): { table: ReplicateTable; runs: AnalysisRuns } {
  const table = replicateTable(plan.runs, records);
  const runs = runCounts(plan.runs.length, records.length, failed);
  if (table.complete.length === 0) {
    throw new InputError(plan.name, [
      {
        path: 'runs',
        message: `no replicate is finished ${everyPoint} (${runs.completed} of ${runs.planned} runs finished): run the same command again to complete them`,
      },
    ]);
  }
  return { table, runs };
}

/** An output's label and unit, from its indicator (the indicator id when it is not in the registry). */
export function outputLabel(output: AnalysisOutput): { label: string; unit: string } {
  const meta = indicatorById(output.indicator);
  return { label: meta?.label ?? output.indicator, unit: meta?.unit ?? '' };
}

/** Bootstrap options for one output: its draws come from a stream derived from the plan's bootstrap seed and the output's key. */
export function outputBootstrap(
  bootstrap: BootstrapSettings,
  output: AnalysisOutput,
): { rng: Rng; resamples: number; level: number } {
  return {
    rng: createRng(deriveSeed(bootstrap.seed, output.key)),
    resamples: bootstrap.resamples,
    level: bootstrap.level,
  };
}
