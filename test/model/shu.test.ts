import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { splitShu } from '../../src/model/shu.js';

const BYLAWS = {
  reserve: 0.4,
  patronage: 0.25,
  capital: 0.15,
  board: 0.05,
  staff: 0.05,
  education: 0.05,
  social: 0.05,
};
const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);

describe('splitShu', () => {
  it('splits Rp1,000,000 by the default bylaws (docs/ODD.md): reserve 40%, patronage 25%, capital 15%, 5% each to board, staff, education, social', () => {
    const parts = splitShu(1_000_000, BYLAWS);
    expect(parts.reserve).toBeCloseTo(400_000, 6);
    expect(parts.patronage).toBe(250_000);
    expect(parts.capital).toBe(150_000);
    for (const k of ['board', 'staff', 'education', 'social'] as const) expect(parts[k]).toBe(50_000);
    expect(sum(parts)).toBeCloseTo(1_000_000, 6);
  });

  it('gives all of it to the reserve when the bylaws say so, and splits a zero SHU into zeros', () => {
    expect(
      splitShu(500, { reserve: 1, patronage: 0, capital: 0, board: 0, staff: 0, education: 0, social: 0 }).reserve,
    ).toBe(500);
    expect(sum(splitShu(0, BYLAWS))).toBe(0);
  });

  it('property: the parts sum to the SHU for any split summing to 1 and any SHU, each part its share', () => {
    const split = fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 })
      .filter((w) => w.reduce((a, b) => a + b, 0) > 1e-3)
      .map((w) => {
        const total = w.reduce((a, b) => a + b, 0);
        const [reserve, patronage, capital, board, staff, education, social] = w.map((x) => x / total);
        return { reserve, patronage, capital, board, staff, education, social };
      });
    fc.assert(
      fc.property(split, fc.double({ min: -1e13, max: 1e13, noNaN: true }), (bylaws, shu) => {
        const parts = splitShu(shu, bylaws);
        // Exact up to floating-point rounding: the reserve takes the remainder (shu.ts).
        expect(Math.abs(sum(parts) - shu)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(shu)));
        for (const k of ['patronage', 'capital', 'board', 'staff', 'education', 'social'] as const)
          expect(parts[k]).toBe(shu * bylaws[k]);
        expect(Math.abs(parts.reserve - shu * bylaws.reserve)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(shu)));
      }),
      { numRuns: 300 },
    );
  });
});
