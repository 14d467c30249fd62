import { INDICATORS, type Indicator } from './registry.js';

/**
 * The welfare indicators of one scope, computed together in two passes over its sorted
 * sample instead of one or two passes per indicator. Each figure is computed with exactly
 * the operations, in exactly the order, of the function it stands for (weightedMean,
 * weightedMedian, gini, fgt, atkinson, senWelfare on the same sorted sample), so the
 * numbers are identical to the last bit; test/indicators/welfareFigures.test.ts checks
 * this on random samples and on simulated worlds.
 *
 * Layout of a scope's figures in a Float64Array, in this order.
 */
export const FIGURE = {
  consumptionMean: 0,
  consumptionMedian: 1,
  incomeMean: 2,
  incomeMedian: 3,
  gini: 4,
  p0: 5,
  p1: 6,
  p2: 7,
  atkinson1: 8,
  atkinson2: 9,
  senWelfare: 10,
} as const;

/** Number of figures per scope. */
export const FIGURE_COUNT = 11;

/** Which registry indicator each figure replaces (by id). */
const FIGURE_OF_INDICATOR: Readonly<Record<string, number>> = {
  consumption_pc_mean: FIGURE.consumptionMean,
  consumption_pc_median: FIGURE.consumptionMedian,
  income_pc_mean: FIGURE.incomeMean,
  income_pc_median: FIGURE.incomeMedian,
  gini: FIGURE.gini,
  p0: FIGURE.p0,
  p1: FIGURE.p1,
  p2: FIGURE.p2,
  atkinson_1: FIGURE.atkinson1,
  atkinson_2: FIGURE.atkinson2,
  sen_welfare: FIGURE.senWelfare,
};

/**
 * For each indicator, the figure that computes it, or -1. Only the registry's own
 * indicator objects are replaced: an indicator with the same id but another definition
 * (e.g. a caller's custom list) keeps its own `compute`.
 */
export function figureIndices(indicators: readonly Indicator[]): Int32Array {
  return Int32Array.from(indicators, (ind) => {
    const figure = FIGURE_OF_INDICATOR[ind.id];
    return figure !== undefined && INDICATORS.includes(ind) ? figure : -1;
  });
}

/** Where a pass also splits its (sorted) input by region, or nothing. */
export interface Split {
  /** Destination of consumption entries: (Float32 bits, payload) pairs. */
  readonly pairs: Uint32Array;
  /** Destination of income entries: values and payloads. */
  readonly values: Float64Array;
  readonly pay: Uint32Array;
  /** Next free slot of each region (payload >>> 8), advanced as entries are written. */
  readonly cursor: Int32Array;
}

/**
 * Consumption figures of one scope: the sorted entries `from..to` of a pair layout (see
 * keySort.ts: entry i's value is `values[2i]`, its payload `pairs[2i + 1]`, the same
 * memory) with persons `payload & 255`, `persons` in all. Writes
 * mean, median, Gini, P0-P2 at `line`, Atkinson 1 and 2 and Sen's index at
 * `out[at + FIGURE.*]`. With `split`, the first pass also copies every entry, in order,
 * to its region's part of `split` (see partitionFloat32), saving a pass over the total.
 * Returns false (figures not written) if a weight is not positive, so that the caller
 * can fall back to the reference functions.
 *
 * The median is found in the first pass: its total weight is the sum of the weights,
 * which for integer persons is `persons` whatever the order, so `half` is known upfront.
 */
