import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { atkinson } from '../../src/indicators/atkinson.js';
import type { WeightedSample } from '../../src/indicators/distribution.js';
import { fgt } from '../../src/indicators/fgt.js';
import { gini } from '../../src/indicators/gini.js';
import { figureIndices, INCOME } from '../../src/indicators/monthlyStats.js';
import { INDICATORS, type Indicator } from '../../src/indicators/registry.js';
import { createSortScratch, sortSample } from '../../src/indicators/sortSample.js';
import { weightedMean } from '../../src/indicators/weightedMean.js';
import { weightedMedian } from '../../src/indicators/weightedMedian.js';
import { distributionFigures, FIGURE, FIGURE_COUNT } from '../../src/indicators/welfareFigures.js';
import {
  referenceAtkinson,
  referenceFgt,
  referenceGini,
  referenceSenWelfare,
  referenceWeightedMean,
  referenceWeightedMedian,
} from '../support/referenceIndicators.js';

/*
 * distributionFigures is the one implementation of the distribution indicators; the
 * straightforward reference functions (test/support) are its oracles, to the last bit
 * (Object.is, so NaN and -0 count too).
 */
const rows = fc.array(
  fc.record({
    // Float32 values, as real consumption per capita is stored; zeros included.
    value: fc.oneof(
      fc.constant(0),
      fc.float({ min: 0, max: 1e8, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 20 }),
    ),
    persons: fc.integer({ min: 1, max: 12 }),
  }),
  { minLength: 0, maxLength: 300 },
);

function sortedSample(values: Float64Array, weights: Float64Array): WeightedSample {
  const s = sortSample(values, weights, values.length, createSortScratch(values.length));
  return { values: s.values.slice(), weights: s.weights.slice(), count: s.count, sorted: true };
}

function expectSame(got: Record<string, number>, want: Record<string, number>): void {
  for (const key of Object.keys(want)) {
    expect(Object.is(got[key], want[key]), `${key}: ${got[key]} vs ${want[key]}`).toBe(true);
  }
}

