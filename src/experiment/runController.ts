import { performance } from 'node:perf_hooks';
import { runSeed } from '../core/seed.js';
import { seriesValue, type IndicatorSeries } from '../indicators/series.js';
import { ENTERPRISE_KINDS, type EnterpriseKind } from '../model/enterprise.js';
import type { SimEvent } from '../model/events.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunResult } from './runResult.js';
import { createSimulation, type Simulation } from './simulation.js';

export type { SimEvent, EnterpriseKind };

/** Indicators (ids in the registry) that every month snapshot carries, for the whole scenario. */
export const SNAPSHOT_INDICATORS = [
  'member_share',
  'consumption_pc_mean',
  'gini',
  'p0',
  'coop_capital',
  'shu_per_member',
] as const;

/**
 * Playback speeds, months simulated per wall-clock second; `Infinity` is "as fast as the
 * machine goes" (still yielding to the event loop so keys are read).
 */
export const SPEEDS: readonly number[] = [1, 2, 4, 6, 12, 24, 48, 120, Infinity];

/** Index into {@link SPEEDS} a controller starts at: 12 months (a year) a second. */
export const DEFAULT_SPEED = 4;

/** One region's roadmap position at a month. */
export interface RegionStage {
  readonly name: string;
  /** Highest stage started, 0 before any. */
  readonly stage: number;
  /** Month each stage 1..6 started (index 0 is stage 1), or null if not reached by this month. */
  readonly stageStart: readonly (number | null)[];
}

/** What the dashboard needs of one month: the total's key indicators, the ladder, enterprises. */
export interface MonthSnapshot {
  readonly month: number;
  /** Values of {@link SNAPSHOT_INDICATORS} for the whole scenario (units as in the registry). */
  readonly indicators: Readonly<Record<string, number>>;
  readonly regions: readonly RegionStage[];
  /** Active enterprises of each kind, all regions together. */
  readonly enterprises: Readonly<Record<EnterpriseKind, number>>;
  /** Month the federation formed, or null if not (yet). */
  readonly federationMonth: number | null;
}

/** Identity of one run of the controller (a restart is a new run with a new seed). */
export interface RunIdentity {
  /** 0 for the first run, then 1, 2, ... after each restart. */
  readonly run: number;
  readonly scenarioId: string;
  readonly name: string;
  readonly strategy: string;
  readonly baseSeed: number;
  /** The run's own seed, derived from the base seed (core/seed.ts). */
  readonly seed: number;
  /** Months the run will simulate. */
  readonly months: number;
  readonly households: number;
}

/** Whether the controller is playing, and how fast. */
export interface ControllerStatus {
  readonly paused: boolean;
  /** Index into {@link SPEEDS}. */
  readonly speed: number;
  readonly monthsPerSecond: number;
  /** The current run has ended (finished or stopped); only restart does anything now. */
  readonly ended: boolean;
}

/** What a controller reports, in order: start, month..., end; status whenever play state changes. */
export type RunEvent =
  | {
      readonly type: 'start';
      readonly identity: RunIdentity;
      readonly snapshot: MonthSnapshot;
      readonly events: readonly SimEvent[];
    }
  | {
      readonly type: 'month';
      readonly run: number;
      readonly month: number;
      readonly months: number;
      readonly snapshot: MonthSnapshot;
      readonly events: readonly SimEvent[];
      /** Months a second actually simulated over the last {@link PACE_WINDOW_MS} of play; null when stepping or just started. */
      readonly pace: number | null;
    }
  | { readonly type: 'status'; readonly status: ControllerStatus }
  | {
      readonly type: 'end';
      readonly identity: RunIdentity;
      readonly result: RunResult;
      readonly reason: 'finished' | 'stopped';
    };

/** What a controller accepts. `step` works only while paused. */
export type RunCommand =
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'toggle' }
  | { readonly type: 'step' }
  | { readonly type: 'faster' }
  | { readonly type: 'slower' }
  | { readonly type: 'stop' }
  /** Starts over with a new base seed (default: the current one plus 1). */
  | { readonly type: 'restart'; readonly baseSeed?: number };

/** The timers a controller uses; tests may pass fakes. */
export interface ControllerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RunControllerOptions {
  readonly scenarioId: string;
  readonly scenario: Scenario;
  readonly baseSeed: number;
  /** Seed of a run from its base seed (default: `runSeed(baseSeed)`, as `kopsim run` does). */
  readonly seedOf?: (baseSeed: number) => number;
  /** Start paused (nothing advances until resume or step). Default false. */
  readonly paused?: boolean;
  /** Index into {@link SPEEDS}. Default {@link DEFAULT_SPEED}. */
  readonly speed?: number;
  readonly clock?: ControllerClock;
}

