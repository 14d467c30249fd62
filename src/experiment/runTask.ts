import { seriesOf } from '../indicators/series.js';
import type { Scenario } from '../scenario/schema.js';
import type { PlannedRun } from './plan.js';
import type { RunRecord } from './runRecord.js';
import type { RunProbe } from './runProbe.js';
import type { RunResult } from './runResult.js';
import { createSimulation } from './simulation.js';

/** Everything a worker needs for one run (structured-clone safe). */
export interface RunTask {
  readonly run: PlannedRun;
  /** The scenario with the run's design point applied. */
  readonly scenario: Scenario;
  readonly indicators: readonly string[];
  /** URL of a module exporting a `probe` ({@link RunProbe}) to watch the run, if any. */
  readonly probe?: string;
}

/**
 * Runs one task to the end and keeps what runs.jsonl records. Deterministic: no clock, no
 * shared state. `onMonth` is told each month simulated (progress display only). `probe`
 * is the task's loaded probe (see {@link RunTask.probe}); what it measured goes in the
 * record's `probe` field.
 */
export function executeTask(task: RunTask, onMonth?: (month: number) => void, probe?: RunProbe): RunRecord {
  const sim = createSimulation(task.run.scenario, task.scenario, task.run.seed);
  const session = probe?.(sim);
  while (!sim.done) {
    sim.advance();
    session?.afterMonth();
    onMonth?.(sim.month);
  }
  const result = sim.result();
  const record = recordOf(task, result);
  return session ? { ...record, probe: session.finish(result) } : record;
}

/** The record of a finished run: the summarised indicators, total scope, by month. */
export function recordOf(task: RunTask, result: RunResult): RunRecord {
  const { run } = task;
  const months = result.series.months;
  months.forEach((m, i) => {
    if (m !== i) throw new Error(`indicators were not recorded every month (month ${m} at position ${i})`);
  });
  const values: Record<string, number[]> = {};
  for (const id of task.indicators) values[id] = seriesOf(result.series, id, 'total');
  return {
    index: run.index,
    key: run.key,
    scenario: run.scenario,
    point: run.point,
    params: run.params,
    replicate: run.replicate,
    seed: run.seed,
    months: result.months,
    values,
  };
}
