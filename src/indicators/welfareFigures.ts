import type { WeightedSample } from './distribution.js';
import { senWelfare } from './senWelfare.js';

/**
 * The one implementation of kopsim's distribution indicators: the person-weighted mean
 * and median, the Gini coefficient, the FGT poverty measures and the Atkinson indices of a
 * sorted sample, computed together in two passes (the second only for Atkinson). The
 * monthly statistics call it for every scope (monthlyStats.ts); `weightedMean`,
 * `weightedMedian`, `gini`, `fgt` and `atkinson` are thin wrappers over it, so the
 * registry's `compute` and the collector give the same numbers to the last bit.
 * test/indicators/welfareFigures.test.ts checks it against straightforward versions of
 * each formula (test/support/referenceIndicators.ts).
 *
 * Layout of one sample's figures in a Float64Array, from an offset.
 */
export const FIGURE = {
  mean: 0,
  median: 1,
  gini: 2,
  /** FGT alpha 0 (headcount share). */
  p0: 3,
  /** FGT alpha 1 (poverty gap). */
  p1: 4,
  /** FGT with the settings' `alpha` (2 in the registry: severity). */
  pAlpha: 5,
  /** Atkinson, inequality aversion 1. */
  atkinson1: 6,
  /** Atkinson with the settings' `epsilon` (2 in the registry). */
  atkinsonEpsilon: 7,
  senWelfare: 8,
} as const;

/** Number of figures per sample. */
export const FIGURE_COUNT = 9;

/** What to compute besides the mean and the median. */
export interface FigureSettings {
  /** False: only the mean and the median (the other figures are not written). */
  readonly full: boolean;
  /** Poverty line z of the FGT measures, in the unit of the values; > 0 and finite. */
  readonly line: number;
  /** FGT alpha of `FIGURE.pAlpha`, >= 0 and finite. */
  readonly alpha: number;
  /** Atkinson epsilon of `FIGURE.atkinsonEpsilon`, >= 0 and finite. */
  readonly epsilon: number;
}

/** Throws the RangeError `fgt` documents for a poverty line that is not positive and finite. */
export function checkPovertyLine(line: number): void {
  if (!(line > 0) || !Number.isFinite(line)) {
    throw new RangeError(`fgt: povertyLine must be a positive finite number, got ${line}`);
  }
}

/**
 * Figures of the sorted entries `from..to` of `values`, weighted by `weights` (or, when
 * `packed`, by `weights[i] & 255`: the persons in the monthly statistics' payloads),
 * written at `out[at + FIGURE.*]`.
 *
 * Definitions (W total weight, S_i cumulative sum of w x; each as its wrapper documents):
 * mean = S_n / W (NaN if W = 0); median: the smallest value at which the cumulative
 * weight reaches W / 2, or the mean of that value and the next with positive weight when
 * it lands exactly on W / 2; Gini = 1 - sum_i w_i (S_{i-1} + S_i) / (W S_n), clamped at
 * 0, 0 for W = 0 or S_n = 0, NaN for S_n < 0; P_alpha = (1/W) sum_{x < z} w ((z - x) / z)^alpha;
 * Atkinson A_e = 1 - (power mean of x / mean of order 1 - e), the geometric mean for e = 1,
 * 1 for e >= 1 with a value <= 0, NaN with a negative value, 0 for W = 0 or mean 0;
 * Sen = mean (1 - Gini). Entries with weight 0 count in none of them.
 *
 * @param totalWeight the sum of the weights, in order (the median's half is known upfront)
 */
