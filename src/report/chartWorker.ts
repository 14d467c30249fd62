import { moduleWorker } from '../core/moduleWorker.js';
import { OutputError } from '../core/errors.js';
import type { ChartWorkerReply, ChartWorkerRequest } from './chartWorkerThread.js';
import {
  renderedChart,
  type ChartProgress,
  type ChartRenderer,
  type ChartToRender,
  type RenderedChart,
} from './renderChart.js';

/** A thread that renders charts, started before they are known (see {@link startChartWorker}). */
export interface ChartWorker {
  /** Renders charts in the worker: the same charts, bytes and progress as `renderCharts` in this thread. */
  readonly render: ChartRenderer;
  /** Ends the worker; a render still under way fails. */
  close(): Promise<void>;
}

interface Pending {
  readonly charts: readonly ChartToRender[];
  readonly onRendered?: ChartProgress;
  readonly resolve: (charts: RenderedChart[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Starts a chart worker thread now, so that it loads vega, vega-lite and resvg and warms
 * their code up while this thread does other work (a simulation), on the machine's other
 * core. Rendering there afterwards gives the same SVG and PNG bytes as in this thread.
 * The worker keeps the process alive only while a render is under way; a failure in it is an
 * OutputError (exit 1) naming what failed.
 */
export function startChartWorker(): ChartWorker {
  const worker = moduleWorker('chartWorkerThread', import.meta.url);
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let stopped: OutputError | undefined;
  const settle = (id: number): Pending | undefined => {
    const p = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return p;
  };
  const stop = (error: OutputError): void => {
    stopped ??= error;
    for (const id of [...pending.keys()]) settle(id)?.reject(stopped);
  };
  worker.on('message', (reply: ChartWorkerReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.kind === 'progress') p.onRendered?.(reply.done, reply.total, reply.name);
    else if (reply.kind === 'done')
      settle(reply.id)?.resolve(p.charts.map((c, i) => renderedChart(c, reply.drawn[i]!)));
    else {
      const cause = Object.assign(new Error(reply.error), { stack: reply.stack });
      settle(reply.id)?.reject(new OutputError(`could not draw the charts: ${reply.error}`, { cause }));
    }
  });
  worker.on('error', (error) => stop(new OutputError(`the chart worker failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => stop(new OutputError(`the chart worker stopped (exit code ${code})`)));
  // After the listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();
  return {
    render(charts, onRendered) {
      if (stopped) return Promise.reject(stopped);
      if (charts.length === 0) return Promise.resolve([]);
      const id = nextId++;
      return new Promise<RenderedChart[]>((resolve, reject) => {
        pending.set(id, { charts, onRendered, resolve, reject });
        worker.ref();
        worker.postMessage({ id, charts } satisfies ChartWorkerRequest);
      });
    },
    async close() {
      stop(new OutputError('the chart worker was closed'));
      await worker.terminate();
    },
  };
}
