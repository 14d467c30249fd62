import { parentPort } from 'node:worker_threads';
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

/** Message from a worker to the pool. */
export type WorkerReply =
  | { readonly ok: true; readonly index: number; readonly record: RunRecord }
  | { readonly ok: false; readonly index: number; readonly error: string; readonly stack: string };

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const record = executeTask(msg.task);
      reply = { ok: true, index: msg.task.run.index, record };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { ok: false, index: msg.task.run.index, error: e.message, stack: e.stack ?? e.message };
    }
    port.postMessage(reply);
  });
}
