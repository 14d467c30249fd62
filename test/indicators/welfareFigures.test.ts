import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { atkinson } from '../../src/indicators/atkinson.js';
import { fgt } from '../../src/indicators/fgt.js';
import { gini } from '../../src/indicators/gini.js';
import { senWelfare } from '../../src/indicators/senWelfare.js';
import { createSortScratch, sortSample } from '../../src/indicators/sortSample.js';
import { weightedMean } from '../../src/indicators/weightedMean.js';
import { weightedMedian } from '../../src/indicators/weightedMedian.js';
import {
  consumptionFigures,
  FIGURE,
  FIGURE_COUNT,
  figureIndices,
  incomeFigures,
} from '../../src/indicators/welfareFigures.js';
import { INDICATORS, type Indicator } from '../../src/indicators/registry.js';

/*
 * The fused welfare figures must equal the reference functions to the last bit
 * (Object.is, so NaN and -0 count too): they replace them in the collector.
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

/** Entries in keySort's pair layout: value bits at [2i], payload at [2i + 1]. */
function pairLayout(values: ArrayLike<number>, payloads: ArrayLike<number>): { f32: Float32Array; pairs: Uint32Array } {
  const f32 = new Float32Array(2 * values.length);
  const pairs = new Uint32Array(f32.buffer);
  for (let i = 0; i < values.length; i++) {
    f32[2 * i] = values[i];
    pairs[2 * i + 1] = payloads[i];
  }
  return { f32, pairs };
}

function reference(values: Float64Array, weights: Float64Array, line: number) {
  const s = sortSample(values, weights, values.length, createSortScratch(values.length));
  return {
    sorted: s,
    figures: {
      mean: weightedMean(s),
      median: weightedMedian(s),
      gini: gini(s),
      p0: fgt(s, line, 0),
      p1: fgt(s, line, 1),
      p2: fgt(s, line, 2),
      a1: atkinson(s, 1),
      a2: atkinson(s, 2),
      sen: senWelfare(weightedMean(s), gini(s)),
    },
  };
}

