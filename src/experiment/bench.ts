import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { runSeed } from '../core/seed.js';
import { loadScenario, resolveScenarioPath } from '../scenario/load.js';
import { measureCommands, type CommandsBenchSpec, type CommandsFigure } from './benchCommands.js';
import { measureCalibration, type CalibrationBenchSpec, type CalibrationFigure } from './benchCalibration.js';
import { measureMemory, type MemoryFigure } from './benchMemory.js';
import { replicationPlan, timeReplications, type ReplicationSpec } from './benchReplications.js';
import { machineInfo, median, type MachineInfo } from './benchStats.js';
import { fullModelScenario, PHASES, timedRun } from './benchThroughput.js';
import { createSimulation, PIPELINE_MIN_HOUSEHOLDS } from './simulation.js';

/** The parts of the benchmark, for `--only`. */
export const BENCH_PARTS = [
  'commands',
  'throughput',
  'processes',
  'memory',
  'national',
  'replications',
  'calibration',
] as const;

/** Parts `--quick` leaves out: the calibration takes minutes. */
export const SLOW_BENCH_PARTS: readonly BenchPart[] = ['calibration'];
export type BenchPart = (typeof BENCH_PARTS)[number];

/** What to measure and how often. Every figure in the result records the options it came from. */
export interface BenchOptions {
  /** Household counts for the engine throughput (the full model, single-threaded). */
  readonly sizes: readonly number[];
  /** Months per throughput run. */
  readonly months: number;
  /** Measured runs per figure (the median is reported), after one warm-up. */
  readonly runs: number;
  /** Household count whose time per process is reported (one of `sizes`, or measured alone). */
  readonly processSize: number;
  /** Household count for the memory figure. */
  readonly memorySize: number;
  /** The national scenario (a name or path) and overrides, e.g. fewer months for a quick run. */
  readonly national: { readonly scenario: string; readonly sets: readonly string[] };
  readonly replications: ReplicationSpec & { readonly workers: readonly number[] };
  /** A calibration of the bundled targets (kopsim calibrate), timed with its number of simulations. */
  readonly calibration: CalibrationBenchSpec;
  /** kopsim's commands in fresh processes (start-up, `run` with and without the report, cold code). */
  readonly commands: CommandsBenchSpec;
  readonly only: ReadonlySet<BenchPart>;
  /** Progress lines for people (stderr), not part of the result. */
  readonly log?: (line: string) => void;
}

/** The figures of `kopsim bench` (also written to reports/bench/bench.json). */
export interface BenchResult {
  readonly kopsimBench: 1;
  readonly date: string;
  readonly machine: MachineInfo;
  /** 1-minute load average when the benchmark ended; compare with machine.loadAverage at its start. */
  readonly loadAverageAtEnd: number;
  readonly durationSeconds: number;
  readonly options: {
    readonly sizes: readonly number[];
    readonly months: number;
    readonly runs: number;
    readonly processSize: number;
    readonly memorySize: number;
    readonly national: { readonly scenario: string; readonly sets: readonly string[] };
    readonly replications: {
      readonly scenario: string;
      readonly sets: readonly string[];
      readonly replicates: number;
      readonly workers: readonly number[];
    };
    readonly calibration: CalibrationBenchSpec;
    readonly commands: CommandsBenchSpec;
    readonly only: readonly BenchPart[];
  };
  readonly throughput: ThroughputFigure[] | null;
  /** Cost per household-month at the largest size over the cost at the smallest. */
  readonly costRatio: { readonly largest: number; readonly smallest: number; readonly ratio: number } | null;
  readonly processes: ProcessFigure | null;
  readonly memory: MemoryFigure | null;
  readonly national: NationalFigure | null;
  readonly replications: ReplicationFigure | null;
  readonly calibration: CalibrationFigure | null;
  readonly commands: CommandsFigure | null;
  readonly targets: TargetCheck[];
}

export interface ThroughputFigure {
  readonly households: number;
  readonly months: number;
  readonly runs: number;
  /** Median wall time of the months of one run, milliseconds. */
  readonly medianMs: number;
  /** Household-months simulated per second (median run), single-threaded. */
  readonly householdMonthsPerSecond: number;
  readonly nsPerHouseholdMonth: number;
  /** Every measured run's time, milliseconds. */
  readonly runsMs: number[];
  /**
   * Median CPU time of the process per household-month, nanoseconds. Close to the wall
   * time on an idle machine; lower when other programs compete for the cores, so it
   * shows how much of a slow figure is contention.
   */
  readonly cpuNsPerHouseholdMonth: number;
  /**
   * Median wall time of the model alone (every phase but the indicators), nanoseconds
   * per household-month: issue 17 sets one target for the model and another for the
   * model with every indicator.
   */
  readonly modelNsPerHouseholdMonth: number;
}

