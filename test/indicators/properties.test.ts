import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSortScratch, sortSample } from '../../src/indicators/sortSample.js';
import { gini } from '../../src/indicators/gini.js';
import { fgt } from '../../src/indicators/fgt.js';
import { atkinson } from '../../src/indicators/atkinson.js';
import { weightedMean } from '../../src/indicators/weightedMean.js';
import { weightedMedian } from '../../src/indicators/weightedMedian.js';

// Positive per-capita values (rupiah per person per month) with household sizes 1..12.
const households = fc.array(
  fc.record({
    value: fc.double({ min: 1, max: 1e8, noNaN: true }),
    persons: fc.integer({ min: 1, max: 12 }),
  }),
  { minLength: 1, maxLength: 200 },
);

function sorted(rows: { value: number; persons: number }[]) {
  const values = Float64Array.from(rows, (r) => r.value);
  const weights = Float64Array.from(rows, (r) => r.persons);
  return sortSample(values, weights, rows.length, createSortScratch(rows.length));
}

describe('distribution indicators on random positive samples (fast-check)', () => {
  it('0 <= gini < 1', () => {
    fc.assert(
      fc.property(households, (rows) => {
        const g = gini(sorted(rows));
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
      }),
    );
  });

  it('P2 <= P1 <= P0 <= 1 for any poverty line', () => {
    fc.assert(
      fc.property(households, fc.double({ min: 1, max: 2e8, noNaN: true }), (rows, line) => {
        const s = sorted(rows);
        const p0 = fgt(s, line, 0);
        const p1 = fgt(s, line, 1);
        const p2 = fgt(s, line, 2);
        expect(p2).toBeGreaterThanOrEqual(0);
        expect(p2).toBeLessThanOrEqual(p1);
        expect(p1).toBeLessThanOrEqual(p0);
        expect(p0).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('0 <= atkinson(1) <= atkinson(2) <= 1', () => {
    fc.assert(
      fc.property(households, (rows) => {
        const s = sorted(rows);
        const a1 = atkinson(s, 1);
        const a2 = atkinson(s, 2);
        expect(a1).toBeGreaterThanOrEqual(0);
        // A(1) <= A(2) because power means increase with the power; the slack is rounding.
        expect(a1).toBeLessThanOrEqual(a2 + 1e-12);
        expect(a2).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('min <= median <= max and min <= mean <= max', () => {
    fc.assert(
      fc.property(households, (rows) => {
        const s = sorted(rows);
        const lo = s.values[0];
        const hi = s.values[s.count - 1];
        const median = weightedMedian(s);
        const mean = weightedMean(s);
        expect(median).toBeGreaterThanOrEqual(lo);
        expect(median).toBeLessThanOrEqual(hi);
        // Relative slack: a weighted sum of equal values can round one ulp past them.
        expect(mean).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
        expect(mean).toBeLessThanOrEqual(hi * (1 + 1e-12));
      }),
    );
  });
});
