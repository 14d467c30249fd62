import { performance } from 'node:perf_hooks';
import { SimulationError } from '../core/errors.js';
import { loadExperimentDocument } from '../scenario/loadExperiment.js';
import { planExperiment, type ExperimentPlan } from './plan.js';
import { endIdleWorkers, executeRuns } from './workerPool.js';

/** What to replicate: `replicates` runs of a scenario with `sets` applied. */
export interface ReplicationSpec {
  readonly scenario: string;
  readonly sets: readonly string[];
  readonly replicates: number;
}

/** Plans the replications as `kopsim replicate <scenario> -n <replicates>` would. */
export function replicationPlan(spec: ReplicationSpec): ExperimentPlan {
  const loaded = loadExperimentDocument(
    { kind: 'replicate', scenarios: [spec.scenario] },
    'kopsim bench',
    process.cwd(),
    undefined,
    { replicates: spec.replicates, sets: spec.sets },
  );
  return planExperiment(loaded);
}

/**
 * Wall time of running every run of `plan` on the worker pool with `workers` worker
 * threads (worker start-up and their cold code included, as a user of `kopsim replicate` waits for them),
 * milliseconds. Throws if a run fails.
 */
export async function timeReplications(plan: ExperimentPlan, workers: number): Promise<number> {
  const failures: string[] = [];
  // Fresh workers, as a new `kopsim replicate` starts them (the pool keeps workers between calls).
  await endIdleWorkers();
  const started = performance.now();
  const outcome = await executeRuns({
    plan,
    runs: plan.runs,
    workers,
    onRecord: () => {},
    onFailure: (failure) => failures.push(`${failure.key}: ${failure.error}`),
  });
  const ms = performance.now() - started;
  if (failures.length > 0 || outcome.completed !== plan.runs.length) {
    throw new SimulationError(
      `bench replications: ${failures.length} runs failed (${failures.slice(0, 3).join('; ')})`,
    );
  }
  return ms;
}
