import { describe, it, expect } from 'vitest';
import { fgt } from '../../src/indicators/fgt.js';
import type { WeightedSample } from '../../src/indicators/distribution.js';

function sample(values: number[], weights = values.map(() => 1)): WeightedSample {
  return {
    values: Float64Array.from(values),
    weights: Float64Array.from(weights),
    count: values.length,
    sorted: false,
  };
}

describe('fgt', () => {
  // Incomes [50, 100, 150, 200], line 120: 50 and 100 are poor, gaps 70/120 and 20/120 (by hand).
  const incomes = sample([50, 100, 150, 200]);

  it('P0 = 2/4 = 0.5 (by hand)', () => {
    expect(fgt(incomes, 120, 0)).toBe(0.5);
  });

  it('P1 = (70/120 + 20/120) / 4 = 0.1875 (by hand)', () => {
    expect(fgt(incomes, 120, 1)).toBeCloseTo((70 / 120 + 20 / 120) / 4, 15);
    expect(fgt(incomes, 120, 1)).toBeCloseTo(0.1875, 15);
  });

  it('P2 = ((70/120)^2 + (20/120)^2) / 4 = 53/576 (by hand)', () => {
    expect(fgt(incomes, 120, 2)).toBeCloseTo(((70 / 120) ** 2 + (20 / 120) ** 2) / 4, 15);
    expect(fgt(incomes, 120, 2)).toBeCloseTo(53 / 576, 15);
  });

  it('alpha 0.5 follows the definition (general power path)', () => {
    expect(fgt(incomes, 120, 0.5)).toBeCloseTo((Math.sqrt(70 / 120) + Math.sqrt(20 / 120)) / 4, 15);
  });

  it('nobody poor -> P0 = P1 = P2 = 0', () => {
    const rich = sample([500, 600, 700]);
    expect(fgt(rich, 120, 0)).toBe(0);
    expect(fgt(rich, 120, 1)).toBe(0);
    expect(fgt(rich, 120, 2)).toBe(0);
  });

  it('a value exactly on the line is not poor (strict x < z)', () => {
    expect(fgt(sample([120, 200]), 120, 0)).toBe(0);
  });

  it('weights [3, 1] on [60, 200] equal unweighted [60, 60, 60, 200] (repetition): P0 = 0.75, P1 = 3 * 0.5 / 4', () => {
    const s = sample([60, 200], [3, 1]);
    expect(fgt(s, 120, 0)).toBe(0.75);
    expect(fgt(s, 120, 1)).toBeCloseTo(fgt(sample([60, 60, 60, 200]), 120, 1), 15);
    expect(fgt(s, 120, 1)).toBeCloseTo(0.375, 15);
  });

  it('returns 0 for a sample with no persons', () => {
    expect(fgt(sample([]), 120, 0)).toBe(0);
  });

  it('rejects a non-positive poverty line or a negative alpha', () => {
    expect(() => fgt(incomes, 0, 0)).toThrow(RangeError);
    expect(() => fgt(incomes, Number.NaN, 0)).toThrow(RangeError);
    expect(() => fgt(incomes, 120, -1)).toThrow(RangeError);
  });
});
