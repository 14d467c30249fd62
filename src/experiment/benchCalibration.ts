import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SimulationError } from '../core/errors.js';
import { bundledScenariosDir } from '../scenario/load.js';
import { loadCalibration } from '../scenario/loadCalibration.js';
import { calibrationLoop } from './calibration/calibrationLoop.js';
import { planCalibration } from './calibration/calibrationPlan.js';
import type { RunRecord } from './runRecord.js';
import { executeRuns } from './workerPool.js';

/** Which calibration the benchmark times: a bundled targets file with its sampler settings. */
export interface CalibrationBenchSpec {
  /** Name of a file in scenarios/calibration/ (without .yaml). */
  readonly file: string;
  readonly particles: number;
  readonly generations: number;
  readonly workers: number;
  /** Overrides of every scenario (the tests use a tiny district). */
  readonly sets?: readonly string[];
}

/** How long a calibration took and how many simulations it ran. */
export interface CalibrationFigure {
  readonly file: string;
  readonly parameters: number;
  readonly targets: number;
  readonly particles: number;
  readonly proposals: number;
  readonly generations: number;
  readonly workers: number;
  readonly households: number;
  readonly months: number;
  /** Simulations run: every generation's proposals and the predictive draws. */
  readonly simulations: number;
  readonly seconds: number;
  /** The last generation's tolerance (how far the sampler got). */
  readonly finalTolerance: number;
}

/**
 * Times a whole calibration (generations and predictive draws) on the worker pool, in
 * memory: no folders, as the time is the sampler's and the simulations', not the disk's.
 */
export async function measureCalibration(spec: CalibrationBenchSpec): Promise<CalibrationFigure> {
  const loaded = loadCalibration(join(bundledScenariosDir(), 'calibration', `${spec.file}.yaml`), {
    particles: spec.particles,
    proposals: 2 * spec.particles,
    generations: spec.generations,
    // The sampler must run every generation for the figure to be comparable.
    minAcceptance: 0,
    sets: spec.sets,
  });
  const plan = planCalibration(loaded);
  const started = performance.now();
  const result = await calibrationLoop(plan, async (batch) => {
    const records: RunRecord[] = [];
    const failures: string[] = [];
    await executeRuns({
      plan: batch,
      runs: batch.runs,
      workers: spec.workers,
      onRecord: (r) => records.push(r),
      onFailure: (f) => failures.push(`${f.key}: ${f.error}`),
    });
    if (failures.length > 0)
      throw new SimulationError(`bench calibration: ${failures.length} runs failed (${failures[0]})`);
    return records.sort((a, b) => a.index - b.index);
  });
  const seconds = (performance.now() - started) / 1000;
  const scenario = plan.scenarios[0].scenario;
  return {
    file: spec.file,
    parameters: plan.parameters.length,
    targets: plan.targets.length,
    particles: plan.settings.particles,
    proposals: plan.settings.proposals,
    generations: result!.generations.length,
    workers: spec.workers,
    households: scenario.regions.reduce((a, r) => a + r.households, 0),
    months: Math.max(...plan.scenarios.map((s) => s.months)),
    simulations: result!.simulations,
    seconds,
    finalTolerance: result!.generations[result!.generations.length - 1].epsilon,
  };
}