export function distributionFigures(
  values: Float64Array,
  weights: Float64Array | Uint32Array,
  packed: boolean,
  from: number,
  to: number,
  totalWeight: number,
  settings: FigureSettings,
  out: Float64Array,
  at: number,
): void {
  const acc = ACC;
  const { full, line, alpha, epsilon } = settings;
  firstPass(values, weights, packed, from, to, totalWeight, full, line, alpha, acc);
  if (acc[ACC_MEDIAN_STATE] === MEDIAN_SEARCHING) {
    // Only reachable if rounding left the cumulative weight just short of half at the end.
    acc[ACC_MEDIAN] = lastWithWeight(values, weights, packed, from, to);
  }
  const w = acc[ACC_WEIGHT];
  const cumulative = acc[ACC_CUMULATIVE];
  const mean = w > 0 ? cumulative / w : Number.NaN;
  out[at + FIGURE.mean] = mean;
  out[at + FIGURE.median] = acc[ACC_MEDIAN];
  if (!full) return;

  let g: number;
  if (!(w > 0) || cumulative === 0) g = 0;
  else if (cumulative < 0) g = Number.NaN;
  else {
    // A sorted sample's Lorenz curve is convex, so G >= 0; a tiny negative is rounding.
    const raw = 1 - acc[ACC_TRAPEZOIDS] / (w * cumulative);
    g = raw < 0 ? 0 : raw;
  }
  out[at + FIGURE.gini] = g;
  out[at + FIGURE.p0] = w > 0 ? acc[ACC_POOR0] / w : 0;
  out[at + FIGURE.p1] = w > 0 ? acc[ACC_POOR1] / w : 0;
  out[at + FIGURE.pAlpha] = w > 0 ? acc[ACC_POOR_ALPHA] / w : 0;
  out[at + FIGURE.senWelfare] = senWelfare(mean, g);

  const flags = acc[ACC_FLAGS];
  const nonPositive = (flags & NON_POSITIVE) !== 0;
  const negative = (flags & NEGATIVE) !== 0;
  // Checked in this order: no persons, then (e >= 1) a value <= 0, then a negative value.
  const early = (e: number): number =>
    !(w > 0) ? 0 : e >= 1 && nonPositive ? 1 : negative ? Number.NaN : mean === 0 ? 0 : -1;
  const a1 = early(1);
  const ae = early(epsilon);
  if (a1 < 0 || ae < 0) secondPass(values, weights, packed, from, to, mean, epsilon, acc);
  out[at + FIGURE.atkinson1] = a1 >= 0 || a1 !== a1 ? a1 : clampShare(1 - Math.exp(acc[ACC_LOG_SUM] / w));
  out[at + FIGURE.atkinsonEpsilon] =
    ae >= 0 || ae !== ae
      ? ae
      : clampShare(
          1 - (epsilon === 1 ? Math.exp(acc[ACC_LOG_SUM] / w) : Math.pow(acc[ACC_POWER_SUM] / w, 1 / (1 - epsilon))),
        );
}

/**
 * The figures of a caller's sample (the wrappers' path): checks the weights and sums
 * them, then runs {@link distributionFigures}. Returns a buffer reused by the next call.
 */
export function sampleFigures(sample: WeightedSample, settings: FigureSettings): Float64Array {
  const total = sumWeights(sample.weights, sample.count);
  distributionFigures(sample.values, sample.weights, false, 0, sample.count, total, settings, SAMPLE_OUT, 0);
  return SAMPLE_OUT;
}

const SAMPLE_OUT = new Float64Array(FIGURE_COUNT);

/** Sum of the first `count` weights, in order; throws on a negative or NaN weight. */
function sumWeights(weights: Float64Array, count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (!(w >= 0)) throw new RangeError(`weights must be >= 0 (persons), got ${w} at ${i}`);
    total += w;
  }
  return total;
}

/*
 * The loops, each a function of its own that ends with the loop (see the note in
 * keySort.ts above keyRange: V8 optimizes these mid-loop, and code after a loop needs type
 * feedback by then; warmUpWelfareFigures provides it). Their sums go to ACC.
 */
const ACC_WEIGHT = 0;
const ACC_CUMULATIVE = 1;
const ACC_TRAPEZOIDS = 2;
const ACC_POOR0 = 3;
const ACC_POOR1 = 4;
const ACC_POOR_ALPHA = 5;
const ACC_FLAGS = 6;
const ACC_MEDIAN = 7;
const ACC_MEDIAN_STATE = 8;
const ACC_LOG_SUM = 9;
const ACC_POWER_SUM = 10;
const ACC = new Float64Array(11);
const NON_POSITIVE = 1;
const NEGATIVE = 2;

/*
 * The median's walk, as a state: still searching; the cumulative weight landed exactly on
 * half at the last value with positive weight (the median is its mean with the next such
 * value); found.
 */
const MEDIAN_SEARCHING = 0;
const MEDIAN_AT_HALF = 1;
const MEDIAN_FOUND = 2;

