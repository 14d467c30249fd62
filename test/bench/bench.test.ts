import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { BENCH_PARTS, runBench, type BenchResult } from '../../src/experiment/bench.js';
import { fullModelScenario, PHASES, timedRun } from '../../src/experiment/benchThroughput.js';
import { runScenario } from '../../src/experiment/simulation.js';
import { main } from '../../src/cli/main.js';
import { benchText, writeBenchJson } from '../../src/report/benchReport.js';
import { timeseriesCsv } from '../../src/report/timeseriesCsv.js';

/*
 * The benchmark on tiny sizes: it must produce and print every figure. No timing is
 * asserted (the figures depend on the machine); only that each one is there.
 */
describe('kopsim bench', () => {
  let result: BenchResult;

  it('measures every part on tiny sizes', async () => {
    result = await runBench({
      sizes: [300, 600],
      months: 3,
      runs: 1,
      processSize: 600,
      memorySize: 500,
      // The national scenario would take seconds even for one month: a small stand-in.
      national: { scenario: 'default', sets: ['months=2', 'regions=[{"name":"a","households":200}]'] },
      replications: {
        scenario: 'default',
        sets: ['months=3', 'regions=[{"name":"a","households":60}]'],
        replicates: 3,
        workers: [1, 2],
      },
      calibration: {
        file: 'baseline-bps',
        particles: 3,
        generations: 2,
        workers: 1,
        sets: ['regions=[{"name":"a","households":60}]'],
      },
      // Fresh `kopsim` processes (dist/, built by npm test) on a tiny run.
      commands: { processes: 1, scenario: 'default', sets: ['months=3', 'regions=[{"name":"a","households":60}]'] },
      only: new Set(BENCH_PARTS),
    });
    expect(result.throughput!.map((t) => t.households)).toEqual([300, 600]);
    for (const t of result.throughput!) {
      expect(t.runsMs).toHaveLength(1);
      expect(t.householdMonthsPerSecond).toBeGreaterThan(0);
      // The model alone is the run without its indicators' phase.
      expect(t.modelNsPerHouseholdMonth).toBeGreaterThan(0);
      expect(t.modelNsPerHouseholdMonth).toBeLessThan(t.nsPerHouseholdMonth);
    }
    expect(result.costRatio!.ratio).toBeGreaterThan(0);
    expect(result.processes!.phases.map((p) => p.name).sort()).toEqual([...PHASES].sort());
    expect(result.processes!.phases.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 9);
    expect(result.memory!.households).toBe(500);
    // The world's typed arrays alone: the household columns are over 100 bytes a household.
    expect(result.memory!.worldTypedArrays).toBeGreaterThan(100);
    expect(result.national!.status).toBe('measured');
    expect(result.national!.households).toBe(200);
    expect(result.replications!.byWorkers.map((b) => b.workers)).toEqual([1, 2]);
    expect(result.replications!.byWorkers.every((b) => b.medianCpuSeconds > 0)).toBe(true);
    expect(result.replications!.speedup).toBeGreaterThan(0);
    // Two generations of 2 x 3 proposals and 3 predictive draws.
    expect(result.calibration!.simulations).toBe(15);
    expect(result.calibration!.parameters).toBe(5);
    expect(result.commands!.commands.map((c) => c.runsSeconds.length)).toEqual([1, 1, 1, 1, 1]);
    // Each fresh process's CPU time, read from what the preload wrote at its exit.
    expect(result.commands!.commands.every((c) => c.cpuSeconds.length === 1 && c.medianCpuSeconds > 0)).toBe(true);
    expect(result.commands!.households).toBe(60);
    expect(result.commands!.coldToWarm).toBeGreaterThan(0);
    // The bare Node start every command pays, measured the same way.
    expect(result.commands!.nodeStart.runsSeconds.length).toBe(1);
    expect(result.commands!.nodeStart.medianCpuSeconds).toBeGreaterThan(0);
    expect(result.targets).toHaveLength(16);
    // Measured at other sizes than the issue's: no target is judged.
    expect(result.targets.every((t) => t.met === null)).toBe(true);
  });

  it('prints every figure and writes bench.json', () => {
    const text = benchText(result);
    for (const needle of [
      'engine throughput, 300 households',
      'engine throughput, 600 households',
      'cost per household-month, 600 vs 300',
      'memory, 500 households',
      'national scenario (default: 200 households x 2 months)',
      '3 replications of default (60 x 3 months), 1 worker',
      '3 replications of default (60 x 3 months), 2 workers',
      'parallel speedup',
      'calibration baseline-bps: 5 parameters, 8 targets, 3 particles, 2 generations',
      'bare Node start (node -e ""), fresh process',
      'above a bare Node start',
      'kopsim --version, fresh process',
      'kopsim validate default, fresh process',
      'kopsim schema, fresh process',
      'kopsim run default --no-report --no-tui, fresh process',
      'kopsim run default --no-tui (with the report), fresh process',
      'cold-to-warm penalty, default (60 x 3 months)',
      'efficiency',
      'time per process, 600 households',
      'indicators',
      'awareness',
      'membership',
      'production',
      'consumption',
      'enterprises',
      'ledger',
      'targets',
    ]) {
      expect(text).toContain(needle);
    }
    const dir = mkdtempSync(join(tmpdir(), 'kopsim-bench-'));
    const file = join(dir, 'bench', 'bench.json');
    writeBenchJson(file, result);
    const written = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
    expect(written.throughput!.length).toBe(2);
    expect(written.machine.cores).toBeGreaterThan(0);
    expect(written.options.runs).toBe(1);
  });

  it('says when the national scenario does not exist, instead of failing', async () => {
    const r = await runBench({
      sizes: [],
      months: 1,
      runs: 1,
      processSize: 100,
      memorySize: 100,
      national: { scenario: 'no-such-scenario-file', sets: [] },
      replications: { scenario: 'default', sets: [], replicates: 1, workers: [1] },
      calibration: { file: 'baseline-bps', particles: 1, generations: 1, workers: 1 },
      commands: { processes: 1, scenario: 'default', sets: [] },
      only: new Set(['national']),
    });
    expect(r.national!.status).toBe('missing');
    expect(benchText(r)).toContain("no scenario 'no-such-scenario-file'");
  });

  it('times the same work a simulation does (identical indicator series)', () => {
    const scenario = fullModelScenario(400, 8);
    const timed = timedRun(scenario, 3);
    const reference = runScenario('bench', scenario, 3);
    expect(timeseriesCsv(timed.series)).toBe(timeseriesCsv(reference.series));
  });

  it('rejects an unknown part with exit code 2 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kopsim-bench-'));
    const out = join(dir, 'bench.json');
    const code = await main(['bench', '--only', 'throughput,speed', '--out', out]);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
