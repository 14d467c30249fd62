import { performance } from 'node:perf_hooks';
import type { Rng } from '../core/rng.js';
import { createCollector, type Collector } from '../indicators/collector.js';
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
}

export function createSimulation(scenarioId: string, scenario: Scenario, seed: number): Simulation {
  const started = performance.now();
  const { world, rng } = createWorld(scenario, seed);
  const collector: Collector = createCollector(world);
  collector.collect(world);
  const events: SimEvent[] = [...world.events];
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
      if (world.month >= scenario.months) return [];
      const t = performance.now();
      stepOnce(world, rng, collector);
      elapsed += performance.now() - t;
      events.push(...world.events);
      return world.events.slice();
    },
    result(): RunResult {
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