/**
 * Drives a {@link Simulation} in wall-clock time and reports what happens as typed
 * {@link RunEvent}s; a UI sends {@link RunCommand}s and renders the events, and never
 * touches the model. Timing lives here: at speed `r` it advances `r` months a second, in
 * ticks of at least 50 ms, and never spends more than {@link TICK_BUDGET_MS} in one tick
 * so that input and rendering keep up.
 */
export interface RunController {
  subscribe(listener: (event: RunEvent) => void): () => void;
  /** Creates the first run, reports `start` and begins playing (unless paused). Idempotent. */
  start(): void;
  send(command: RunCommand): void;
  /** Advances the current run to its end synchronously, reporting every month (no timers). */
  runToEnd(): RunResult;
  readonly status: ControllerStatus;
  readonly identity: RunIdentity | null;
  /** The current run's result so far (stopped early if not finished), or null before start. */
  result(): RunResult | null;
  /** Stops timers for good; no more events. */
  dispose(): void;
}

/** Window over which the actual pace is measured, milliseconds. */
export const PACE_WINDOW_MS = 2000;

/** Longest time one tick spends simulating, milliseconds. */
export const TICK_BUDGET_MS = 40;
const MIN_TICK_MS = 50;

const realClock: ControllerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createRunController(options: RunControllerOptions): RunController {
  const clock = options.clock ?? realClock;
  const seedOf = options.seedOf ?? ((b: number) => runSeed(b));
  const listeners = new Set<(event: RunEvent) => void>();
  let paused = options.paused ?? false;
  let speed = clampSpeed(options.speed ?? DEFAULT_SPEED);
  let ended = false;
  let disposed = false;
  let sim: Simulation | null = null;
  let identity: RunIdentity | null = null;
  let runIndex = -1;
  let timer: unknown = null;
  let lastTick = 0;
  // Months simulated by recent ticks, for the actual pace (a big world may be slower than the speed).
  let paceSamples: { at: number; months: number }[] = [];
  let playingSince = 0;
  let carry = 0;

  const emit = (event: RunEvent) => {
    if (disposed) return;
    for (const l of [...listeners]) l(event);
  };
  const status = (): ControllerStatus => ({ paused, speed, monthsPerSecond: SPEEDS[speed], ended });
  const emitStatus = () => emit({ type: 'status', status: status() });

  function cancel(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  function schedule(delay: number): void {
    cancel();
    if (disposed || paused || ended || !sim) return;
    timer = clock.setTimeout(tick, delay);
  }

  function begin(baseSeed: number): void {
    cancel();
    runIndex += 1;
    const s = createSimulation(options.scenarioId, options.scenario, seedOf(baseSeed));
    sim = s;
    ended = false;
    carry = 0;
    identity = {
      run: runIndex,
      scenarioId: options.scenarioId,
      name: options.scenario.name,
      strategy: options.scenario.strategy.name,
      baseSeed,
      seed: s.seed,
      months: options.scenario.months,
      households: s.world.households.count,
    };
    // Right after creation the world still holds the initial state's events (month 0).
    const initial = s.world.events.slice();
    const result = s.result();
    emit({ type: 'start', identity, snapshot: snapshotAt(result, result.series.months.length - 1), events: initial });
    emitStatus();
    lastTick = clock.now();
    resetPace();
    schedule(0);
  }

  function resetPace(): void {
    paceSamples = [];
    playingSince = clock.now();
  }

  function measurePace(now: number, months: number): number | null {
    paceSamples.push({ at: now, months });
    paceSamples = paceSamples.filter((p) => p.at > now - PACE_WINDOW_MS);
    const span = Math.min(PACE_WINDOW_MS, now - playingSince);
    if (span < 1000) return null;
    return (paceSamples.reduce((a, p) => a + p.months, 0) / span) * 1000;
  }

  /** Advances up to `n` months within `budgetMs`, then reports each month from one result. */
  function advance(n: number, budgetMs: number, playing = false): number {
    if (!sim || ended) return 0;
    const s = sim;
    const started = clock.now();
    const perMonth: SimEvent[][] = [];
    while (perMonth.length < n && !s.done) {
      perMonth.push(s.advance().slice());
      if (clock.now() - started >= budgetMs) break;
    }
    if (perMonth.length === 0) return 0;
    const result = s.result();
    const pace = playing ? measurePace(clock.now(), perMonth.length) : null;
    const last = result.series.months.length - 1;
    perMonth.forEach((events, i) => {
      const at = last - (perMonth.length - 1 - i);
      emit({
        type: 'month',
        run: runIndex,
        month: result.series.months[at],
        months: options.scenario.months,
        snapshot: snapshotAt(result, at),
        events,
        pace,
      });
    });
    if (s.done) finish(result, 'finished');
    return perMonth.length;
  }

  function finish(result: RunResult, reason: 'finished' | 'stopped'): void {
    cancel();
    ended = true;
    emit({ type: 'end', identity: identity!, result, reason });
    emitStatus();
  }

  function tick(): void {
    timer = null;
    if (disposed || paused || ended || !sim) return;
    const now = clock.now();
    const rate = SPEEDS[speed];
    let n: number;
    if (rate === Infinity) n = Number.MAX_SAFE_INTEGER;
    else {
      carry += ((now - lastTick) / 1000) * rate;
      // The epsilon absorbs rounding: 83.33 ms at 12 months a second is one month, not 0.99999.
      n = Math.floor(carry + 1e-6);
      carry = Math.max(0, carry - n);
      // Do not catch up a backlog (after a slow tick or a long render): drop it.
      if (carry > 1) carry = 1;
    }
    lastTick = now;
    const done = n > 0 ? advance(n, TICK_BUDGET_MS, true) : 0;
    if (rate !== Infinity && done < n) carry = 0;
    if (ended) return;
    const interval = rate === Infinity ? 0 : Math.max(MIN_TICK_MS, 1000 / rate);
    schedule(interval);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (sim || disposed) return;
      begin(options.baseSeed);
    },
    send(command) {
      if (disposed || !sim) return;
      switch (command.type) {
        case 'pause':
        case 'resume':
        case 'toggle': {
          const next = command.type === 'toggle' ? !paused : command.type === 'pause';
          if (next === paused || ended) return;
          paused = next;
          if (paused) cancel();
          else {
            lastTick = clock.now();
            carry = 0;
            resetPace();
            schedule(0);
          }
          emitStatus();
          return;
        }
        case 'step':
          if (paused && !ended) advance(1, Infinity);
          return;
        case 'faster':
        case 'slower': {
          const next = clampSpeed(speed + (command.type === 'faster' ? 1 : -1));
          if (next === speed) return;
          speed = next;
          carry = 0;
          resetPace();
          emitStatus();
          if (!paused && !ended) schedule(0);
          return;
        }
        case 'stop':
          if (ended) return;
          finish(sim.result(), 'stopped');
          return;
        case 'restart':
          begin(command.baseSeed ?? identity!.baseSeed + 1);
          return;
      }
    },
    runToEnd() {
      if (!sim) begin(options.baseSeed);
      cancel();
      while (!ended) advance(Number.MAX_SAFE_INTEGER, Infinity);
      return sim!.result();
    },
    get status() {
      return status();
    },
    get identity() {
      return identity;
    },
    result() {
      return sim ? sim.result() : null;
    },
    dispose() {
      cancel();
      disposed = true;
      listeners.clear();
    },
  };
}

