import { type ExperimentOverrides, loadExperimentDocument } from '../scenario/loadExperiment.js';
import { planExperiment } from './plan.js';
import type { RunRecord } from './runRecord.js';
import { executeRuns } from './workerPool.js';

/**
 * Options of {@link replicate} and {@link compare}: the CLI's experiment flags
 * (`replicates` default 30, `seed` default the first scenario's, `months` default each
 * scenario's, `indicators` default the key ones, `baseline` default the first scenario),
 * `set` as `--set` strings applied to every scenario, and `workers` (default 0: every run
 * in this thread; any number gives the same rows).
 */
export type ReplicateOptions = Omit<ExperimentOverrides, 'reportMonths' | 'sets'> & {
  readonly set?: readonly string[];
  readonly workers?: number;
};

/** One tidy row: an indicator's value (total scope) in one month of one run. */
export interface ReplicateRow {
  /** The scenario's label in the experiment (its id, or `id#2` when given twice). */
  readonly scenario: string;
  /** Replicate number, from 0; replicate k of every scenario uses the same seed. */
  readonly replicate: number;
  /** The run's seed. */
  readonly seed: number;
  readonly month: number;
  readonly indicator: string;
  readonly value: number;
}

/** A row of {@link compare}: a {@link ReplicateRow} and its difference from the baseline's paired run. */
export interface CompareRow extends ReplicateRow {
  /** value minus the baseline's value in the same replicate, month and indicator (0 for the baseline). */
  readonly difference: number;
}

/**
 * Runs scenarios many times with derived seeds, as `kopsim replicate` plans them, and
 * returns every run's indicators as tidy rows, in plan order (scenario, replicate, month,
 * indicator); writes nothing. Any number of workers gives the same rows.
 *
 * @param scenarios bundled scenario names or scenario file paths
 * @throws InputError listing every problem at once; SimulationError-like Error if a run fails
 *
 * @example
 * const rows = await replicate('seed-roadmap', { replicates: 5, months: 60 });
 */
export async function replicate(
  scenarios: string | readonly string[],
  options: ReplicateOptions = {},
): Promise<ReplicateRow[]> {
  return (await runInMemory('replicate', typeof scenarios === 'string' ? [scenarios] : scenarios, options)).rows;
}

/**
 * Compares strategies with common random numbers, as `kopsim compare` plans it (replicate
 * k of every scenario uses the same seed), and returns tidy rows with each value's paired
 * difference from the baseline; writes nothing.
 *
 * @param scenarios two or more bundled scenario names or scenario file paths
 *
 * @example
 * const rows = await compare(['status-quo', 'seed-roadmap'], { replicates: 10, months: 120 });
 * rows.filter((r) => r.scenario === 'seed-roadmap' && r.indicator === 'gini' && r.month === 120);
 */
export async function compare(scenarios: readonly string[], options: ReplicateOptions = {}): Promise<CompareRow[]> {
  const { rows, baseline } = await runInMemory('compare', scenarios, options);
  const key = (r: ReplicateRow) => `${r.replicate}\u0000${r.month}\u0000${r.indicator}`;
  const base = new Map(rows.filter((r) => r.scenario === baseline).map((r) => [key(r), r.value]));
  return rows.map((r) => ({ ...r, difference: r.value - (base.get(key(r)) ?? Number.NaN) }));
}

async function runInMemory(
  kind: 'replicate' | 'compare',
  scenarios: readonly string[],
  options: ReplicateOptions,
): Promise<{ rows: ReplicateRow[]; baseline: string | null }> {
  const loaded = loadExperimentDocument({ kind, scenarios: [...scenarios] }, `${kind}()`, process.cwd(), undefined, {
    replicates: options.replicates,
    seed: options.seed,
    months: options.months,
    indicators: options.indicators,
    baseline: options.baseline,
    sets: options.set ?? [],
  });
  const plan = planExperiment(loaded);
  const records: RunRecord[] = [];
  const failures: string[] = [];
  await executeRuns({
    plan,
    runs: plan.runs,
    workers: options.workers ?? 0,
    onRecord: (record) => records.push(record),
    onFailure: (failure) => failures.push(`${failure.key} (seed ${failure.seed}): ${failure.error}`),
  });
  if (failures.length > 0) throw new Error(`${kind}(): ${failures.length} run(s) failed: ${failures.join('; ')}`);
  records.sort((a, b) => a.index - b.index);
  const rows: ReplicateRow[] = [];
  for (const r of records) {
    const months = Object.values(r.values)[0]?.length ?? 0;
    for (let month = 0; month < months; month++) {
      for (const [indicator, values] of Object.entries(r.values)) {
        rows.push({
          scenario: r.scenario,
          replicate: r.replicate,
          seed: r.seed,
          month,
          indicator,
          value: values[month],
        });
      }
    }
  }
  return { rows, baseline: plan.baseline };
}
