import { parentPort } from 'node:worker_threads';
import { createKeySortBuffers, slotBuffer, warmUpKeySort } from './keySort.js';
import { warmUpWelfareFigures } from './welfareFigures.js';
import {
  CONTROL,
  PARTS_INCOME,
  PARTS_REGIONS,
  STATE,
  type WelfareThreadInit,
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
 * CPU between months, and it ends on STOP.
 */
parentPort?.once('message', (init: WelfareThreadInit) => serve(init));

function serve(init: WelfareThreadInit): void {
  const views = welfareViews(init);
  const { control, persons, line, consumption, size, ranges, starts } = views;
  const n = starts[starts.length - 1];
  const sorts = createWelfareSorts(starts, createKeySortBuffers(n, slotBuffer(n, init.keys)), views.figures);
  warmUpKeySort();
  warmUpWelfareFigures();
  warmUpWelfareSorts();
  Atomics.store(control, CONTROL.ready, 1);
  Atomics.notify(control, CONTROL.ready);
  const { f64, pay } = sorts.sort.a;
  for (;;) {
    Atomics.wait(control, CONTROL.state, STATE.idle);
    const state = Atomics.load(control, CONTROL.state);
    if (state === STATE.stop) return;
    if (state !== STATE.busy) continue;
    try {
      const parts = control[CONTROL.parts];
      const regions = (parts & PARTS_REGIONS) !== 0;
      // Income first: its keys are the ones the main thread wrote.
      if ((parts & PARTS_INCOME) !== 0) figuresOfKeys(sorts, n, persons, INCOME_SETTINGS, INCOME, regions);
      let p = 0;
      for (let r = 0; r < starts.length - 1; r++)
        p = consumptionKeys(consumption, size, ranges[2 * r], ranges[2 * r + 1], f64, pay, p, r << 8);
      figuresOfKeys(sorts, n, persons, consumptionSettings(line[0]), 0, regions);
      Atomics.store(control, CONTROL.state, STATE.idle);
    } catch (error) {
      init.errors.postMessage(error instanceof Error ? (error.stack ?? error.message) : String(error));
      Atomics.store(control, CONTROL.state, STATE.failed);
    }
    Atomics.notify(control, CONTROL.state);
  }
}
