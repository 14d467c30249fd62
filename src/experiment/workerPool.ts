import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../core/moduleWorker.js';
import type { PlannedRun, RunnablePlan } from './plan.js';
import { scenarioForRun } from './plan.js';
import type { ExperimentProgress, WorkerState } from './progress.js';
import type { RunFailure, RunRecord } from './runRecord.js';
import { loadProbe } from './runProbe.js';
import { executeTask, type RunTask } from './runTask.js';
import type { WorkerReply } from './runWorker.js';

/** Where finished runs go, as they finish (in completion order, not plan order). */
export interface RunSinks {
  onRecord(record: RunRecord): void;
  onFailure(failure: RunFailure, stack: string): void;
  onProgress?(progress: ExperimentProgress): void;
}

export interface ExecuteOptions extends RunSinks {
  readonly plan: RunnablePlan;
  /** The runs to do now, in plan order (a shard, minus those already finished). */
  readonly runs: readonly PlannedRun[];
  /** Worker threads; 0 runs everything in this thread (tests, debugging). */
  readonly workers: number;
  /** Runs finished before (resume), for progress only. */
  readonly skipped?: number;
  /** Aborting stops handing out runs and ends the workers; finished runs stay reported. */
  readonly signal?: AbortSignal;
  /** Replaces the simulation in in-thread mode (tests inject failures with it). */
  readonly execute?: (task: RunTask) => RunRecord;
  /**
   * The scenario a run simulates, when it is not its plan scenario with the design
   * point's values set ({@link scenarioForRun}): e.g. a Shapley coalition's scenario,
   * which differs in `strategy.enabledStages` or `strategy.inertStages`, with the
   * scenario whose timeline it takes.
   */
  readonly scenarioOf?: (run: PlannedRun) => Pick<RunTask, 'scenario' | 'timelineFrom'>;
  /** URL of a module exporting a `probe` that watches every run (see runProbe.ts); its measures go in each record. */
  readonly probe?: string;
}

export interface ExecuteOutcome {
  readonly completed: number;
  readonly failed: number;
  /** True when the signal aborted before every run was done. */
  readonly interrupted: boolean;
}

/**
 * Runs the given runs on a pool of worker threads (or in this thread when workers is 0),
 * reporting each as it finishes. A run that throws is reported as a failure with its
 * seed and design point, and the others go on; a worker that dies is replaced. Which
 * worker runs which run, and in what order they finish, does not change any record.
 */
