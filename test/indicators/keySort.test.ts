import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createKeySortBuffers, sortKeys } from '../../src/indicators/keySort.js';
import { referenceOrder } from '../support/referenceIndicators.js';

/** Numerical Recipes LCG (a = 1664525, c = 1013904223, m = 2^32): seeded, dependency-free. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** sortKeys's order: the values and each one's input position (its payload). */
function sorted(values: Float64Array) {
  const n = values.length;
  const buffers = createKeySortBuffers(n);
  buffers.a.f64.set(values);
  for (let i = 0; i < n; i++) buffers.a.pay[i] = i;
  const out = sortKeys(buffers, n);
  return { values: Array.from(out.f64.subarray(0, n)), positions: Array.from(out.pay.subarray(0, n)) };
}

/* Reference: a stable comparator sort (test/support), which pins down the order of ties. */
function reference(values: Float64Array) {
  const order = referenceOrder(values);
  return { values: order.map((i) => values[i]), positions: order };
}

const draws: [string, number, number, (r: () => number, i: number) => number][] = [
  ['lognormal rupiah amounts', 7, 20000, (r) => Math.exp(13 + 0.8 * (r() + r() + r() - 1.5))],
  ['small integers with many ties', 11, 5000, (r) => Math.floor(r() * 20)],
  [
    'many magnitudes, with zeros and Infinity',
    13,
    5000,
    (r) => (r() < 0.05 ? 0 : r() < 0.01 ? Infinity : r() * 10 ** Math.floor(r() * 30 - 15)),
  ],
  // Distinct values that share their top bits: the insertion pass gives up and the full radix sort finishes.
  ['values differing only in their lowest bits (fallback)', 17, 20000, (r) => 1_000_000 * (1 + r() * 2 ** -18)],
  // Far-apart values make the truncated key drop low bits, which these then differ in.
  [
    'values differing only below the truncated key (fallback)',
    37,
    20000,
    (r) => (r() < 0.5 ? 1e-30 : 1e6 * (1 + Math.floor(r() * 100) * 2 ** -23)),
  ],
  ['already sorted', 19, 3000, (_r, i) => i * 3.5],
  ['reverse sorted', 23, 3000, (_r, i) => 1e6 - i],
  ['a single element', 29, 1, (r) => r()],
  ['nothing', 31, 0, (r) => r()],
];

describe('keySort', () => {
  it.each(draws)('sortKeys gives a stable sort (values and ties) on %s', (_name, seed, n, draw) => {
    const r = lcg(seed);
    const values = Float64Array.from({ length: n }, (_, i) => draw(r, i));
    expect(sorted(values)).toEqual(reference(values));
  });

  it('sorts Float32 values widened to Float64 (the consumption keys) the same way', () => {
    const r = lcg(41);
    const values = Float64Array.from(Float32Array.from({ length: 20000 }, () => Math.exp(13 + 2 * r())));
    expect(sorted(values)).toEqual(reference(values));
  });

  it('orders -0 before +0, negatives, infinities and NaN (last)', () => {
    const values = Float64Array.of(Number.NaN, Infinity, 0, -0, -Infinity, 2, -2, 2, -0, 0);
    expect(sorted(values)).toEqual(reference(values));
    expect(sorted(values).positions).toEqual([4, 6, 3, 8, 2, 9, 5, 7, 1, 0]);
  });

  it('matches the reference for any doubles (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 300 }), (xs) => {
        const values = Float64Array.from(xs);
        expect(sorted(values)).toEqual(reference(values));
      }),
    );
  });
});
