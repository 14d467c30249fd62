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
  // Pass 1: the sums of weightedMean, gini and fgt (their loops, merged), and
  // weightedMedian's walk.
  let totalWeight = 0;
  let cumulative = 0;
  let trapezoids = 0;
  let poor0 = 0;
  let poor1 = 0;
  let poor2 = 0;
  let hasNonPositive = false;
  let hasNegative = false;
  const half = persons / 2;
  let median = Number.NaN;
  let state = persons > 0 ? MEDIAN_SEARCHING : MEDIAN_FOUND; // weightedMedian: NaN without persons
  const doSplit = split !== null;
  const splitPairs = doSplit ? split.pairs : pairs;
  const cursor = doSplit ? split.cursor : EMPTY_CURSOR;
  for (let i = from; i < to; i++) {
    const p = pairs[2 * i + 1];
    const w = p & 255;
    if (w <= 0) return false;
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
      hasNonPositive = true;
      if (x < 0) hasNegative = true;
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
  if (totalWeight !== persons) return false; // not the persons the caller counted: use the reference
  const mean = totalWeight > 0 ? cumulative / totalWeight : Number.NaN;
  let g: number;
  if (!(totalWeight > 0) || cumulative === 0) g = 0;
  else if (cumulative < 0) g = Number.NaN;
  else {
    const raw = 1 - trapezoids / (totalWeight * cumulative);
    g = raw < 0 ? 0 : raw;
  }
  const p0 = totalWeight > 0 ? poor0 / totalWeight : 0;
  const p1 = totalWeight > 0 ? poor1 / totalWeight : 0;
  const p2 = totalWeight > 0 ? poor2 / totalWeight : 0;
  // atkinson: with every weight positive its totals are the ones above.
  let a1: number;
  let a2: number;
  if (!(totalWeight > 0)) {
    a1 = 0;
    a2 = 0;
  } else if (hasNonPositive) {
    // epsilon >= 1 with a value <= 0 gives 1 (checked before negatives, as atkinson does).
    a1 = 1;
    a2 = 1;
  } else if (hasNegative) {
    a1 = Number.NaN;
    a2 = Number.NaN;
  } else {
    const atkMean = cumulative / totalWeight;
    if (atkMean === 0) {
      a1 = 0;
      a2 = 0;
    } else {
      // Pass 2: both power means. atkinson(s, 2) adds Math.pow(r, -1); 1 / r is the same
      // number: V8's Math.pow (fdlibm's e_pow.c, src/base/ieee754.cc) returns exactly
      // one / x for y = -1 (after only the y = 0 and NaN cases), and TurboFan calls the
      // same function. The division saves a call of about 3 ns per household.
      // test/indicators/welfareFigures.test.ts compares the two on random samples.
      let logSum = 0;
      let powerSum = 0;
      for (let i = from; i < to; i++) {
        const w = pairs[2 * i + 1] & 255;
        const r = values[2 * i] / atkMean;
        logSum += w * Math.log(r);
        powerSum += w * (1 / r);
      }
      a1 = clampShare(1 - Math.exp(logSum / totalWeight));
      a2 = clampShare(1 - Math.pow(powerSum / totalWeight, 1 / -1));
    }
  }
  out[at + FIGURE.consumptionMean] = mean;
  out[at + FIGURE.consumptionMedian] = median;
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
  let totalWeight = 0;
  let weightedSum = 0;
  const half = persons / 2;
  let median = Number.NaN;
  let state = persons > 0 ? MEDIAN_SEARCHING : MEDIAN_FOUND;
  const doSplit = split !== null;
  const splitValues = doSplit ? split.values : values;
  const splitPay = doSplit ? split.pay : pay;
  const cursor = doSplit ? split.cursor : EMPTY_CURSOR;
  for (let i = from; i < to; i++) {
    const p = pay[i];
    const w = p & 255;
    if (w <= 0) return false;
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
  if (totalWeight !== persons) return false;
  out[at + FIGURE.incomeMean] = totalWeight > 0 ? weightedSum / totalWeight : Number.NaN;
  out[at + FIGURE.incomeMedian] = median;
  return true;
}