/** Time per phase of the step, summed over the measured runs at one size. */
export interface ProcessFigure {
  readonly households: number;
  readonly phases: { readonly name: string; readonly nsPerHouseholdMonth: number; readonly share: number }[];
}

export interface NationalFigure {
  /** 'measured', or 'missing' when the scenario file does not exist (yet). */
  readonly status: 'measured' | 'missing';
  readonly scenario: string;
  readonly households: number;
  readonly months: number;
  readonly runs: number;
  /** Median wall time of a whole run, world creation included, seconds. */
  readonly medianSeconds: number;
  readonly runsSeconds: number[];
}

export interface ReplicationFigure {
  readonly scenario: string;
  readonly replicates: number;
  readonly households: number;
  readonly months: number;
  readonly runs: number;
  /**
   * Median wall time per worker count, seconds, and the median CPU time of the process over
   * the same runs (user + system, the workers' threads included): on a shared machine the
   * wall time of two workers mostly measures the wait for a core, the CPU time what they cost.
   */
  readonly byWorkers: {
    readonly workers: number;
    readonly medianSeconds: number;
    readonly runsSeconds: number[];
    readonly medianCpuSeconds: number;
  }[];
  /** Time with the fewest workers over time with the most: the speedup. */
  readonly speedup: number | null;
  /** Speedup over the ratio of worker counts (1 = perfect scaling). */
  readonly efficiency: number | null;
}

/** One of the issue's targets, and whether this measurement meets it. */
export interface TargetCheck {
  readonly measure: string;
  readonly target: string;
  readonly value: string;
  readonly met: boolean | null;
}

/** The default plan: the issue's sizes, five runs each. */
export function defaultBenchOptions(quick = false): Omit<BenchOptions, 'only' | 'log'> {
  if (quick) {
    return {
      sizes: [10_000, 100_000],
      months: 12,
      runs: 3,
      processSize: 100_000,
      memorySize: 100_000,
      national: { scenario: 'national', sets: ['months=12'] },
      replications: { scenario: 'default', sets: ['months=60'], replicates: 20, workers: [1, 2] },
      calibration: { file: 'baseline-bps', particles: 20, generations: 2, workers: 2 },
      commands: { processes: 3, scenario: 'default', sets: ['months=60'] },
    };
  }
  return {
    sizes: [10_000, 100_000, 1_000_000],
    months: 36,
    runs: 5,
    processSize: 100_000,
    memorySize: 1_000_000,
    national: { scenario: 'national', sets: [] },
    replications: { scenario: 'default', sets: [], replicates: 100, workers: [1, 2] },
    // Issue 13: the BPS block (5 parameters, 8 targets), 500 particles, 5 generations on the default district (2,500 households).
    calibration: { file: 'baseline-bps', particles: 500, generations: 5, workers: 2 },
    // Issue 17: the default scenario (2,500 households x 240 months) as `npx kopsim run` runs it.
    commands: { processes: 5, scenario: 'default', sets: [] },
  };
}

