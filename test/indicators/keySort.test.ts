import { describe, it, expect } from 'vitest';
import { createKeySortBuffers, sortFloat32, sortFloat64 } from '../../src/indicators/keySort.js';
import { createSortScratch, sortSample } from '../../src/indicators/sortSample.js';

/** Numerical Recipes LCG (a = 1664525, c = 1013904223, m = 2^32): seeded, dependency-free. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/*
 * Reference: sortSample (itself tested against a stable comparator sort), with each
 * element's input position as its weight, so the expected order pins down both the
 * values and the order of ties.
 */
function reference(values: ArrayLike<number>): { values: number[]; positions: number[] } {
  const n = values.length;
  const s = sortSample(
    Float64Array.from(values),
    Float64Array.from({ length: n }, (_, i) => i),
    n,
    createSortScratch(n),
  );
  return { values: Array.from(s.values.subarray(0, n)), positions: Array.from(s.weights.subarray(0, n)) };
}

function f32Case(values: Float32Array) {
  const n = values.length;
  const buffers = createKeySortBuffers(n);
  const bits = new Uint32Array(values.buffer);
  let min = 0xffffffff;
  let max = 0;
  for (let i = 0; i < n; i++) {
    // Pair layout: the value's bits, then its payload.
    buffers.a.u32[2 * i] = bits[i];
    buffers.a.u32[2 * i + 1] = i;
    min = Math.min(min, bits[i]);
    max = Math.max(max, bits[i]);
  }
  const out = sortFloat32(buffers, n, n ? min : 0, max);
  return {
    values: Array.from({ length: n }, (_, i) => out.f32[2 * i]),
    positions: Array.from({ length: n }, (_, i) => out.u32[2 * i + 1]),
  };
}

function f64Case(values: Float64Array) {
  const n = values.length;
  const buffers = createKeySortBuffers(n);
  const words = new Uint32Array(values.buffer);
  const hi = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 1 : 0;
  let min = 0xffffffff;
  let max = 0;
  for (let i = 0; i < n; i++) {
    buffers.a.f64[i] = values[i];
    buffers.a.pay[i] = i;
    min = Math.min(min, words[2 * i + hi]);
    max = Math.max(max, words[2 * i + hi]);
  }
  const out = sortFloat64(buffers, n, n ? min : 0, max);
  return { values: Array.from(out.f64.subarray(0, n)), positions: Array.from(out.pay.subarray(0, n)) };
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
  // The same for Float32: far-apart values make the truncated key drop low bits, which these then differ in.
  [
    'Float32 values differing only below the truncated key (fallback)',
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
  it.each(draws)("sortFloat32 gives sortSample's order (values and ties) on %s", (_name, seed, n, draw) => {
    const r = lcg(seed);
    const values = Float32Array.from({ length: n }, (_, i) => draw(r, i));
    expect(f32Case(values)).toEqual(reference(values));
  });

  it.each(draws)("sortFloat64 gives sortSample's order (values and ties) on %s", (_name, seed, n, draw) => {
    const r = lcg(seed);
    const values = Float64Array.from({ length: n }, (_, i) => draw(r, i));
    expect(f64Case(values)).toEqual(reference(values));
  });
});
