import type { WeightedSample } from './distribution.js';
import { createKeySortBuffers, type KeySortBuffers, sortKeys } from './keySort.js';

/**
 * Preallocated buffers for {@link sortSample}: the sort's buffers, a copy of the weights
 * and the result's arrays. 48 bytes per slot of capacity plus 32 KiB. Create once and
 * reuse.
 */
export interface SortScratch {
  /** Largest `count` the buffers hold. */
  readonly capacity: number;
  readonly keys: KeySortBuffers;
  readonly weightsIn: Float64Array;
  /** The reused result: its `count` is rewritten by each sort. */
  readonly sample: {
    readonly values: Float64Array;
    readonly weights: Float64Array;
    count: number;
    readonly sorted: true;
  };
}

/**
 * Creates the buffers {@link sortSample} sorts into.
 *
 * @param capacity largest number of entries that will be sorted, >= 0
 *
 * @example
 * const scratch = createSortScratch(households.count);
 */
export function createSortScratch(capacity: number): SortScratch {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`createSortScratch: capacity must be a non-negative integer, got ${capacity}`);
  }
  return {
    capacity,
    keys: createKeySortBuffers(capacity),
    weightsIn: new Float64Array(capacity),
    sample: { values: new Float64Array(capacity), weights: new Float64Array(capacity), count: 0, sorted: true },
  };
}

/**
 * Sorts the first `count` values ascending and carries each weight with its value, into
 * the scratch's buffers; the inputs are not modified. Returns a sample with
 * `sorted: true` that shares the scratch's memory: it stays valid until the next call
 * with the same scratch. The inputs may be a previous result of the same scratch.
 *
 * The sort is keySort's (stable: tied values keep their input order; -0 before +0; NaN
 * after +Infinity), with each entry's position as its payload, so that the weights
 * follow their values. O(n) time on the usual data, no allocation.
 *
 * @param values e.g. rupiah per person per month
 * @param weights persons per household, aligned with values
 * @param count how many leading entries to sort, at most the scratch capacity
 * @param scratch buffers from {@link createSortScratch}
 *
 * @example
 * const scratch = createSortScratch(3);
 * const s = sortSample(Float64Array.of(3, 1, 2), Float64Array.of(5, 1, 1), 3, scratch);
 * // s.values starts [1, 2, 3], s.weights starts [1, 1, 5], s.sorted === true
 */
export function sortSample(
  values: Float64Array,
  weights: Float64Array,
  count: number,
  scratch: SortScratch,
): WeightedSample {
  if (
    !Number.isInteger(count) ||
    count < 0 ||
    count > scratch.capacity ||
    count > values.length ||
    count > weights.length
  ) {
    throw new RangeError(
      `sortSample: count must be an integer from 0 to min(capacity ${scratch.capacity}, values ${values.length}, weights ${weights.length}), got ${count}`,
    );
  }
  const { keys, weightsIn, sample } = scratch;
  const input = keys.a;
  for (let i = 0; i < count; i++) {
    input.f64[i] = values[i];
    input.pay[i] = i;
    weightsIn[i] = weights[i];
  }
  const sorted = sortKeys(keys, count);
  for (let i = 0; i < count; i++) {
    sample.values[i] = sorted.f64[i];
    sample.weights[i] = weightsIn[sorted.pay[i]];
  }
  sample.count = count;
  return sample;
}
