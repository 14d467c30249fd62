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

/**
 * Consumption figures of one scope: the sorted Float32 values `values[from..to)` with
 * persons `pay & 255`. Writes mean, median, Gini, P0-P2 at `line`, Atkinson 1 and 2 and
 * Sen's index at `out[at + FIGURE.*]`. Returns false (and writes nothing) if a weight is
 * not positive, so that the caller can fall back to the reference functions.
 */
export function consumptionFigures(values: Float32Array, pay: Uint32Array, from: number, to: number, line: number, out: Float64Array, at: number): boolean {
  // Pass 1: the sums of weightedMean, gini and fgt (their loops, merged).
  let totalWeight = 0;
  let cumulative = 0;
  let trapezoids = 0;
  let poor0 = 0;
  let poor1 = 0;
  let poor2 = 0;
  let hasNonPositive = false;
  let hasNegative = false;
  for (let i = from; i < to; i++) {
    const w = pay[i] & 255;
    if (w <= 0) return false;
    const x = values[i];
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
  }
  // weightedMean
  const mean = totalWeight > 0 ? cumulative / totalWeight : Number.NaN;
  // gini
  let g: number;
  if (!(totalWeight > 0) || cumulative === 0) g = 0;
  else if (cumulative < 0) g = Number.NaN;
  else {
    const raw = 1 - trapezoids / (totalWeight * cumulative);
    g = raw < 0 ? 0 : raw;
  }
  // fgt
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
      // Pass 2: both power means.
      let logSum = 0;
      let powerSum = 0;
      for (let i = from; i < to; i++) {
        const w = pay[i] & 255;
        const r = values[i] / atkMean;
        logSum += w * Math.log(r);
        powerSum += w * Math.pow(r, -1);
      }
      a1 = clampShare(1 - Math.exp(logSum / totalWeight));
      a2 = clampShare(1 - Math.pow(powerSum / totalWeight, 1 / -1));
    }
  }
  out[at + FIGURE.consumptionMean] = mean;
  out[at + FIGURE.consumptionMedian] = medianF32(values, pay, from, to, totalWeight);
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

function clampShare(a: number): number {
  return a < 0 ? 0 : a > 1 ? 1 : a;
}

/**
 * Income figures of one scope: the sorted Float64 values `values[from..to)` with persons
 * `pay & 255`; writes the mean and the median. Returns false if a weight is not positive.
 */
export function incomeFigures(values: Float64Array, pay: Uint32Array, from: number, to: number, out: Float64Array, at: number): boolean {
  let totalWeight = 0;
  let weightedSum = 0;
  for (let i = from; i < to; i++) {
    const w = pay[i] & 255;
    if (w <= 0) return false;
    totalWeight += w;
    weightedSum += w * values[i];
  }
  out[at + FIGURE.incomeMean] = totalWeight > 0 ? weightedSum / totalWeight : Number.NaN;
  out[at + FIGURE.incomeMedian] = medianF64(values, pay, from, to, totalWeight);
  return true;
}

/*
 * weightedMedian's walk, given the total weight (summed in the same order as it does).
 * Every weight is positive here (the callers checked), so its "skip zero weights" never
 * applies. Two copies, one per value type, so that each stays monomorphic.
 */
function medianF32(values: Float32Array, pay: Uint32Array, from: number, to: number, totalWeight: number): number {
  if (!(totalWeight > 0)) return Number.NaN;
  const half = totalWeight / 2;
  let cumulative = 0;
  for (let i = from; i < to; i++) {
    cumulative += pay[i] & 255;
    if (cumulative > half) return values[i];
    if (cumulative === half) return i + 1 < to ? (values[i] + values[i + 1]) / 2 : values[i];
  }
  return to > from ? values[to - 1] : Number.NaN;
}

function medianF64(values: Float64Array, pay: Uint32Array, from: number, to: number, totalWeight: number): number {
  if (!(totalWeight > 0)) return Number.NaN;
  const half = totalWeight / 2;
  let cumulative = 0;
  for (let i = from; i < to; i++) {
    cumulative += pay[i] & 255;
    if (cumulative > half) return values[i];
    if (cumulative === half) return i + 1 < to ? (values[i] + values[i + 1]) / 2 : values[i];
  }
  return to > from ? values[to - 1] : Number.NaN;
}
