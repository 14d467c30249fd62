import { parentPort } from 'node:worker_threads';
import { loadProbe, type RunProbe } from './runProbe.js';
import type { RunRecord } from './runRecord.js';
import { executeTask, type RunTask } from './runTask.js';

/*
 * The worker-thread side of the pool (workerPool.ts): receives one task at a time,
 * posts back its record or its error. A run's result depends only on its task, so which
 * worker runs it does not matter.
 */

/** Message from the pool to a worker. */
export interface WorkerRequest {
  readonly task: RunTask;
}

/** Message from a worker to the pool: a finished run, a failed one, or progress within a run. */
export type WorkerReply =
  | { readonly kind: 'done'; readonly ok: true; readonly index: number; readonly record: RunRecord }
  | {
      readonly kind: 'done';
      readonly ok: false;
      readonly index: number;
      readonly error: string;
      readonly stack: string;
    }
  | { readonly kind: 'month'; readonly index: number; readonly month: number };

/** Least time between two progress messages of a worker, milliseconds. */
const PROGRESS_INTERVAL_MS = 250;

if (parentPort) {
  const port = parentPort;
  // The pool sends the next task only after this one's reply, so tasks never overlap here.
  port.on('message', async (msg: WorkerRequest) => {
    const index = msg.task.run.index;
    let reply: WorkerReply;
    let last = Date.now();
    try {
      const probe: RunProbe | undefined = msg.task.probe ? await loadProbe(msg.task.probe) : undefined;
      const record = executeTask(
        msg.task,
        (month) => {
          const now = Date.now();
          if (now - last >= PROGRESS_INTERVAL_MS) {
            last = now;
            port.postMessage({ kind: 'month', index, month } satisfies WorkerReply);
          }
        },
        probe,
      );
      reply = { kind: 'done', ok: true, index, record };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { kind: 'done', ok: false, index, error: e.message, stack: e.stack ?? e.message };
    }
    port.postMessage(reply);
  });
}
