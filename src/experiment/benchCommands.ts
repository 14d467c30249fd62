import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runSeed } from '../core/seed.js';
import { SimulationError } from '../core/errors.js';
import { loadScenario } from '../scenario/load.js';
import { median } from './benchStats.js';
import { createSimulation } from './simulation.js';
import { packageUrl } from '../core/packageUrl.js';

/** What the command part of the benchmark runs: `kopsim` as a user starts it, in fresh processes. */
export interface CommandsBenchSpec {
  /** Fresh processes per command (the median is reported). */
  readonly processes: number;
  /** The scenario `kopsim run` runs (and `validate` checks), with overrides. */
  readonly scenario: string;
  readonly sets: readonly string[];
}

/** Wall time and CPU time of one command line over fresh processes. */
export interface CommandFigure {
  /** The command line after `kopsim`, e.g. `run default --no-report --no-tui`. */
  readonly command: string;
  readonly medianSeconds: number;
  readonly runsSeconds: number[];
  /** CPU time of the process (user + system, all threads), median over the processes. */
  readonly medianCpuSeconds: number;
  readonly cpuSeconds: number[];
}

export interface CommandsFigure {
  readonly processes: number;
  readonly scenario: string;
  readonly sets: readonly string[];
  readonly households: number;
  readonly months: number;
  /** `--version`, `validate`, `schema`, `run --no-report --no-tui`, `run --no-tui` (charts and report.html), in that order. */
  readonly commands: CommandFigure[];
  /**
   * A bare Node start (`node -e ""`, with the same CPU-time preload) in as many fresh processes:
   * what every command pays before kopsim's first line. Machines of one kind differ in it (a
   * whole `kopsim --version` took 0.09 s on one, Node alone 0.12 s on another), so a command's
   * time above it is what compares across them.
   */
  readonly nodeStart: CommandFigure;
  /** The simulation's time (world creation and stepping: the manifest's simulationMs) in a fresh `kopsim run`, median, ms. */
  readonly freshSteppingMs: number;
  /** The same simulation in this process once its code is warm (after the same run as warm-up), median, ms. */
  readonly warmSteppingMs: number;
  /** Fresh over warm: what cold code costs. */
  readonly coldToWarm: number;
}

const BIN = fileURLToPath(packageUrl('bin/kopsim'));
/** The CPU-time preload, built in dist/ (from the sources too: `bin/kopsim` runs dist/ anyway). */
const CPU_PRELOAD = packageUrl('dist/experiment/benchCpuPreload.js').href;

/** Runs of the simulation in the benchmark's process before its warm time is measured. */
const WARM_UP_RUNS = 3;

/** Runs `kopsim ...args` in a fresh process; its wall time and CPU time in seconds. Throws if it fails. */
function timeCommand(args: readonly string[], cwd: string): { wall: number; cpu: number } {
  return timeNode([BIN, ...args], `kopsim ${args.join(' ')}`, cwd);
}

/** Runs `node <preload> ...argv` in a fresh process; its wall time and CPU time in seconds. Throws if it fails. */
function timeNode(argv: readonly string[], label: string, cwd: string): { wall: number; cpu: number } {
  const cpuFile = join(cwd, 'cpu-time');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_PRELOAD, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', KOPSIM_BENCH_CPU_FILE: cpuFile },
  });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new SimulationError(`bench: ${label} exited with ${r.status}: ${r.stderr.slice(-500)}`);
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) / 1e6 };
}

/**
 * Times kopsim's commands as a user meets them, each in `processes` fresh processes (start-up,
 * module loading and cold code included), and the simulation's cold-to-warm penalty. Run
 * folders go to a temporary folder, removed at the end.
 */
export function measureCommands(spec: CommandsBenchSpec, log: (line: string) => void): CommandsFigure {
  const loaded = loadScenario(spec.scenario, spec.sets);
  const sets = spec.sets.flatMap((s) => ['--set', s]);
  const processes = Math.max(1, Math.floor(spec.processes));
  const work = mkdtempSync(join(tmpdir(), 'kopsim-bench-'));
  const commands: CommandFigure[] = [];
  const fresh: number[] = [];
  let nodeStart: CommandFigure | undefined;
  try {
    log(`commands: a bare Node start (node -e ""), ${processes} fresh processes`);
    nodeStart = figureOf('node -e ""', processes, () => timeNode(['-e', ''], 'node -e ""', work));
    let folder = 0;
    const lines: { label: string; args: () => string[]; after?: (out: string) => void }[] = [
      { label: '--version', args: () => ['--version'] },
      { label: `validate ${spec.scenario}`, args: () => ['validate', spec.scenario, ...sets] },
      { label: 'schema', args: () => ['schema'] },
      {
        label: `run ${spec.scenario} --no-report --no-tui`,
        args: () => ['run', spec.scenario, ...sets, '--no-report', '--no-tui', '--out', join(work, `r${folder}`)],
        after: (out) => {
          const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
          fresh.push(manifest.timings.simulationMs);
        },
      },
      {
        label: `run ${spec.scenario} --no-tui (with the report)`,
        args: () => ['run', spec.scenario, ...sets, '--no-tui', '--out', join(work, `r${folder}`)],
      },
    ];
    for (const line of lines) {
      log(`commands: kopsim ${line.label}, ${processes} fresh processes`);
      commands.push(
        figureOf(line.label, processes, () => {
          folder++;
          const time = timeCommand(line.args(), work);
          line.after?.(join(work, `r${folder}`));
          return time;
        }),
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // One warm-up run is not enough: the second run in a process still takes about twice the
  // time of the fourth (V8 is still optimizing), which would understate the penalty.
  log(`commands: the same simulation warm in this process, ${WARM_UP_RUNS} warm-up runs + ${processes} runs`);
  const seed = runSeed(loaded.scenario.seed);
  const warm: number[] = [];
  for (let r = 0; r < WARM_UP_RUNS + processes; r++) {
    const sim = createSimulation(loaded.id, loaded.scenario, seed);
    while (!sim.done) sim.advance();
    if (r >= WARM_UP_RUNS) warm.push(sim.result().elapsedMs);
  }
  if (!nodeStart) throw new SimulationError('bench: the bare Node start was not measured');
  const freshSteppingMs = median(fresh);
  const warmSteppingMs = median(warm);
  return {
    processes,
    scenario: spec.scenario,
    sets: [...spec.sets],
    households: loaded.scenario.regions.reduce((a, r) => a + r.households, 0),
    months: loaded.scenario.months,
    commands,
    nodeStart,
    freshSteppingMs,
    warmSteppingMs,
    coldToWarm: freshSteppingMs / warmSteppingMs,
  };
}

/** Medians of `processes` timings of one command line. */
function figureOf(command: string, processes: number, time: () => { wall: number; cpu: number }): CommandFigure {
  const runsSeconds: number[] = [];
  const cpuSeconds: number[] = [];
  for (let p = 0; p < processes; p++) {
    const { wall, cpu } = time();
    runsSeconds.push(wall);
    cpuSeconds.push(cpu);
  }
  return { command, medianSeconds: median(runsSeconds), runsSeconds, medianCpuSeconds: median(cpuSeconds), cpuSeconds };
}