export function consumptionFigures(
  values: Float32Array,
  pairs: Uint32Array,
  from: number,
  to: number,
  persons: number,
  line: number,
  out: Float64Array,
  at: number,
  split: Split | null,
): boolean {
  const acc = new Float64Array(ACC_SIZE);
  // Pass 1: the sums of weightedMean, gini and fgt (their loops, merged), and
  // weightedMedian's walk.
  if (split) consumptionPass1(values, pairs, from, to, persons, line, true, split.pairs, split.cursor, acc);
  else consumptionPass1(values, pairs, from, to, persons, line, false, pairs, EMPTY_CURSOR, acc);
  const flags = acc[ACC_FLAGS];
  if (flags & BAD_WEIGHT) return false;
  const totalWeight = acc[ACC_WEIGHT];
  const cumulative = acc[ACC_CUMULATIVE];
  const trapezoids = acc[ACC_TRAPEZOIDS];
  if (totalWeight !== persons) return false; // not the persons the caller counted: use the reference
  const mean = totalWeight > 0 ? cumulative / totalWeight : Number.NaN;
  let g: number;
  if (!(totalWeight > 0) || cumulative === 0) g = 0;
  else if (cumulative < 0) g = Number.NaN;
  else {
    const raw = 1 - trapezoids / (totalWeight * cumulative);
    g = raw < 0 ? 0 : raw;
  }
  const p0 = totalWeight > 0 ? acc[ACC_POOR0] / totalWeight : 0;
  const p1 = totalWeight > 0 ? acc[ACC_POOR1] / totalWeight : 0;
  const p2 = totalWeight > 0 ? acc[ACC_POOR2] / totalWeight : 0;
  // atkinson: with every weight positive its totals are the ones above.
  let a1: number;
  let a2: number;
  if (!(totalWeight > 0)) {
    a1 = 0;
    a2 = 0;
  } else if (flags & NON_POSITIVE) {
    // epsilon >= 1 with a value <= 0 gives 1 (checked before negatives, as atkinson does).
    a1 = 1;
    a2 = 1;
  } else if (flags & NEGATIVE) {
    a1 = Number.NaN;
    a2 = Number.NaN;
  } else {
    const atkMean = cumulative / totalWeight;
    if (atkMean === 0) {
      a1 = 0;
      a2 = 0;
    } else {
      consumptionPass2(values, pairs, from, to, atkMean, acc);
      a1 = clampShare(1 - Math.exp(acc[ACC_LOG_SUM] / totalWeight));
      a2 = clampShare(1 - Math.pow(acc[ACC_POWER_SUM] / totalWeight, 1 / -1));
    }
  }
  out[at + FIGURE.consumptionMean] = mean;
  out[at + FIGURE.consumptionMedian] = acc[ACC_MEDIAN];
  out[at + FIGURE.gini] = g;
  out[at + FIGURE.p0] = p0;
  out[at + FIGURE.p1] = p1;
  out[at + FIGURE.p2] = p2;
  out[at + FIGURE.atkinson1] = a1;
  out[at + FIGURE.atkinson2] = a2;
  // senWelfare(weightedMean, gini)
  out[at + FIGURE.senWelfare] = mean * (1 - g);
  return true;
}

/*
 * The loops, each a function of its own that ends with the loop (see the note in
 * keySort.ts above histogramPairs: V8 optimizes these mid-loop, and code after a loop
 * needs type feedback by then; warmUpWelfareFigures provides it). Their sums go to `acc`.
 */
const ACC_WEIGHT = 0;
const ACC_CUMULATIVE = 1;
const ACC_TRAPEZOIDS = 2;
const ACC_POOR0 = 3;
const ACC_POOR1 = 4;
const ACC_POOR2 = 5;
const ACC_FLAGS = 6;
const ACC_MEDIAN = 7;
const ACC_LOG_SUM = 8;
const ACC_POWER_SUM = 9;
const ACC_SIZE = 10;
const NON_POSITIVE = 1;
const NEGATIVE = 2;
const BAD_WEIGHT = 4;

