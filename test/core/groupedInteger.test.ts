import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishInteger, groupedInteger } from '../../src/core/groupedInteger.js';

describe('groupedInteger', () => {
  it('groups digits by three from the right', () => {
    expect(groupedInteger(0, ',')).toBe('0');
    expect(groupedInteger(999, ',')).toBe('999');
    expect(groupedInteger(1000, ',')).toBe('1,000');
    expect(groupedInteger(1234567, '.')).toBe('1.234.567');
  });
});

describe('englishInteger', () => {
  it("is toLocaleString('en') of any whole number, sign and -0 included", () => {
    for (const n of [
      0,
      -0,
      1,
      -1,
      999,
      -1000,
      123456789,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      1e21,
      -4e22,
    ])
      expect(englishInteger(n), String(n)).toBe(n.toLocaleString('en'));
    fc.assert(
      fc.property(fc.double({ min: -1e17, max: 1e17, noNaN: true }), (x) => {
        const n = Math.round(x);
        expect(englishInteger(n)).toBe(n.toLocaleString('en'));
      }),
      { numRuns: 5000 },
    );
  });
});
