import { performance } from 'node:perf_hooks';
import type { Rng, RngState } from '../core/rng.js';
import { createCollector, type Collector, type CollectorOptions } from '../indicators/collector.js';
import type { Indicator } from '../indicators/registry.js';
import type { SimEvent } from '../model/events.js';
import { createWorld } from '../model/initialise.js';
import { step } from '../model/step.js';
import type { World } from '../model/world.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunResult, StageTimeline } from './runResult.js';

/**
 * A run that advances one month at a time, so that a caller (the CLI, the TUI's
 * container, a worker) can drive it, pause it or stop it early. It owns the world and
 * its random stream; nothing outside calls the model's step functions.
 */
export interface Simulation {
  readonly scenarioId: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly world: World;
  /** Months simulated so far. */
  readonly month: number;
  readonly done: boolean;
  /** Simulates one month; returns its events. */
  advance(): readonly SimEvent[];
  /** The result so far (complete when `done`, else marked stopped early). */
  result(): RunResult;
  /**
   * Everything the rest of the run depends on, as it is now (live references: encode it
   * before advancing). A simulation created from it continues exactly as this one would.
   */
  snapshot(): SimulationSnapshot;
  /**
   * Ends the simulation's indicator thread, if it has one (see {@link SimulationOptions}).
   * `result()` and `snapshot()` still work after; `advance()` throws. If the thread failed,
   * this, `result()` and `snapshot()` throw its error.
   */
  close(): void;
}

/** How a simulation runs (not what it simulates: the results are the same either way). */
export interface SimulationOptions {
  /**
   * Compute the welfare indicators on a second thread while the model steps the next month
   * (indicators/welfarePipeline.ts). Worth it from about {@link PIPELINE_MIN_HOUSEHOLDS}
   * households, for a single run on a machine with a free core; call `close()` at the end.
   * The results are the same either way.
   */
  readonly pipelineIndicators?: boolean;
}

/**
 * Households from which a single run computes its welfare indicators on a second thread
 * (`kopsim run` without the dashboard, the benchmark's national scenario). Measured in fresh
 * processes on the project's 2-core machine (4 alternating pairs, docs/performance.md): the
 * thread's start-up and its own compiling make a run slower at 2,500 households (0.72
 * against 0.66 s) and 10,000 (1.01 against 0.98 s), and it is faster from 25,000 (1.01
 * against 1.10 s for 120 months) to 100,000 (1.59 against 1.93 s for 60 months).
 */
export const PIPELINE_MIN_HOUSEHOLDS = 25_000;

/** A simulation's whole state at the end of a month (see {@link Simulation.snapshot}). */
export interface SimulationSnapshot {
  readonly scenarioId: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly world: World;
  /** The state of the monthly step's random stream. */
  readonly rng: RngState;
  /** The indicators recorded so far (months 0..month). */
  readonly series: { readonly months: readonly number[]; readonly values: Float64Array };
  /** Every event so far. */
  readonly events: readonly SimEvent[];
}

/** A run to continue: its world (params included), its step stream and its history (from a snapshot). */
export interface ResumePoint {
  readonly world: World;
  readonly rng: Rng;
  readonly series: SimulationSnapshot['series'];
  readonly events: readonly SimEvent[];
}

/** What a simulation records, when not every indicator of every scope (experiments' workers). */
export interface Recording {
  readonly indicators: readonly Indicator[];
  readonly options: CollectorOptions;
}

/**
 * A simulation of `scenario` with run seed `seed`: from month 0, or continuing from
 * `resume` (a restored snapshot; see experiment/checkpoint/). It records every indicator
 * for every scope, or what `recording` asks (not with `resume`, whose history has every one).
 */
export function createSimulation(
  scenarioId: string,
  scenario: Scenario,
  seed: number,
  resume?: ResumePoint,
  recording?: Recording,
  options: SimulationOptions = {},
): Simulation {
  if (resume && recording) throw new Error('createSimulation: a resumed run records every indicator');
  const started = performance.now();
  const { world, rng } = resume ?? createWorld(scenario, seed);
  const pipelined = options.pipelineIndicators === true;
  const collector: Collector = recording
    ? createCollector(world, recording.indicators, { ...recording.options, pipelined })
    : createCollector(world, undefined, { pipelined });
  if (resume) {
    collector.series.months.push(...resume.series.months);
    if (collector.series.values.length < resume.series.values.length)
      collector.series.values = new Float64Array(resume.series.values.length);
    collector.series.values.set(resume.series.values);
  } else {
    try {
      collector.collect(world);
    } catch (error) {
      try {
        collector.close();
      } catch {
        // The first error is the one to report.
      }
      throw error;
    }
  }
  let closed = false;
  const events: SimEvent[] = resume ? [...resume.events] : [...world.events];
  let elapsed = performance.now() - started;
  const sim: Simulation = {
    scenarioId,
    scenario,
    seed,
    world,
    get month() {
      return world.month;
    },
    get done() {
      return world.month >= scenario.months;
    },
    advance(): readonly SimEvent[] {
      if (closed) throw new Error('Simulation: advance after close');
      if (world.month >= scenario.months) return [];
      const t = performance.now();
      stepOnce(world, rng, collector);
      elapsed += performance.now() - t;
      events.push(...world.events);
      return world.events.slice();
    },
    result(): RunResult {
      collector.flush();
      return {
        scenarioId,
        scenario,
        seed,
        months: world.month,
        series: {
          ...collector.series,
          months: collector.series.months.slice(),
          values: collector.series.values.slice(
            0,
            collector.series.months.length * collector.series.scopes.length * collector.series.indicators.length,
          ),
        },
        stageTimeline: stageTimeline(world),
        federationMonth: world.federation.formedMonth >= 0 ? world.federation.formedMonth : null,
        events: events.slice(),
        stoppedEarly: world.month < scenario.months,
        households: world.households.count,
        elapsedMs: elapsed,
      };
    },
    snapshot(): SimulationSnapshot {
      collector.flush();
      const perMonth = collector.series.scopes.length * collector.series.indicators.length;
      return {
        scenarioId,
        scenario,
        seed,
        world,
        rng: rng.state(),
        series: {
          months: collector.series.months,
          values: collector.series.values.slice(0, collector.series.months.length * perMonth),
        },
        events,
      };
    },
    close(): void {
      closed = true;
      collector.close();
    },
  };
  return sim;
}

function stepOnce(world: World, rng: Rng, collector: Collector): void {
  step(world, rng);
  collector.collect(world);
}

/** Runs a scenario to the end with one seed. */
export function runScenario(scenarioId: string, scenario: Scenario, seed: number): RunResult {
  const sim = createSimulation(scenarioId, scenario, seed);
  while (!sim.done) sim.advance();
  return sim.result();
}

/** The month each stage started in each region, or null. */
export function stageTimeline(world: World): StageTimeline[] {
  return world.regions.map((r) => ({
    region: r.name,
    stages: [1, 2, 3, 4, 5, 6].map((k) => (r.stageStart[k] >= 0 ? r.stageStart[k] : null)),
  }));
}
