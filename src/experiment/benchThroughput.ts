import { performance } from 'node:perf_hooks';
import { createCollector } from '../indicators/collector.js';
import type { IndicatorSeries } from '../indicators/series.js';
import { createWorld } from '../model/initialise.js';
import { beginMonth, checkLedger, PROCESSES } from '../model/step.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * The full model the throughput benchmark runs: the seed-roadmap scenario (its five
 * regions, scaled to `households` in total) in scheduled mode with every stage started
 * in the first months (stages 1-6 at months 0, 0, 1, 2, 3, 4), so that every process
 * (campaigns, membership, enterprises, the institution, the federation, social
 * programs, the annual close) runs on almost every month measured.
 */
export function fullModelScenario(households: number, months: number): Scenario {
  const base = loadScenario('seed-roadmap').scenario;
  const count = base.regions.length;
  const sets = base.regions.map(
    (_, k) => `regions[${k}].households=${Math.floor(households / count) + (k < households % count ? 1 : 0)}`,
  );
  sets.push(
    `months=${months}`,
    'strategy.mode=scheduled',
    'strategy.schedule={"stage1":0,"stage2":0,"stage3":1,"stage4":2,"stage5":3,"stage6":4}',
  );
  return loadScenario('seed-roadmap', sets).scenario;
}

/** Names of the timed phases of a month, in order: 'begin', every process, 'ledger', 'indicators'. */
export const PHASES: readonly string[] = ['begin', ...PROCESSES.map(([name]) => name), 'ledger', 'indicators'];

/** One timed run: milliseconds per phase, summed over the months. */
export interface TimedRun {
  readonly households: number;
  readonly months: number;
  /** Wall time of the months (world creation excluded), milliseconds. */
  readonly totalMs: number;
  /** CPU time of the process over the same months (user + system), milliseconds. */
  readonly cpuMs: number;
  /** Milliseconds per phase, in PHASES order. */
  readonly phaseMs: Float64Array;
  /** The indicators recorded (the same as a simulation of the scenario records). */
  readonly series: IndicatorSeries;
}

/**
 * Runs `scenario` month by month exactly as a simulation does (step: beginMonth, every
 * process in order, the ledger check; then the indicators), timing each phase. The world
 * and its month-0 indicators are made before the clock starts.
 */
export function timedRun(scenario: Scenario, seed: number): TimedRun {
  const { world, rng } = createWorld(scenario, seed);
  const collector = createCollector(world);
  collector.collect(world);
  const phaseMs = new Float64Array(PHASES.length);
  const last = PHASES.length - 1;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (let m = 0; m < scenario.months; m++) {
    let t = performance.now();
    beginMonth(world);
    let now = performance.now();
    phaseMs[0] += now - t;
    for (let p = 0; p < PROCESSES.length; p++) {
      t = now;
      PROCESSES[p][1](world, rng);
      now = performance.now();
      phaseMs[p + 1] += now - t;
    }
    t = now;
    checkLedger(world);
    now = performance.now();
    phaseMs[last - 1] += now - t;
    t = now;
    collector.collect(world);
    now = performance.now();
    phaseMs[last] += now - t;
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return {
    households: world.households.count,
    months: scenario.months,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    phaseMs,
    series: collector.series,
  };
}