describe('welfare figures', () => {
  it('consumption figures equal weightedMean, weightedMedian, gini, fgt, atkinson and senWelfare bit for bit', () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 1, max: 2e8, noNaN: true }), (rs, line) => {
        const values = Float64Array.from(rs, (r) => Math.fround(r.value));
        const weights = Float64Array.from(rs, (r) => r.persons);
        const { sorted, figures } = reference(values, weights, line);
        const n = rs.length;
        const { f32, pairs } = pairLayout(
          sorted.values.subarray(0, n),
          Array.from(sorted.weights.subarray(0, n), (w, i) => ((i % 7) << 8) | w),
        );
        const persons = rs.reduce((a, r) => a + r.persons, 0);
        const out = new Float64Array(FIGURE_COUNT + 3);
        expect(consumptionFigures(f32, pairs, 0, n, persons, line, out, 3, null)).toBe(true);
        const got = {
          mean: out[3 + FIGURE.consumptionMean],
          median: out[3 + FIGURE.consumptionMedian],
          gini: out[3 + FIGURE.gini],
          p0: out[3 + FIGURE.p0],
          p1: out[3 + FIGURE.p1],
          p2: out[3 + FIGURE.p2],
          a1: out[3 + FIGURE.atkinson1],
          a2: out[3 + FIGURE.atkinson2],
          sen: out[3 + FIGURE.senWelfare],
        };
        for (const key of Object.keys(figures) as (keyof typeof figures)[]) {
          expect(Object.is(got[key], figures[key]), `${key}: ${got[key]} vs ${figures[key]}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('income figures equal weightedMean and weightedMedian bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ value: fc.double({ min: 0, max: 1e9, noNaN: true }), persons: fc.integer({ min: 1, max: 12 }) }),
          { maxLength: 300 },
        ),
        (rs) => {
          const values = Float64Array.from(rs, (r) => r.value);
          const weights = Float64Array.from(rs, (r) => r.persons);
          const s = sortSample(values, weights, rs.length, createSortScratch(rs.length));
          const pay = Uint32Array.from(s.weights.subarray(0, rs.length), (w) => w);
          const persons = rs.reduce((a, r) => a + r.persons, 0);
          const out = new Float64Array(FIGURE_COUNT);
          expect(incomeFigures(s.values, pay, 0, rs.length, persons, out, 0, null)).toBe(true);
          expect(Object.is(out[FIGURE.incomeMean], weightedMean(s))).toBe(true);
          expect(Object.is(out[FIGURE.incomeMedian], weightedMedian(s))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the median of equal halves is the mean of the two middle values, as weightedMedian ([1,2,3,4] -> 2.5)', () => {
    const out = new Float64Array(FIGURE_COUNT);
    const { f32, pairs } = pairLayout([1, 2, 3, 4], [1, 1, 1, 1]);
    consumptionFigures(f32, pairs, 0, 4, 4, 3, out, 0, null);
    expect(out[FIGURE.consumptionMedian]).toBe(2.5);
    incomeFigures(Float64Array.of(1, 2, 3, 4), Uint32Array.of(1, 1, 1, 1), 0, 4, 4, out, 0, null);
    expect(out[FIGURE.incomeMedian]).toBe(2.5);
    // Weights [1, 1, 5] on [1, 2, 3] -> 3; [3, 1] on [1, 3] -> 1 (weightedMedian's own examples).
    incomeFigures(Float64Array.of(1, 2, 3), Uint32Array.of(1, 1, 5), 0, 3, 7, out, 0, null);
    expect(out[FIGURE.incomeMedian]).toBe(3);
    incomeFigures(Float64Array.of(1, 3), Uint32Array.of(3, 1), 0, 2, 4, out, 0, null);
    expect(out[FIGURE.incomeMedian]).toBe(1);
  });

  it('splits the sorted entries by region (payload >>> 8) while computing, keeping their order', () => {
    // Sorted values 1..6 in regions 1, 0, 1, 2, 0, 1; region sizes 2, 3, 1 (by hand).
    const regions = [1, 0, 1, 2, 0, 1];
    const pay = Uint32Array.from(regions, (r) => (r << 8) | 1);
    const { f32, pairs } = pairLayout([1, 2, 3, 4, 5, 6], Array.from(pay));
    const to = pairLayout([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);
    const out = new Float64Array(FIGURE_COUNT);
    const split = {
      pairs: to.pairs,
      values: new Float64Array(0),
      pay: new Uint32Array(0),
      cursor: Int32Array.of(0, 2, 5),
    };
    expect(consumptionFigures(f32, pairs, 0, 6, 6, 3.5, out, 0, split)).toBe(true);
    expect(Array.from({ length: 6 }, (_, i) => to.f32[2 * i])).toEqual([2, 5, 1, 3, 6, 4]);
    expect(Array.from({ length: 6 }, (_, i) => to.pairs[2 * i + 1] >>> 8)).toEqual([0, 0, 1, 1, 1, 2]);
    const to64 = new Float64Array(6);
    const split64 = {
      pairs: new Uint32Array(0),
      values: to64,
      pay: new Uint32Array(6),
      cursor: Int32Array.of(0, 2, 5),
    };
    expect(incomeFigures(Float64Array.of(1, 2, 3, 4, 5, 6), pay, 0, 6, 6, out, 0, split64)).toBe(true);
    expect(Array.from(to64)).toEqual([2, 5, 1, 3, 6, 4]);
  });

  it('refuses (returns false) a household without persons, so the caller falls back', () => {
    const { f32, pairs } = pairLayout([1, 2], [1, 0]);
    expect(consumptionFigures(f32, pairs, 0, 2, 1, 3, new Float64Array(FIGURE_COUNT), 0, null)).toBe(false);
    expect(
      incomeFigures(Float64Array.of(1, 2), Uint32Array.of(0, 1), 0, 2, 1, new Float64Array(FIGURE_COUNT), 0, null),
    ).toBe(false);
  });

  it("replaces only the registry's own welfare indicators", () => {
    const custom: Indicator = { ...INDICATORS.find((i) => i.id === 'gini')!, compute: () => 42 };
    const member = INDICATORS.find((i) => i.id === 'member_share')!;
    const gini = INDICATORS.find((i) => i.id === 'gini')!;
    expect(Array.from(figureIndices([gini, member, custom]))).toEqual([FIGURE.gini, -1, -1]);
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
