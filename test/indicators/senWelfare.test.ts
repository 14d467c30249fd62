import { describe, it, expect } from 'vitest';
import { senWelfare } from '../../src/indicators/senWelfare.js';

describe('senWelfare', () => {
  it('mean 100, Gini 0.3 -> 100 * (1 - 0.3) = 70 (by hand)', () => {
    expect(senWelfare(100, 0.3)).toBeCloseTo(70, 12);
  });

  it('equals the mean when there is no inequality (Gini 0)', () => {
    expect(senWelfare(250_000, 0)).toBe(250_000);
  });
});