describe('distributionFigures', () => {
  it('on packed persons (the monthly statistics) equals the reference functions bit for bit', () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 1, max: 2e8, noNaN: true }), (rs, line) => {
        const s = sortedSample(
          Float64Array.from(rs, (r) => Math.fround(r.value)),
          Float64Array.from(rs, (r) => r.persons),
        );
        const n = rs.length;
        // Payload: region << 8 | persons, as monthlyStats packs it.
        const pay = Uint32Array.from(s.weights, (w, i) => ((i % 7) << 8) | w);
        const persons = rs.reduce((a, r) => a + r.persons, 0);
        const out = new Float64Array(FIGURE_COUNT + 3);
        distributionFigures(s.values, pay, true, 0, n, persons, { full: true, line, alpha: 2, epsilon: 2 }, out, 3);
        expectSame(
          {
            mean: out[3 + FIGURE.mean],
            median: out[3 + FIGURE.median],
            gini: out[3 + FIGURE.gini],
            p0: out[3 + FIGURE.p0],
            p1: out[3 + FIGURE.p1],
            p2: out[3 + FIGURE.pAlpha],
            a1: out[3 + FIGURE.atkinson1],
            a2: out[3 + FIGURE.atkinsonEpsilon],
            sen: out[3 + FIGURE.senWelfare],
          },
          {
            mean: referenceWeightedMean(s),
            median: referenceWeightedMedian(s),
            gini: referenceGini(s),
            p0: referenceFgt(s, line, 0),
            p1: referenceFgt(s, line, 1),
            p2: referenceFgt(s, line, 2),
            a1: referenceAtkinson(s, 1),
            a2: referenceAtkinson(s, 2),
            sen: referenceSenWelfare(s),
          },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the wrappers equal the reference functions bit for bit on any weights >= 0, signs, alphas and epsilons', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true })),
            weight: fc.oneof(
              fc.constant(0),
              fc.double({ min: 0, max: 50, noNaN: true }),
              fc.integer({ min: 1, max: 9 }),
            ),
          }),
          { maxLength: 200 },
        ),
        fc.double({ min: 1, max: 2e9, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, 0.5, 1, 2, 3.5),
        fc.constantFrom(0, 0.5, 1, 2, 4),
        (rs, line, alpha, epsilon) => {
          const s = sortedSample(
            Float64Array.from(rs, (r) => r.value),
            Float64Array.from(rs, (r) => r.weight),
          );
          expectSame(
            {
              mean: weightedMean(s),
              median: weightedMedian(s),
              gini: gini(s),
              fgt: fgt(s, line, alpha),
              atkinson: atkinson(s, epsilon),
            },
            {
              mean: referenceWeightedMean(s),
              median: referenceWeightedMedian(s),
              gini: referenceGini(s),
              fgt: referenceFgt(s, line, alpha),
              atkinson: referenceAtkinson(s, epsilon),
            },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes only the mean and the median when not full', () => {
    const out = new Float64Array(FIGURE_COUNT).fill(-7);
    const settings = { full: false, line: 3, alpha: 2, epsilon: 2 };
    distributionFigures(Float64Array.of(1, 2, 3, 4), Uint32Array.of(1, 1, 1, 1), true, 0, 4, 4, settings, out, 0);
    expect(out[FIGURE.mean]).toBe(2.5);
    expect(out[FIGURE.median]).toBe(2.5);
    expect(out[FIGURE.gini]).toBe(-7);
  });

  it('reads a range: entries from..to only', () => {
    const out = new Float64Array(FIGURE_COUNT);
    const settings = { full: true, line: 3, alpha: 2, epsilon: 2 };
    // Weights [1, 1, 5] on [1, 2, 3] -> median 3 (weightedMedian's own example), inside padding.
    distributionFigures(
      Float64Array.of(9, 1, 2, 3, 9),
      Float64Array.of(4, 1, 1, 5, 4),
      false,
      1,
      4,
      7,
      settings,
      out,
      0,
    );
    expect(out[FIGURE.median]).toBe(3);
    expect(out[FIGURE.mean]).toBe(18 / 7);
  });

  it('rejects a negative or NaN weight in the wrappers', () => {
    const s = { values: Float64Array.of(1, 2), weights: Float64Array.of(1, -1), count: 2, sorted: true };
    expect(() => weightedMean(s)).toThrow(RangeError);
    expect(() => gini({ ...s, weights: Float64Array.of(1, Number.NaN) })).toThrow(RangeError);
  });

  it("the collector reads only the registry's own welfare indicators from the figures", () => {
    const custom: Indicator = { ...INDICATORS.find((i) => i.id === 'gini')!, compute: () => 42 };
    const member = INDICATORS.find((i) => i.id === 'member_share')!;
    const giniIndicator = INDICATORS.find((i) => i.id === 'gini')!;
    const income = INDICATORS.find((i) => i.id === 'income_pc_median')!;
    expect(Array.from(figureIndices([giniIndicator, member, custom, income]))).toEqual([
      FIGURE.gini,
      -1,
      -1,
      INCOME + FIGURE.median,
    ]);
    const replaced = INDICATORS.filter((_, k) => figureIndices(INDICATORS)[k] >= 0).map((i) => i.id);
    expect(replaced.sort()).toEqual(
      [
        'atkinson_1',
        'atkinson_2',
        'consumption_pc_mean',
        'consumption_pc_median',
        'gini',
        'income_pc_mean',
        'income_pc_median',
        'p0',
        'p1',
        'p2',
        'sen_welfare',
      ].sort(),
    );
  });
});

describe('Math.pow(x, -1) and 1 / x', () => {
  it('are the same number for doubles of every magnitude, as the Atkinson (e=2) figure assumes (V8: fdlibm pow returns one / x for y = -1)', () => {
    // Numerical Recipes LCG, seeded: positive doubles from 1e-300 to 1e300, plus edge values.
    let s = 12345;
    const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
    const xs = [0, -0, Infinity, -Infinity, Number.NaN, Number.MIN_VALUE, Number.MAX_VALUE, 1, -1, 3, 0.1];
    for (let i = 0; i < 200_000; i++) xs.push((next() + next() * 2 ** -32) * 10 ** Math.floor(next() * 600 - 300));
    const bad = xs.filter((x) => !Object.is(Math.pow(x, -1), 1 / x));
    expect(bad).toEqual([]);
  });
});
