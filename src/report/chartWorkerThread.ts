import { parentPort } from 'node:worker_threads';
import { warmUpChart } from './charts/warmUpChart.js';
import { chartSvg, drawCharts, type ChartToRender, type DrawnChart } from './renderChart.js';

/*
 * The thread side of a chart worker (chartWorker.ts). As soon as it starts, while the main
 * thread simulates, it loads vega, vega-lite and resvg and lays out a tiny chart, so that
 * the real charts meet compiled code. Then it renders the charts it is sent as the main
 * thread would (`drawCharts`), telling it of each chart done.
 */

/** Message from the main thread: charts to render, `id` naming the request in the replies. */
export interface ChartWorkerRequest {
  readonly id: number;
  readonly charts: readonly ChartToRender[];
}

/** Message to the main thread: a chart done, all of them (PNG buffers transferred), or a failure. */
export type ChartWorkerReply =
  | {
      readonly kind: 'progress';
      readonly id: number;
      readonly done: number;
      readonly total: number;
      readonly name?: string;
    }
  | { readonly kind: 'done'; readonly id: number; readonly drawn: readonly DrawnChart[] }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string; readonly stack: string };

if (parentPort) {
  const port = parentPort;
  // Requests are rendered one after the other, after the warm-up.
  let queue: Promise<void> = warmUp();
  port.on('message', (msg: ChartWorkerRequest) => {
    queue = queue.then(() => render(port, msg));
  });
}

/**
 * Loads the chart libraries and lays out one tiny chart (its SVG only: PNGs are drawn by
 * native code, which needs no warming). Charts that arrive meanwhile wait for it: most of
 * its time is compiling code they need too.
 */
async function warmUp(): Promise<void> {
  try {
    await chartSvg(warmUpChart().spec);
  } catch {
    // Only a warm-up: the real charts report their own errors.
  }
}

async function render(port: NonNullable<typeof parentPort>, { id, charts }: ChartWorkerRequest): Promise<void> {
  try {
    const drawn = await drawCharts(charts, (done, total, name) =>
      port.postMessage({ kind: 'progress', id, done, total, name } satisfies ChartWorkerReply),
    );
    port.postMessage(
      { kind: 'done', id, drawn } satisfies ChartWorkerReply,
      // Each PNG owns its buffer (svgToPng copies it out of resvg's): moved, not copied.
      drawn.filter((d) => d.png.byteLength === d.png.buffer.byteLength).map((d) => d.png.buffer as ArrayBuffer),
    );
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ kind: 'failed', id, error: e.message, stack: e.stack ?? e.message } satisfies ChartWorkerReply);
  }
}
