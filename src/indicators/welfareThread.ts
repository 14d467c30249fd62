import { parentPort } from 'node:worker_threads';
import { createKeySortBuffers, slotBuffer, warmUpKeySort } from './keySort.js';
import { warmUpWelfareFigures } from './welfareFigures.js';
import {
  CONTROL,
  PARTS_INCOME,
  PARTS_REGIONS,
  STATE,
  type WelfareThreadInit,
  type WelfareViews,
  welfareViews,
} from './welfareThreadLayout.js';
import {
  consumptionKeys,
  consumptionSettings,
  createWelfareSorts,
  figuresOfKeys,
  INCOME,
  INCOME_SETTINGS,
  warmUpWelfareSorts,
} from './welfareSorts.js';

/**
 * The indicator thread of a pipelined collector (welfarePipeline.ts): it computes one
 * month's welfare figures while the model steps the next month in the main thread. The
 * main thread writes the month's income keys and real consumption to shared memory and
 * sets the state to BUSY; this thread sorts and computes every scope's figures into the
 * shared figures with welfareSorts.ts (the functions the main thread runs when it computes
 * them itself), and sets the state back to IDLE. It waits with Atomics.wait, so it takes no
 * CPU between months, and it ends on STOP. A failure sets FAILED, with the error's text
 * posted on `init.errors`, and ends the thread; so does an exit with a month in flight.
 */
parentPort?.once('message', (init: WelfareThreadInit) => serve(init));

function serve(init: WelfareThreadInit): void {
  const views = welfareViews(init);
  const { control } = views;
  // A thread that ends with a month in flight (an exit, a fatal error) must not leave the
  // main thread waiting for it: the month is marked failed.
  process.on('exit', () => {
    Atomics.compareExchange(control, CONTROL.state, STATE.busy, STATE.failed);
    Atomics.notify(control, CONTROL.state);
  });
  let month: () => void;
  try {
    if (init.faults?.setup) throw new Error('a fault injected by a test, in the set-up');
    month = monthOf(init, views);
  } catch (error) {
    report(init, error);
    Atomics.store(control, CONTROL.ready, -1);
    Atomics.notify(control, CONTROL.ready);
    return;
  }
  Atomics.store(control, CONTROL.ready, 1);
  Atomics.notify(control, CONTROL.ready);
  for (let done = 0; ; done++) {
    let state = Atomics.load(control, CONTROL.state);
    while (state !== STATE.busy) {
      if (state === STATE.stop) return;
      Atomics.wait(control, CONTROL.state, state);
      state = Atomics.load(control, CONTROL.state);
    }
    try {
      if (init.faults?.throwAtMonth === done) throw new Error('a fault injected by a test');
      if (init.faults?.exitAtMonth === done) process.exit(0);
      month();
    } catch (error) {
      report(init, error);
      Atomics.store(control, CONTROL.state, STATE.failed);
      Atomics.notify(control, CONTROL.state);
      return;
    }
    // Idle, unless the main thread has asked to stop meanwhile.
    Atomics.compareExchange(control, CONTROL.state, STATE.busy, STATE.idle);
    Atomics.notify(control, CONTROL.state);
  }
}

/** The buffers of the sorts, and the computation of one month's figures into the shared figures. */
function monthOf(init: WelfareThreadInit, views: WelfareViews): () => void {
  const { control, persons, line, consumption, size, ranges, starts } = views;
  const n = starts[starts.length - 1];
  const sorts = createWelfareSorts(starts, createKeySortBuffers(n, slotBuffer(n, init.keys)), views.figures);
  warmUpKeySort();
  warmUpWelfareFigures();
  warmUpWelfareSorts();
  const { f64, pay } = sorts.sort.a;
  return () => {
    const parts = control[CONTROL.parts];
    const regions = (parts & PARTS_REGIONS) !== 0;
    // Income first: its keys are the ones the main thread wrote.
    if ((parts & PARTS_INCOME) !== 0) figuresOfKeys(sorts, n, persons, INCOME_SETTINGS, INCOME, regions);
    let p = 0;
    for (let r = 0; r < starts.length - 1; r++)
      p = consumptionKeys(consumption, size, ranges[2 * r], ranges[2 * r + 1], f64, pay, p, r << 8);
    figuresOfKeys(sorts, n, persons, consumptionSettings(line[0]), 0, regions);
  };
}

/** Posts an error's text to the main thread, which reads it when it sees STATE.failed. */
function report(init: WelfareThreadInit, error: unknown): void {
  init.errors.postMessage(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