/** Runs the benchmark. Measures only; judging and printing are the caller's. */
export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => {});
  const runs = Math.max(1, Math.floor(opts.runs));
  const wants = (p: BenchPart) => opts.only.has(p);
  const seed = runSeed(1);
  const machine = machineInfo();
  const started = Date.now();

  // Memory first, while the heap holds nothing else.
  let memory: MemoryFigure | null = null;
  if (wants('memory')) {
    log(`memory: ${opts.memorySize.toLocaleString('en-US')} households`);
    memory = measureMemory(fullModelScenario(opts.memorySize, 3), seed, 3);
  }

  // Fresh processes next, before this process's own work warms or fills the machine.
  let commands: CommandsFigure | null = null;
  if (wants('commands')) commands = measureCommands(opts.commands, log);

  let throughput: ThroughputFigure[] | null = null;
  let processes: ProcessFigure | null = null;
  if (wants('throughput') || wants('processes')) {
    const sizes = wants('throughput') ? [...opts.sizes] : [];
    if (wants('processes') && !sizes.includes(opts.processSize)) sizes.push(opts.processSize);
    const figures: ThroughputFigure[] = [];
    for (const households of sizes) {
      const scenario = fullModelScenario(households, opts.months);
      log(
        `throughput: ${households.toLocaleString('en-US')} households x ${opts.months} months, warm-up + ${runs} runs`,
      );
      // Warm-up (JIT): at least 3 million household-months, so that small sizes are measured
      // compiled too, but no longer than a measured run.
      timedRun(
        fullModelScenario(households, Math.min(opts.months, Math.max(6, Math.ceil(3e6 / Math.max(1, households))))),
        seed,
      );
      const phaseTotals = new Float64Array(PHASES.length);
      const runsMs: number[] = [];
      const cpuMs: number[] = [];
      const modelMs: number[] = [];
      for (let r = 0; r < runs; r++) {
        const run = timedRun(scenario, seed);
        runsMs.push(run.totalMs);
        cpuMs.push(run.cpuMs);
        modelMs.push(run.totalMs - run.phaseMs[PHASES.indexOf('indicators')]);
        for (let p = 0; p < PHASES.length; p++) phaseTotals[p] += run.phaseMs[p];
      }
      const medianMs = median(runsMs);
      const hhMonths = households * opts.months;
      if (wants('throughput') && opts.sizes.includes(households)) {
        figures.push({
          households,
          months: opts.months,
          runs,
          medianMs,
          householdMonthsPerSecond: hhMonths / (medianMs / 1000),
          nsPerHouseholdMonth: (medianMs * 1e6) / hhMonths,
          runsMs,
          cpuNsPerHouseholdMonth: (median(cpuMs) * 1e6) / hhMonths,
          modelNsPerHouseholdMonth: (median(modelMs) * 1e6) / hhMonths,
        });
      }
      if (wants('processes') && households === opts.processSize) {
        const sum = phaseTotals.reduce((a, b) => a + b, 0);
        processes = {
          households,
          phases: PHASES.map((name, p) => ({
            name,
            nsPerHouseholdMonth: (phaseTotals[p] * 1e6) / (hhMonths * runs),
            share: sum > 0 ? phaseTotals[p] / sum : 0,
          })).sort((a, b) => b.share - a.share),
        };
      }
    }
    if (wants('throughput')) throughput = figures;
  }
  let costRatio: BenchResult['costRatio'] = null;
  if (throughput && throughput.length >= 2) {
    const bySize = [...throughput].sort((a, b) => a.households - b.households);
    const small = bySize[0];
    const large = bySize[bySize.length - 1];
    costRatio = {
      smallest: small.households,
      largest: large.households,
      ratio: large.nsPerHouseholdMonth / small.nsPerHouseholdMonth,
    };
  }

  let national: NationalFigure | null = null;
  if (wants('national')) national = await measureNational(opts.national, runs, log);

  let replications: ReplicationFigure | null = null;
  if (wants('replications')) replications = await measureReplications(opts.replications, runs, log);

  let calibration: CalibrationFigure | null = null;
  if (wants('calibration')) {
    const c = opts.calibration;
    log(
      `calibration: ${c.file}, ${c.particles} particles, ${c.generations} generations on ${c.workers} workers (one run)`,
    );
    calibration = await measureCalibration(c);
  }

  const result: Omit<BenchResult, 'targets'> = {
    kopsimBench: 1,
    date: new Date(started).toISOString(),
    machine,
    loadAverageAtEnd: loadavg()[0],
    durationSeconds: (Date.now() - started) / 1000,
    options: {
      sizes: [...opts.sizes],
      months: opts.months,
      runs,
      processSize: opts.processSize,
      memorySize: opts.memorySize,
      national: { scenario: opts.national.scenario, sets: [...opts.national.sets] },
      replications: {
        scenario: opts.replications.scenario,
        sets: [...opts.replications.sets],
        replicates: opts.replications.replicates,
        workers: [...opts.replications.workers],
      },
      calibration: { ...opts.calibration },
      commands: { ...opts.commands, sets: [...opts.commands.sets] },
      only: BENCH_PARTS.filter((p) => opts.only.has(p)),
    },
    throughput,
    costRatio,
    processes,
    memory,
    national,
    replications,
    calibration,
    commands,
  };
  return { ...result, targets: checkTargets(result) };
}