function clampSpeed(i: number): number {
  return Math.max(0, Math.min(SPEEDS.length - 1, Math.round(i)));
}

const ENTERPRISE_IDS = ENTERPRISE_KINDS.map((k) => `enterprises_${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);

/** The snapshot of recorded month index `at`, read from a result (stage months from its timeline). */
export function snapshotAt(result: RunResult, at: number): MonthSnapshot {
  const month = result.series.months[at];
  const value = (s: IndicatorSeries, id: string): number => {
    const k = s.indicators.findIndex((i) => i.id === id);
    return k < 0 ? Number.NaN : seriesValue(s, at, 0, k);
  };
  const indicators: Record<string, number> = {};
  for (const id of SNAPSHOT_INDICATORS) indicators[id] = value(result.series, id);
  const enterprises = {} as Record<EnterpriseKind, number>;
  ENTERPRISE_KINDS.forEach((kind, i) => {
    enterprises[kind] = value(result.series, ENTERPRISE_IDS[i]);
  });
  const regions = result.stageTimeline.map((t): RegionStage => {
    const stageStart = t.stages.map((m) => (m !== null && m <= month ? m : null));
    let stage = 0;
    stageStart.forEach((m, k) => {
      if (m !== null) stage = k + 1;
    });
    return { name: t.region, stage, stageStart };
  });
  const fed = result.federationMonth;
  return { month, indicators, regions, enterprises, federationMonth: fed !== null && fed <= month ? fed : null };
}
