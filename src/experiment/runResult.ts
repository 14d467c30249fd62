import type { IndicatorSeries } from '../indicators/series.js';
import type { SimEvent } from '../model/events.js';
import type { Scenario } from '../scenario/schema.js';

/** The month each stage (1..6) started in a region, or null for "not reached". */
export interface StageTimeline {
  readonly region: string;
  readonly stages: readonly (number | null)[];
}

/** Everything one run produced: what the report, summaries and experiments read. */
export interface RunResult {
  readonly scenarioId: string;
  readonly scenario: Scenario;
  /** The run's own seed (derived from the base seed; see core/seed.ts). */
  readonly seed: number;
  /** Months simulated. */
  readonly months: number;
  readonly series: IndicatorSeries;
  readonly stageTimeline: readonly StageTimeline[];
  /** Month the federation formed, or null. */
  readonly federationMonth: number | null;
  readonly events: readonly SimEvent[];
  /** True when the run was stopped before its last month (e.g. q in the TUI). */
  readonly stoppedEarly: boolean;
  readonly households: number;
  /** Wall time of the simulation, milliseconds (not part of any data output). */
  readonly elapsedMs: number;
}