async function measureNational(
  spec: BenchOptions['national'],
  runs: number,
  log: (line: string) => void,
): Promise<NationalFigure> {
  if (!resolveScenarioPath(spec.scenario)) {
    log(`national: no scenario '${spec.scenario}' found; skipped`);
    return {
      status: 'missing',
      scenario: spec.scenario,
      households: 0,
      months: 0,
      runs: 0,
      medianSeconds: Number.NaN,
      runsSeconds: [],
    };
  }
  const loaded = loadScenario(spec.scenario, spec.sets);
  const scenario = loaded.scenario;
  const households = scenario.regions.reduce((a, r) => a + r.households, 0);
  log(
    `national: ${loaded.id}, ${households.toLocaleString('en-US')} households x ${scenario.months} months, ${runs} runs`,
  );
  const seed = runSeed(scenario.seed);
  const runsSeconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    // As `kopsim run` runs it: the welfare indicators on the second core.
    const sim = createSimulation(loaded.id, scenario, seed, undefined, undefined, {
      pipelineIndicators: households >= PIPELINE_MIN_HOUSEHOLDS,
    });
    try {
      while (!sim.done) sim.advance();
    } finally {
      sim.close();
    }
    runsSeconds.push((performance.now() - started) / 1000);
    log(`  run ${r + 1}: ${runsSeconds[r].toFixed(1)} s`);
  }
  return {
    status: 'measured',
    scenario: loaded.id,
    households,
    months: scenario.months,
    runs,
    medianSeconds: median(runsSeconds),
    runsSeconds,
  };
}

async function measureReplications(
  spec: BenchOptions['replications'],
  runs: number,
  log: (line: string) => void,
): Promise<ReplicationFigure> {
  const plan = replicationPlan(spec);
  const scenario = plan.scenarios[0].scenario;
  const households = scenario.regions.reduce((a, r) => a + r.households, 0);
  const byWorkers: ReplicationFigure['byWorkers'] = [];
  for (const workers of spec.workers) {
    log(
      `replications: ${spec.replicates} x ${spec.scenario} (${households.toLocaleString('en-US')} households x ${scenario.months} months) on ${workers} worker${workers === 1 ? '' : 's'}, warm-up + ${runs} runs`,
    );
    await timeReplications(
      replicationPlan({ ...spec, replicates: Math.min(spec.replicates, 2 * Math.max(1, workers)) }),
      workers,
    ); // warm-up
    const runsSeconds: number[] = [];
    const cpuSeconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      const cpu = process.cpuUsage();
      runsSeconds.push((await timeReplications(plan, workers)) / 1000);
      const used = process.cpuUsage(cpu);
      cpuSeconds.push((used.user + used.system) / 1e6);
    }
    byWorkers.push({ workers, medianSeconds: median(runsSeconds), runsSeconds, medianCpuSeconds: median(cpuSeconds) });
  }
  let speedup: number | null = null;
  let efficiency: number | null = null;
  if (byWorkers.length >= 2) {
    const sorted = [...byWorkers].sort((a, b) => a.workers - b.workers);
    const few = sorted[0];
    const many = sorted[sorted.length - 1];
    if (many.workers > few.workers) {
      speedup = few.medianSeconds / many.medianSeconds;
      efficiency = speedup / (many.workers / few.workers);
    }
  }
  return {
    scenario: spec.scenario,
    replicates: spec.replicates,
    households,
    months: scenario.months,
    runs,
    byWorkers,
    speedup,
    efficiency,
  };
}

