import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { SimulationError } from '../core/errors.js';
import { moduleWorker } from '../core/moduleWorker.js';
import type { World } from '../model/world.js';
import type { ScopeStats } from './scopeStats.js';
import { checkPovertyLine } from './welfareFigures.js';
import { slotBuffer } from './keySort.js';
import { regionIncomeKeys, regionStarts } from './welfareSorts.js';
import {
  allocateShared,
  CONTROL,
  PARTS_INCOME,
  PARTS_REGIONS,
  STATE,
  type WelfareThreadFaults,
  type WelfareThreadInit,
  type WelfareViews,
  welfareViews,
} from './welfareThreadLayout.js';

/**
 * The welfare figures of a month computed on a second thread while this one steps the
 * next month: about half the time of a month at 100,000 households and more is sorting and
 * the figures (docs/performance.md), and a single run leaves the second core idle.
 *
 * `post` hands the thread a month (its income keys and real consumption, copied to shared
 * memory, and each scope's persons); `wait` blocks until the thread has written that
 * month's figures to `figures`. One month is in flight at a time: `post` waits first. The
 * thread runs welfareSorts.ts on the same keys as the monthly statistics do in this thread,
 * so the figures are the same numbers (test/indicators/welfarePipeline.test.ts compares the
 * series byte for byte).
 *
 * Memory: the shared keys (12 bytes a household), real consumption (4) and persons (1),
 * and the thread's second sort buffer (12), instead of this thread's two sort buffers (24):
 * 5 bytes a household more.
 */
export interface WelfarePipeline {
  /** The figures of the last month posted, once `wait` has returned: `SCOPE_FIGURES` per scope. */
  readonly figures: Float64Array;
  /** Hands the world's current month to the thread (after waiting for the month before). */
  post(world: World, scopes: readonly ScopeStats[], parts: { regions: boolean; income: boolean }): void;
  /**
   * Blocks until the thread has finished the month posted.
   * @throws SimulationError when the thread failed (with its message), or did not answer for
   *   {@link ANSWER_TIMEOUT_MS}; every later call throws the same error
   */
  wait(): void;
  /** Tells the thread to end (at once, without waiting): a month in flight is dropped. */
  close(): void;
}

/** How long to wait for the thread to start before computing in this thread instead. */
const START_TIMEOUT_MS = 30_000;
/** How long a month may take the thread before the run fails (a month of 1,000,000 households takes about 0.15 s). */
export const ANSWER_TIMEOUT_MS = 600_000;

/**
 * Starts the indicator thread for this world's households and regions, or returns null if
 * it does not start (the collector then computes the figures in this thread). `faults`
 * makes the thread fail, for tests.
 */
export function startWelfarePipeline(world: World, faults?: WelfareThreadFaults): WelfarePipeline | null {
  const h = world.households;
  const regions = world.regions;
  const starts = regionStarts(regions);
  const households = h.size.length;
  const keyed = starts[regions.length];
  const shared = allocateShared(households, keyed, regions.length + 1);
  const ranges = Int32Array.from(regions.flatMap((r) => [r.start, r.end]));
  const channel = new MessageChannel();
  const init: WelfareThreadInit = { ...shared, ranges, starts, errors: channel.port2, faults };
  const views: WelfareViews = welfareViews(init);
  views.size.set(h.size);
  let worker: Worker;
  try {
    worker = moduleWorker('welfareThread', import.meta.url);
  } catch {
    channel.port1.close();
    return null;
  }
  // A thread that cannot load its module says so as an event; without a listener the event
  // would end the process. It then never becomes ready, and the run computes in this thread.
  worker.on('error', () => {});
  worker.unref();
  worker.postMessage(init, [channel.port2]);
  // The thread starts on its own; this thread only waits for it to say it is ready.
  Atomics.wait(views.control, CONTROL.ready, 0, START_TIMEOUT_MS);
  if (Atomics.load(views.control, CONTROL.ready) !== 1) {
    void worker.terminate();
    channel.port1.close();
    return null;
  }
  const { control } = views;
  const keys = slotBuffer(keyed, shared.keys);
  let open = true;
  let failure: SimulationError | null = null;
  const pipeline: WelfarePipeline = {
    figures: views.figures,
    post(w, scopes, parts) {
      if (!open) throw new Error('welfarePipeline: post after close');
      pipeline.wait();
      const line = w.params.market.povertyLine;
      checkPovertyLine(line);
      for (let s = 0; s < scopes.length; s++) views.persons[s] = scopes[s].persons;
      views.line[0] = line;
      if (parts.income) regionIncomeKeys(w.households.income, w.households.size, w.regions, keys.f64, keys.pay);
      views.consumption.set(w.households.realConsumptionPc);
      control[CONTROL.parts] = (parts.regions ? PARTS_REGIONS : 0) | (parts.income ? PARTS_INCOME : 0);
      Atomics.store(control, CONTROL.state, STATE.busy);
      Atomics.notify(control, CONTROL.state);
    },
    wait() {
      if (failure !== null) throw failure;
      const deadline = Date.now() + ANSWER_TIMEOUT_MS;
      for (;;) {
        const state = Atomics.load(control, CONTROL.state);
        if (state === STATE.idle || state === STATE.stop) return;
        if (state === STATE.failed) {
          const text = receiveMessageOnPort(channel.port1)?.message;
          failure = new SimulationError(
            `the indicator thread failed: ${text === undefined ? 'it ended while computing a month' : String(text)}`,
          );
          throw failure;
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          failure = new SimulationError(`the indicator thread did not answer in ${ANSWER_TIMEOUT_MS / 1000} s`);
          throw failure;
        }
        Atomics.wait(control, CONTROL.state, state, left);
      }
    },
    close() {
      if (!open) return;
      open = false;
      // A thread still computing sees STOP when it is done, and ends.
      Atomics.store(control, CONTROL.state, STATE.stop);
      Atomics.notify(control, CONTROL.state);
      channel.port1.close();
    },
  };
  return pipeline;
}
