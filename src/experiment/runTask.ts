import { seriesOf } from '../indicators/series.js';
import type { Scenario } from '../scenario/schema.js';
import type { PlannedRun } from './plan.js';
import type { RunRecord } from './runRecord.js';
import type { RunProbe } from './runProbe.js';
import type { RunResult } from './runResult.js';
import { createSimulation, type Recording, runScenario } from './simulation.js';
import { INDICATORS, type Indicator } from '../indicators/registry.js';

/** Everything a worker needs for one run (structured-clone safe). */
export interface RunTask {
  readonly run: PlannedRun;
  /** The scenario with the run's design point applied. */
  readonly scenario: Scenario;
  /**
   * When given, the run first simulates this scenario on the same seed and imposes the
   * months its stages opened in (`strategy.timeline`) on `scenario`: attribution's
   * `programmes` design, where every coalition keeps the full roadmap's timeline.
   */
  readonly timelineFrom?: Scenario;
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
  const scenario = task.timelineFrom
    ? { ...task.scenario, strategy: { ...task.scenario.strategy, timeline: timelineOf(task.timelineFrom, task.run) } }
    : task.scenario;
  // A run records its indicators for the total only: collect just those, unless a probe
  // watches the run (it may read any indicator or scope).
  const sim = createSimulation(
    task.run.scenario,
    scenario,
    task.run.seed,
    undefined,
    probe ? undefined : recordingOf(task),
  );
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

/** The registry's indicators a task records, total scope only; undefined (record everything) if one is not in the registry. */
function recordingOf(task: RunTask): Recording | undefined {
  const indicators: Indicator[] = [];
  for (const id of task.indicators) {
    const indicator = INDICATORS.find((i) => i.id === id);
    if (!indicator) return undefined;
    indicators.push(indicator);
  }
  return { indicators, options: { totalOnly: true } };
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

/** The last timeline computed in this thread: the coalitions of one replicate share it. */
let lastTimeline: { readonly key: string; readonly timeline: (number | null)[][] } | undefined;

/**
 * Per region, the months stages 1..6 opened in a run of `scenario` on the run's seed
 * (null: never). Remembered for the next call with the same scenario and seed, so a worker
 * simulates the full roadmap once per replicate, not once per coalition; the result is the
 * same either way.
 */
function timelineOf(scenario: Scenario, run: RunTask['run']): (number | null)[][] {
  const key = `${run.seed}\n${JSON.stringify(scenario)}`;
  if (lastTimeline?.key === key) return lastTimeline.timeline;
  const timeline = runScenario(run.scenario, scenario, run.seed).stageTimeline.map((r) => r.stages.slice());
  lastTimeline = { key, timeline };
  return timeline;
}