/** The issues' targets (issues 7 and 17), judged on what was measured; `met` is null when a figure is missing or measured at other sizes. */
export function checkTargets(r: Omit<BenchResult, 'targets'>): TargetCheck[] {
  const fmt = (x: number, digits = 0) =>
    x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const targets: TargetCheck[] = [];
  const at100k = r.throughput?.find((t) => t.households === 100_000);
  targets.push({
    measure: 'throughput at 100,000 households',
    target: '>= 10,000,000 household-months/s',
    value: at100k
      ? `${fmt(at100k.householdMonthsPerSecond)} /s (${fmt(at100k.nsPerHouseholdMonth, 1)} ns)`
      : 'not measured',
    met: at100k ? at100k.householdMonthsPerSecond >= 1e7 : null,
  });
  targets.push({
    measure: 'engine at 100,000 households, the model alone (issue 17)',
    target: '<= 100 ns/household-month',
    value: at100k ? `${fmt(at100k.modelNsPerHouseholdMonth, 1)} ns` : 'not measured',
    met: at100k ? at100k.modelNsPerHouseholdMonth <= 100 : null,
  });
  targets.push({
    measure: 'engine at 100,000 households, with every indicator (issue 17)',
    target: '<= 120 ns/household-month',
    value: at100k ? `${fmt(at100k.nsPerHouseholdMonth, 1)} ns` : 'not measured',
    met: at100k ? at100k.nsPerHouseholdMonth <= 120 : null,
  });
  const ratio = r.costRatio;
  const issueSizes = ratio !== null && ratio.smallest === 10_000 && ratio.largest === 1_000_000;
  targets.push({
    measure: 'cost per household-month, 1,000,000 vs 10,000',
    target: '<= 1.5x',
    value: ratio ? `${ratio.ratio.toFixed(2)}x (${fmt(ratio.largest)} vs ${fmt(ratio.smallest)})` : 'not measured',
    met: ratio && issueSizes ? ratio.ratio <= 1.5 : null,
  });
  const mem = r.memory;
  targets.push({
    measure: `memory at ${mem ? fmt(mem.households) : '1,000,000'} households`,
    target: '<= 200 bytes/household',
    value: mem ? `${fmt(mem.total)} B/household` : 'not measured',
    met: mem && mem.households >= 1_000_000 ? mem.total <= 200 : null,
  });
  const nat = r.national;
  const natFull = nat?.status === 'measured' && nat.households >= 1_000_000 && nat.months >= 240;
  targets.push({
    measure: 'national scenario',
    target: '< 60 s',
    value: !nat
      ? 'not measured'
      : nat.status === 'missing'
        ? `no scenario '${nat.scenario}'`
        : `${fmt(nat.medianSeconds, 1)} s (${fmt(nat.households)} x ${nat.months} months)`,
    met: natFull ? nat!.medianSeconds < 60 : null,
  });
  targets.push({
    measure: 'national scenario (issue 17)',
    target: '< 30 s',
    value: nat?.status === 'measured' ? `${fmt(nat.medianSeconds, 1)} s` : 'not measured',
    met: natFull ? nat!.medianSeconds < 30 : null,
  });
  const rep = r.replications;
  const two = rep?.byWorkers.find((b) => b.workers === 2);
  const full = rep !== null && rep.replicates === 100 && rep.households === 2500 && rep.months === 240;
  targets.push({
    measure: `${rep ? rep.replicates : 100} replications on 2 workers`,
    target: '< 10 s',
    value: two ? `${fmt(two.medianSeconds, 1)} s` : 'not measured',
    met: two && full ? two.medianSeconds < 10 : null,
  });
  targets.push({
    measure: 'parallel speedup, 1 -> 2 workers',
    target: '>= 1.8',
    value:
      rep?.speedup != null ? `${rep.speedup.toFixed(2)} (efficiency ${rep.efficiency!.toFixed(2)})` : 'not measured',
    met: rep?.speedup != null && full ? rep.speedup >= 1.8 : null,
  });
  targets.push({
    measure: `${rep ? rep.replicates : 100} replications on 2 workers (issue 17)`,
    target: '< 5 s, efficiency >= 0.9',
    value: two ? `${fmt(two.medianSeconds, 1)} s, efficiency ${rep?.efficiency?.toFixed(2) ?? '-'}` : 'not measured',
    met: two && full && rep?.efficiency != null ? two.medianSeconds < 5 && rep.efficiency >= 0.9 : null,
  });
  targets.push(...commandTargets(r.commands));
  return targets;
}

/** Issue 17's targets for commands in fresh processes, judged only on the default scenario as bundled. */
function commandTargets(c: CommandsFigure | null): TargetCheck[] {
  const full = c !== null && c.scenario === 'default' && c.sets.length === 0;
  const limits = [0.3, 0.3, 0.3, 1.0, 2.5];
  const names = [
    'kopsim --version',
    'kopsim validate',
    'kopsim schema',
    'kopsim run --no-report --no-tui',
    'kopsim run with the report',
  ];
  const out: TargetCheck[] = names.map((name, k) => {
    const figure = c?.commands[k];
    const scoped = k >= 3 && c ? ` (${c.households.toLocaleString('en-US')} x ${c.months} months)` : '';
    return {
      measure: `${name}, fresh process${scoped}`,
      target: `< ${limits[k]} s`,
      value:
        figure && c
          ? `${figure.medianSeconds.toFixed(2)} s (Node alone ${c.nodeStart.medianSeconds.toFixed(2)} s)`
          : 'not measured',
      met: figure && full ? figure.medianSeconds < limits[k] : null,
    };
  });
  out.push({
    measure: 'cold-to-warm penalty (fresh stepping / warm stepping)',
    target: '< 2x',
    value: c
      ? `${c.coldToWarm.toFixed(1)}x (${Math.round(c.freshSteppingMs)} ms / ${Math.round(c.warmSteppingMs)} ms)`
      : 'not measured',
    met: c && full ? c.coldToWarm < 2 : null,
  });
  return out;
}
