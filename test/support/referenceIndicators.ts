/*
 * Straightforward versions of the distribution indicators, one loop each, as they were
 * before the fused implementation (src/indicators/welfareFigures.ts) became the only one:
 * the tests' oracles, compared with it to the last bit.
 */
import type { WeightedSample } from '../../src/indicators/distribution.js';
import type { Indicator } from '../../src/indicators/registry.js';
import type { ScopeStats } from '../../src/indicators/scopeStats.js';
import type { ModelParams } from '../../src/model/params.js';

export function referenceGini(sample: WeightedSample): number {
  if (!sample.sorted) throw new Error('gini: the sample must be sorted ascending (use sortSample)');
  const { values, weights, count } = sample;
  let totalWeight = 0;
  let cumulative = 0; // S_i
  let trapezoids = 0; // sum_i w_i (S_{i-1} + S_i)
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    const previous = cumulative;
    cumulative += w * values[i];
    totalWeight += w;
    trapezoids += w * (previous + cumulative);
  }
  if (!(totalWeight > 0) || cumulative === 0) return 0;
  if (cumulative < 0) return Number.NaN;
  const g = 1 - trapezoids / (totalWeight * cumulative);
  // A sorted sample's Lorenz curve is convex, so G >= 0; a tiny negative is rounding on
  // (near-)equal values and would only confuse readers of the output.
  return g < 0 ? 0 : g;
}

export function referenceWeightedMedian(sample: WeightedSample): number {
  if (!sample.sorted) throw new Error('weightedMedian: the sample must be sorted ascending (use sortSample)');
  const { values, weights, count } = sample;
  let totalWeight = 0;
  for (let i = 0; i < count; i++) totalWeight += weights[i];
  if (!(totalWeight > 0)) return Number.NaN;

  const half = totalWeight / 2;
  let cumulative = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (w <= 0) continue; // a value nobody has cannot be the median
    cumulative += w;
    if (cumulative > half) return values[i];
    if (cumulative === half) {
      for (let j = i + 1; j < count; j++) {
        if (weights[j] > 0) return (values[i] + values[j]) / 2;
      }
      return values[i];
    }
  }
  // Only reachable if rounding left the cumulative sum just short of half at the end.
  for (let i = count - 1; i >= 0; i--) if (weights[i] > 0) return values[i];
  return Number.NaN;
}

export function referenceWeightedMean(sample: WeightedSample): number {
  const { values, weights, count } = sample;
  let totalWeight = 0;
  let weightedSum = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    totalWeight += w;
    weightedSum += w * values[i];
  }
  return totalWeight > 0 ? weightedSum / totalWeight : Number.NaN;
}

export function referenceFgt(sample: WeightedSample, povertyLine: number, alpha: number): number {
  if (!(povertyLine > 0) || !Number.isFinite(povertyLine)) {
    throw new RangeError(`fgt: povertyLine must be a positive finite number, got ${povertyLine}`);
  }
  if (!(alpha >= 0) || !Number.isFinite(alpha)) {
    throw new RangeError(`fgt: alpha must be a finite number >= 0, got ${alpha}`);
  }
  const { values, weights, count } = sample;
  let totalWeight = 0;
  let poor = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    totalWeight += w;
    const x = values[i];
    if (x < povertyLine) {
      // Special-cased so P0 and P1 are exact counts and sums, not results of Math.pow.
      if (alpha === 0) poor += w;
      else {
        const gap = (povertyLine - x) / povertyLine;
        poor += w * (alpha === 1 ? gap : alpha === 2 ? gap * gap : Math.pow(gap, alpha));
      }
    }
  }
  return totalWeight > 0 ? poor / totalWeight : 0;
}

export function referenceAtkinson(sample: WeightedSample, epsilon: number): number {
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) {
    throw new RangeError(`atkinson: epsilon must be a finite number >= 0, got ${epsilon}`);
  }
  const { values, weights, count } = sample;
  let totalWeight = 0;
  let weightedSum = 0;
  let hasNonPositive = false;
  let hasNegative = false;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (w <= 0) continue;
    const x = values[i];
    totalWeight += w;
    weightedSum += w * x;
    if (x <= 0) {
      hasNonPositive = true;
      if (x < 0) hasNegative = true;
    }
  }
  if (!(totalWeight > 0)) return 0;
  if (epsilon >= 1 && hasNonPositive) return 1;
  if (hasNegative) return Number.NaN;
  const mean = weightedSum / totalWeight;
  if (mean === 0) return 0;

  let equallyDistributedShare: number; // equally distributed equivalent / mean
  if (epsilon === 1) {
    let logSum = 0;
    for (let i = 0; i < count; i++) {
      const w = weights[i];
      if (w > 0) logSum += w * Math.log(values[i] / mean);
    }
    equallyDistributedShare = Math.exp(logSum / totalWeight);
  } else {
    const power = 1 - epsilon;
    let powerSum = 0;
    for (let i = 0; i < count; i++) {
      const w = weights[i];
      if (w > 0) powerSum += w * Math.pow(values[i] / mean, power);
    }
    equallyDistributedShare = Math.pow(powerSum / totalWeight, 1 / power);
  }
  const a = 1 - equallyDistributedShare;
  // The power mean never exceeds the mean for these epsilons, so 0..1 holds exactly;
  // anything outside is rounding on (near-)equal values.
  return a < 0 ? 0 : a > 1 ? 1 : a;
}

/** Sen's welfare index from the reference mean and Gini. */
export function referenceSenWelfare(sample: WeightedSample): number {
  return referenceWeightedMean(sample) * (1 - referenceGini(sample));
}

/**
 * A registry indicator's value computed by the reference functions above for the eleven
 * distribution indicators, and by its own `compute` for the others.
 */
export function referenceCompute(indicator: Indicator, s: ScopeStats, params: ModelParams): number {
  const line = params.market.povertyLine;
  switch (indicator.id) {
    case 'consumption_pc_mean':
      return referenceWeightedMean(s.consumption);
    case 'consumption_pc_median':
      return referenceWeightedMedian(s.consumption);
    case 'income_pc_mean':
      return referenceWeightedMean(s.income);
    case 'income_pc_median':
      return referenceWeightedMedian(s.income);
    case 'gini':
      return referenceGini(s.consumption);
    case 'p0':
      return referenceFgt(s.consumption, line, 0);
    case 'p1':
      return referenceFgt(s.consumption, line, 1);
    case 'p2':
      return referenceFgt(s.consumption, line, 2);
    case 'atkinson_1':
      return referenceAtkinson(s.consumption, 1);
    case 'atkinson_2':
      return referenceAtkinson(s.consumption, 2);
    case 'sen_welfare':
      return referenceSenWelfare(s.consumption);
    default:
      return indicator.compute(s, params);
  }
}

/**
 * Reference sort: a stable comparator sort of positions (Array.prototype.sort is stable
 * since ES2019) in keySort's order: numeric, -0 before +0, NaN last. Returns the order.
 */
export function referenceOrder(values: ArrayLike<number>, count = values.length): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const rank = (x: number) => (Number.isNaN(x) ? 1 : 0);
  const negZero = (x: number) => Object.is(x, -0);
  order.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    if (x < y) return -1;
    if (x > y) return 1;
    return Number(negZero(y)) - Number(negZero(x));
  });
  return order;
}
