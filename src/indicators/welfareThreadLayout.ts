import type { MessagePort } from 'node:worker_threads';
import { SCOPE_FIGURES } from './welfareSorts.js';

/**
 * The shared memory between a pipelined collector (welfarePipeline.ts) and its indicator
 * thread (welfareThread.ts): one month in flight at a time.
 */

/** Slots of the control array. */
export const CONTROL = {
  /** The thread's state (see STATE), written by both sides, waited on by both. */
  state: 0,
  /** Which figures besides the total's consumption figures (PARTS_*), set with each month. */
  parts: 1,
  /** 1 once the thread is ready, -1 if its set-up failed. */
  ready: 2,
  size: 3,
} as const;

/** The states of CONTROL.state. */
export const STATE = { idle: 0, busy: 1, stop: 2, failed: 3 } as const;

/** Each region's figures. */
export const PARTS_REGIONS = 1;
/** Income per capita's figures. */
export const PARTS_INCOME = 2;

/** What the main thread sends the thread once: the shared buffers and the regions' households. */
export interface WelfareThreadInit {
  readonly control: SharedArrayBuffer;
  /** Persons per scope, then the poverty line. */
  readonly numbers: SharedArrayBuffer;
  readonly figures: SharedArrayBuffer;
  /** The sort's first slot buffer, where the main thread writes the income keys (12 bytes a household). */
  readonly keys: SharedArrayBuffer;
  /** Real consumption per capita of every household (Float32). */
  readonly consumption: SharedArrayBuffer;
  /** Persons of every household (they never change after the world is made). */
  readonly size: SharedArrayBuffer;
  /** Each region's first household and end, in pairs. */
  readonly ranges: Int32Array;
  /** First slot of each region, plus the end. */
  readonly starts: Int32Array;
  /** Where the thread posts an error's text before it sets STATE.failed. */
  readonly errors: MessagePort;
  /** Failures a test asks the thread to make. */
  readonly faults?: WelfareThreadFaults;
}

/** Failures a test can ask of the thread: in its set-up, or an error or an exit at a month (counted from 0). */
export interface WelfareThreadFaults {
  readonly setup?: boolean;
  readonly throwAtMonth?: number;
  readonly exitAtMonth?: number;
}

/** The typed views of a {@link WelfareThreadInit}'s buffers. */
export interface WelfareViews {
  readonly control: Int32Array;
  readonly persons: Float64Array;
  /** The poverty line, one number. */
  readonly line: Float64Array;
  readonly figures: Float64Array;
  readonly consumption: Float32Array;
  readonly size: Uint8Array;
  readonly ranges: Int32Array;
  readonly starts: Int32Array;
}

/**
 * The shared buffers for household columns of length `households`, `keyed` households in
 * the regions (the sort's slots) and `scopes` scopes (the total and each region).
 */
export function allocateShared(
  households: number,
  keyed: number,
  scopes: number,
): Pick<WelfareThreadInit, 'control' | 'numbers' | 'figures' | 'keys' | 'consumption' | 'size'> {
  return {
    control: new SharedArrayBuffer(4 * CONTROL.size),
    numbers: new SharedArrayBuffer(8 * (scopes + 1)),
    figures: new SharedArrayBuffer(8 * scopes * SCOPE_FIGURES),
    keys: new SharedArrayBuffer(12 * keyed),
    consumption: new SharedArrayBuffer(4 * households),
    size: new SharedArrayBuffer(households),
  };
}

export function welfareViews(init: Omit<WelfareThreadInit, 'errors' | 'faults'>): WelfareViews {
  const scopes = init.starts.length;
  return {
    control: new Int32Array(init.control),
    persons: new Float64Array(init.numbers, 0, scopes),
    line: new Float64Array(init.numbers, 8 * scopes, 1),
    figures: new Float64Array(init.figures),
    consumption: new Float32Array(init.consumption),
    size: new Uint8Array(init.size),
    ranges: init.ranges,
    starts: init.starts,
  };
}