function consumptionPass1(
  values: Float32Array,
  pairs: Uint32Array,
  from: number,
  to: number,
  persons: number,
  line: number,
  doSplit: boolean,
  splitPairs: Uint32Array,
  cursor: Int32Array,
  acc: Float64Array,
): void {
  let totalWeight = 0;
  let cumulative = 0;
  let trapezoids = 0;
  let poor0 = 0;
  let poor1 = 0;
  let poor2 = 0;
  let flags = 0;
  const half = persons / 2;
  let median = Number.NaN;
  let state = persons > 0 ? MEDIAN_SEARCHING : MEDIAN_FOUND; // weightedMedian: NaN without persons
  for (let i = from; i < to; i++) {
    const p = pairs[2 * i + 1];
    const w = p & 255;
    if (w <= 0) {
      flags |= BAD_WEIGHT;
      break;
    }
    const x = values[2 * i];
    if (doSplit) {
      const slot = 2 * cursor[p >>> 8]++;
      splitPairs[slot] = pairs[2 * i];
      splitPairs[slot + 1] = p;
    }
    const previous = cumulative;
    cumulative += w * x;
    totalWeight += w;
    trapezoids += w * (previous + cumulative);
    if (x < line) {
      poor0 += w;
      const gap = (line - x) / line;
      poor1 += w * gap;
      poor2 += w * (gap * gap);
    }
    if (x <= 0) {
      flags |= NON_POSITIVE;
      if (x < 0) flags |= NEGATIVE;
    }
    if (state !== MEDIAN_FOUND) {
      if (state === MEDIAN_AT_HALF) {
        // The cumulative weight landed exactly on half at the previous value.
        median = (median + x) / 2;
        state = MEDIAN_FOUND;
      } else if (totalWeight > half) {
        median = x;
        state = MEDIAN_FOUND;
      } else if (totalWeight === half) {
        median = x;
        state = MEDIAN_AT_HALF;
      }
    }
  }
  acc[ACC_WEIGHT] = totalWeight;
  acc[ACC_CUMULATIVE] = cumulative;
  acc[ACC_TRAPEZOIDS] = trapezoids;
  acc[ACC_POOR0] = poor0;
  acc[ACC_POOR1] = poor1;
  acc[ACC_POOR2] = poor2;
  acc[ACC_FLAGS] = flags;
  acc[ACC_MEDIAN] = median;
}

/*
 * Atkinson's second pass, both power means. atkinson(s, 2) adds Math.pow(r, -1); 1 / r is
 * the same number: V8's Math.pow (fdlibm's e_pow.c, src/base/ieee754.cc) returns exactly
 * one / x for y = -1 (after only the y = 0 and NaN cases), and TurboFan calls the same
 * function. The division saves a call of about 3 ns per household.
 * test/indicators/welfareFigures.test.ts compares the two.
 */
function consumptionPass2(
  values: Float32Array,
  pairs: Uint32Array,
  from: number,
  to: number,
  mean: number,
  acc: Float64Array,
): void {
  let logSum = 0;
  let powerSum = 0;
  for (let i = from; i < to; i++) {
    const w = pairs[2 * i + 1] & 255;
    const r = values[2 * i] / mean;
    logSum += w * Math.log(r);
    powerSum += w * (1 / r);
  }
  acc[ACC_LOG_SUM] = logSum;
  acc[ACC_POWER_SUM] = powerSum;
}

/*
 * weightedMedian's walk, as a state: still searching; the cumulative weight landed exactly
 * on half at the last value (the median is its mean with the next value); found. Every
 * weight is positive here, so "the next value with positive weight" is the next value,
 * and if there is none the median is the last value (weightedMedian's rule).
 */
const MEDIAN_SEARCHING = 0;
const MEDIAN_AT_HALF = 1;
const MEDIAN_FOUND = 2;
const EMPTY_CURSOR = new Int32Array(0);

function clampShare(a: number): number {
  return a < 0 ? 0 : a > 1 ? 1 : a;
}

/**
 * Income figures of one scope: the sorted Float64 values `values[from..to)` with persons
 * `pay & 255`, `persons` in all; writes the mean and the median, in one pass. With
 * `split`, also copies the entries to their regions' parts (see partitionFloat64).
 * Returns false if a weight is not positive.
 */