function firstPass(
  values: Float64Array,
  weights: Float64Array | Uint32Array,
  packed: boolean,
  from: number,
  to: number,
  totalWeight: number,
  full: boolean,
  line: number,
  alpha: number,
  acc: Float64Array,
): void {
  let w = 0;
  let cumulative = 0;
  let trapezoids = 0;
  let poor0 = 0;
  let poor1 = 0;
  let poorAlpha = 0;
  let flags = 0;
  const half = totalWeight / 2;
  let median = Number.NaN;
  let state = totalWeight > 0 ? MEDIAN_SEARCHING : MEDIAN_FOUND; // NaN without persons
  for (let i = from; i < to; i++) {
    const wi = packed ? weights[i] & 255 : weights[i];
    const x = values[i];
    const previous = cumulative;
    cumulative += wi * x;
    w += wi;
    if (full) {
      trapezoids += wi * (previous + cumulative);
      if (x < line) {
        // P0 and P1 as exact counts and sums, not results of Math.pow.
        poor0 += wi;
        const gap = (line - x) / line;
        poor1 += wi * gap;
        poorAlpha += wi * (alpha === 2 ? gap * gap : Math.pow(gap, alpha));
      }
      if (x <= 0 && wi > 0) {
        flags |= NON_POSITIVE;
        if (x < 0) flags |= NEGATIVE;
      }
    }
    if (state !== MEDIAN_FOUND && wi > 0) {
      if (state === MEDIAN_AT_HALF) {
        median = (median + x) / 2;
        state = MEDIAN_FOUND;
      } else if (w > half) {
        median = x;
        state = MEDIAN_FOUND;
      } else if (w === half) {
        median = x;
        state = MEDIAN_AT_HALF;
      }
    }
  }
  acc[ACC_WEIGHT] = w;
  acc[ACC_CUMULATIVE] = cumulative;
  acc[ACC_TRAPEZOIDS] = trapezoids;
  acc[ACC_POOR0] = poor0;
  acc[ACC_POOR1] = poor1;
  acc[ACC_POOR_ALPHA] = poorAlpha;
  acc[ACC_FLAGS] = flags;
  acc[ACC_MEDIAN] = median;
  acc[ACC_MEDIAN_STATE] = state;
}

/*
 * Atkinson's power means. For epsilon 2 the term is 1 / r, which is Math.pow(r, -1) to the
 * bit: V8's Math.pow (fdlibm's e_pow.c, src/base/ieee754.cc) returns exactly one / x for
 * y = -1, and TurboFan calls the same function; the division saves a call of about 3 ns
 * per household. test/indicators/welfareFigures.test.ts compares the two.
 */
function secondPass(
  values: Float64Array,
  weights: Float64Array | Uint32Array,
  packed: boolean,
  from: number,
  to: number,
  mean: number,
  epsilon: number,
  acc: Float64Array,
): void {
  let logSum = 0;
  let powerSum = 0;
  const power = 1 - epsilon;
  for (let i = from; i < to; i++) {
    const w = packed ? weights[i] & 255 : weights[i];
    if (w > 0) {
      const r = values[i] / mean;
      logSum += w * Math.log(r);
      powerSum += w * (epsilon === 2 ? 1 / r : Math.pow(r, power));
    }
  }
  acc[ACC_LOG_SUM] = logSum;
  acc[ACC_POWER_SUM] = powerSum;
}

/** The last value with a positive weight, or NaN. */
function lastWithWeight(
  values: Float64Array,
  weights: Float64Array | Uint32Array,
  packed: boolean,
  from: number,
  to: number,
): number {
  for (let i = to - 1; i >= from; i--) if ((packed ? weights[i] & 255 : weights[i]) > 0) return values[i];
  return Number.NaN;
}

function clampShare(a: number): number {
  return a < 0 ? 0 : a > 1 ? 1 : a;
}

/**
 * Runs the figures once on a small packed input (full and not, values on both sides of
 * the line), so that V8 has type feedback for all of their code before it optimizes them
 * in the middle of a large scope. Results are discarded.
 */
export function warmUpWelfareFigures(): void {
  const n = 64;
  const values = new Float64Array(n);
  const pay = new Uint32Array(n);
  let persons = 0;
  for (let i = 0; i < n; i++) {
    const w = 1 + (i % 4);
    values[i] = 100 + 10 * i;
    pay[i] = ((i & 1) << 8) | w;
    persons += w;
  }
  const out = new Float64Array(FIGURE_COUNT);
  for (let round = 0; round < 2; round++) {
    distributionFigures(values, pay, true, 0, n, persons, { full: true, line: 400, alpha: 2, epsilon: 2 }, out, 0);
    distributionFigures(values, pay, true, 0, n, persons, { full: false, line: 400, alpha: 2, epsilon: 2 }, out, 0);
  }
}