export async function executeRuns(opts: ExecuteOptions): Promise<ExecuteOutcome> {
  const started = Date.now();
  const total = opts.runs.length;
  let completed = 0;
  let failed = 0;
  const poolSize = Math.max(0, Math.min(opts.workers, total));
  // What each worker (slot) is doing, for progress displays.
  const slots: WorkerState[] = Array.from({ length: Math.max(1, poolSize) }, (_, k) => ({ id: k + 1, run: null }));
  const running = () => slots.filter((w) => w.run !== null).length;
  const progress = (last?: ExperimentProgress['last']): void =>
    opts.onProgress?.({
      total,
      skipped: opts.skipped ?? 0,
      done: completed + failed,
      failed,
      running: running(),
      workers: slots.slice(),
      elapsedMs: Date.now() - started,
      last,
    });
  const taskOf = (run: PlannedRun): RunTask => ({
    run,
    ...(opts.scenarioOf ? opts.scenarioOf(run) : { scenario: scenarioForRun(opts.plan, run) }),
    indicators: opts.plan.indicators,
    ...(opts.probe ? { probe: opts.probe } : {}),
  });
  const fail = (run: PlannedRun, error: string, stack: string): void => {
    failed++;
    opts.onFailure(failureOf(run, error), stack);
    progress({ key: run.key, seed: run.seed, ok: false, error });
  };
  const succeed = (record: RunRecord): void => {
    completed++;
    opts.onRecord(record);
    progress({ key: record.key, seed: record.seed, ok: true });
  };
  progress();

  if (poolSize === 0 || total === 0) {
    const probe = opts.probe ? await loadProbe(opts.probe) : undefined;
    const execute = opts.execute ?? ((task: RunTask) => executeTask(task, undefined, probe));
    for (const run of opts.runs) {
      if (opts.signal?.aborted) return { completed, failed, interrupted: true };
      slots[0] = { id: 1, run: run.key, month: 0, months: run.months };
      try {
        const record = execute(taskOf(run));
        slots[0] = { id: 1, run: null };
        succeed(record);
      } catch (error) {
        slots[0] = { id: 1, run: null };
        const e = error instanceof Error ? error : new Error(String(error));
        fail(run, e.message, e.stack ?? e.message);
      }
      // Let signal handlers run between runs.
      await new Promise((r) => setImmediate(r));
    }
    return { completed, failed, interrupted: false };
  }

  return new Promise<ExecuteOutcome>((resolvePool) => {
    let next = 0;
    let finished = false;
    const pool = new Set<Worker>();
    const finish = (interrupted: boolean): void => {
      if (finished) return;
      finished = true;
      opts.signal?.removeEventListener('abort', onAbort);
      const ending = [...pool].map((w) => w.terminate());
      pool.clear();
      void Promise.allSettled(ending).then(() => resolvePool({ completed, failed, interrupted }));
    };
    const onAbort = (): void => finish(true);
    opts.signal?.addEventListener('abort', onAbort);
    if (opts.signal?.aborted) return finish(true);
    const maybeDone = (): void => {
      if (running() === 0 && pool.size === 0) finish(Boolean(opts.signal?.aborted) && completed + failed < total);
    };

    const start = (slot: number): void => {
      const worker = takeWorker();
      pool.add(worker);
      let current: PlannedRun | undefined;
      const dispatch = (): void => {
        if (finished) return;
        if (next >= total || opts.signal?.aborted) {
          current = undefined;
          slots[slot] = { id: slot + 1, run: null };
          pool.delete(worker);
          worker.off('message', onMessage).off('error', died).off('exit', onExit);
          // Kept for the next executeRuns of this process: its code is compiled and warm.
          if (opts.signal?.aborted) void worker.terminate();
          else idleWorker(worker);
          maybeDone();
          return;
        }
        current = opts.runs[next++];
        slots[slot] = { id: slot + 1, run: current.key, month: 0, months: current.months };
        worker.postMessage({ task: taskOf(current) });
        progress();
      };
      const onMessage = (reply: WorkerReply): void => {
        if (finished || !current || reply.index !== current.index) return;
        if (reply.kind === 'month') {
          slots[slot] = { ...slots[slot], month: reply.month };
          progress();
          return;
        }
        const run = current;
        current = undefined;
        slots[slot] = { id: slot + 1, run: null };
        if (reply.ok) succeed(reply.record);
        else fail(run, reply.error, reply.stack);
        dispatch();
      };
      const died = (error: Error): void => {
        if (finished || !pool.has(worker)) return;
        pool.delete(worker);
        slots[slot] = { id: slot + 1, run: null };
        if (current) {
          const run = current;
          current = undefined;
          fail(run, `worker died: ${error.message}`, error.stack ?? error.message);
        }
        if (next < total && !opts.signal?.aborted) start(slot);
        else maybeDone();
      };
      const onExit = (code: number): void => died(new Error(`worker exited with code ${code}`));
      worker.on('message', onMessage).on('error', died).on('exit', onExit);
      dispatch();
    };
    for (let k = 0; k < poolSize; k++) start(k);
  });
}

/*
 * Workers left idle by an executeRuns, reused by the next one in this process (the
 * generations of a calibration, the arms of a validation, the batches of a command): a new
 * worker compiles the model again and runs its first runs on cold code, several times slower
 * than a warm worker (docs/performance.md). Idle workers are unref'd, so they never keep the
 * process alive, and a worker that dies while idle is dropped.
 */
const idle: Worker[] = [];

function takeWorker(): Worker {
  const worker = idle.pop();
  if (!worker) return spawnWorker();
  worker.ref();
  return worker;
}

function idleWorker(worker: Worker): void {
  worker.unref();
  idle.push(worker);
}

/** How many worker threads wait idle for the next executeRuns. */
export function idleWorkerCount(): number {
  return idle.length;
}

/** Ends the idle worker threads kept for reuse (a library user's clean-up; the CLI need not call it). */
export async function endIdleWorkers(): Promise<void> {
  await Promise.allSettled(idle.splice(0).map((w) => w.terminate()));
}

function failureOf(run: PlannedRun, error: string): RunFailure {
  return {
    index: run.index,
    key: run.key,
    scenario: run.scenario,
    point: run.point,
    params: run.params,
    replicate: run.replicate,
    seed: run.seed,
    months: run.months,
    error,
  };
}

/** Starts a worker for the pool, which drops it from the idle list if it ends while idle. */
function spawnWorker(): Worker {
  const worker = moduleWorker('runWorker', import.meta.url);
  // While idle no run listens: an error is followed by 'exit', which drops it from the idle list.
  worker.on('error', () => {});
  worker.on('exit', () => {
    const k = idle.indexOf(worker);
    if (k >= 0) idle.splice(k, 1);
  });
  return worker;
}