export function incomeFigures(
  values: Float64Array,
  pay: Uint32Array,
  from: number,
  to: number,
  persons: number,
  out: Float64Array,
  at: number,
  split: Split | null,
): boolean {
  const acc = new Float64Array(ACC_SIZE);
  if (split) incomePass(values, pay, from, to, persons, true, split.values, split.pay, split.cursor, acc);
  else incomePass(values, pay, from, to, persons, false, values, pay, EMPTY_CURSOR, acc);
  const totalWeight = acc[ACC_WEIGHT];
  if (acc[ACC_FLAGS] & BAD_WEIGHT || totalWeight !== persons) return false;
  out[at + FIGURE.incomeMean] = totalWeight > 0 ? acc[ACC_CUMULATIVE] / totalWeight : Number.NaN;
  out[at + FIGURE.incomeMedian] = acc[ACC_MEDIAN];
  return true;
}

function incomePass(
  values: Float64Array,
  pay: Uint32Array,
  from: number,
  to: number,
  persons: number,
  doSplit: boolean,
  splitValues: Float64Array,
  splitPay: Uint32Array,
  cursor: Int32Array,
  acc: Float64Array,
): void {
  let totalWeight = 0;
  let weightedSum = 0;
  let flags = 0;
  const half = persons / 2;
  let median = Number.NaN;
  let state = persons > 0 ? MEDIAN_SEARCHING : MEDIAN_FOUND;
  for (let i = from; i < to; i++) {
    const p = pay[i];
    const w = p & 255;
    if (w <= 0) {
      flags |= BAD_WEIGHT;
      break;
    }
    const x = values[i];
    if (doSplit) {
      const slot = cursor[p >>> 8]++;
      splitValues[slot] = x;
      splitPay[slot] = p;
    }
    totalWeight += w;
    weightedSum += w * x;
    if (state !== MEDIAN_FOUND) {
      if (state === MEDIAN_AT_HALF) {
        median = (median + x) / 2;
        state = MEDIAN_FOUND;
      } else if (totalWeight > half) {
        median = x;
        state = MEDIAN_FOUND;
      } else if (totalWeight === half) {
        median = x;
        state = MEDIAN_AT_HALF;
      }
    }
  }
  acc[ACC_WEIGHT] = totalWeight;
  acc[ACC_CUMULATIVE] = weightedSum;
  acc[ACC_FLAGS] = flags;
  acc[ACC_MEDIAN] = median;
}

/**
 * Runs the figures once on a small input (with and without a split, values on both sides
 * of the line), so that V8 has type feedback for all of their code before it optimizes
 * them in the middle of a large scope. Results are discarded.
 */
export function warmUpWelfareFigures(): void {
  const n = 64;
  const f32 = new Float32Array(2 * n);
  const pairs = new Uint32Array(f32.buffer);
  const to = new Uint32Array(2 * n);
  const f64 = new Float64Array(n);
  const pay = new Uint32Array(n);
  const toValues = new Float64Array(n);
  const toPay = new Uint32Array(n);
  let persons = 0;
  const regionSizes = [0, 0];
  for (let i = 0; i < n; i++) {
    const w = 1 + (i % 4);
    const region = i & 1;
    f32[2 * i] = 100 + 10 * i;
    pairs[2 * i + 1] = (region << 8) | w;
    f64[i] = 100 + 10 * i;
    pay[i] = (region << 8) | w;
    persons += w;
    regionSizes[region]++;
  }
  const out = new Float64Array(FIGURE_COUNT);
  for (let round = 0; round < 2; round++) {
    const cursor = Int32Array.of(0, regionSizes[0]);
    consumptionFigures(f32, pairs, 0, n, persons, 400, out, 0, { pairs: to, values: toValues, pay: toPay, cursor });
    consumptionFigures(f32, pairs, 0, n, persons, 400, out, 0, null);
    cursor.set([0, regionSizes[0]]);
    incomeFigures(f64, pay, 0, n, persons, out, 0, { pairs: to, values: toValues, pay: toPay, cursor });
    incomeFigures(f64, pay, 0, n, persons, out, 0, null);
  }
}
