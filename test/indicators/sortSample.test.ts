import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSortScratch, sortSample } from '../../src/indicators/sortSample.js';
import { referenceOrder } from '../support/referenceIndicators.js';

/** Numerical Recipes LCG (a = 1664525, c = 1013904223, m = 2^32): seeded, dependency-free. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** Reference: a stable comparator sort of positions (test/support). */
function referenceSort(values: Float64Array, weights: Float64Array, count: number) {
  const order = referenceOrder(values, count);
  return { values: order.map((i) => values[i]), weights: order.map((i) => weights[i]) };
}

function firstN(a: Float64Array, n: number): number[] {
  return Array.from(a.subarray(0, n));
}

describe('sortSample', () => {
  it('sorts [3, 1, 2] with weights [30, 10, 20] to [1, 2, 3] / [10, 20, 30] (by hand)', () => {
    const s = sortSample(Float64Array.of(3, 1, 2), Float64Array.of(30, 10, 20), 3, createSortScratch(3));
    expect(firstN(s.values, 3)).toEqual([1, 2, 3]);
    expect(firstN(s.weights, 3)).toEqual([10, 20, 30]);
    expect(s.count).toBe(3);
    expect(s.sorted).toBe(true);
  });

  it.each([
    ['lognormal rupiah amounts', 7, 5000, (r: () => number) => Math.exp(13 + 0.8 * (r() + r() + r() - 1.5))],
    ['small integers with many ties', 11, 5000, (r: () => number) => Math.floor(r() * 20)],
    ['mixed signs over many magnitudes', 13, 5000, (r: () => number) => (r() - 0.5) * 10 ** Math.floor(r() * 30 - 15)],
    ['a single element', 17, 1, (r: () => number) => r()],
  ])('matches a stable reference sort on seeded random %s, weights staying paired', (_name, seed, n, draw) => {
    const r = lcg(seed);
    const values = new Float64Array(n);
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      values[i] = draw(r);
      weights[i] = i + 1; // unique, so any broken pairing or instability shows
    }
    const s = sortSample(values, weights, n, createSortScratch(n));
    const expected = referenceSort(values, weights, n);
    expect(firstN(s.values, n)).toEqual(expected.values);
    expect(firstN(s.weights, n)).toEqual(expected.weights);
  });

  it('uses only the first count entries when the buffers are longer', () => {
    const r = lcg(42);
    const values = new Float64Array(1000);
    const weights = new Float64Array(1000);
    for (let i = 0; i < 1000; i++) {
      values[i] = i < 600 ? r() * 1e6 : -1e9; // the tail would sort first if it were read
      weights[i] = i;
    }
    const s = sortSample(values, weights, 600, createSortScratch(1000));
    const expected = referenceSort(values, weights, 600);
    expect(s.count).toBe(600);
    expect(firstN(s.values, 600)).toEqual(expected.values);
    expect(firstN(s.weights, 600)).toEqual(expected.weights);
  });

  it('leaves its inputs unchanged', () => {
    const values = Float64Array.of(5, -1, 3, 0);
    const weights = Float64Array.of(1, 2, 3, 4);
    sortSample(values, weights, 4, createSortScratch(4));
    expect(Array.from(values)).toEqual([5, -1, 3, 0]);
    expect(Array.from(weights)).toEqual([1, 2, 3, 4]);
  });

  it('handles infinities, -0 and duplicates in numeric order', () => {
    const values = Float64Array.of(Infinity, 0, -0, -Infinity, 2, -2, 2);
    const weights = Float64Array.of(1, 2, 3, 4, 5, 6, 7);
    const s = sortSample(values, weights, 7, createSortScratch(7));
    expect(firstN(s.values, 7)).toEqual([-Infinity, -2, -0, 0, 2, 2, Infinity]);
    expect(firstN(s.weights, 7)).toEqual([4, 6, 3, 2, 5, 7, 1]);
  });

  it('reuses one scratch across calls, including re-sorting its own previous result', () => {
    const scratch = createSortScratch(500);
    const r = lcg(99);
    for (let round = 0; round < 5; round++) {
      const n = 100 + round * 100;
      const values = new Float64Array(n);
      const weights = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        values[i] = round % 2 === 0 ? Math.floor(r() * 50) : r() * 1e7; // different numbers of radix passes
        weights[i] = i;
      }
      const s = sortSample(values, weights, n, scratch);
      const expected = referenceSort(values, weights, n);
      expect(firstN(s.values, n)).toEqual(expected.values);
      expect(firstN(s.weights, n)).toEqual(expected.weights);
      const again = sortSample(s.values, s.weights, n, scratch);
      expect(firstN(again.values, n)).toEqual(expected.values);
      expect(firstN(again.weights, n)).toEqual(expected.weights);
    }
  });

  it('sorts an empty sample to an empty sorted sample', () => {
    const s = sortSample(new Float64Array(0), new Float64Array(0), 0, createSortScratch(0));
    expect(s.count).toBe(0);
    expect(s.sorted).toBe(true);
  });

  it('rejects a count above the capacity or the input length', () => {
    const values = new Float64Array(10);
    expect(() => sortSample(values, values, 11, createSortScratch(20))).toThrow(RangeError);
    expect(() => sortSample(values, values, 10, createSortScratch(5))).toThrow(RangeError);
    expect(() => sortSample(values, values, -1, createSortScratch(5))).toThrow(RangeError);
    expect(() => createSortScratch(1.5)).toThrow(RangeError);
  });

  it('matches the reference sort for any finite or infinite doubles (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (xs) => {
        const values = Float64Array.from(xs);
        const weights = Float64Array.from(xs, (_, i) => i);
        const s = sortSample(values, weights, xs.length, createSortScratch(xs.length));
        const expected = referenceSort(values, weights, xs.length);
        expect(firstN(s.values, xs.length)).toEqual(expected.values);
        expect(firstN(s.weights, xs.length)).toEqual(expected.weights);
      }),
    );
  });
});
