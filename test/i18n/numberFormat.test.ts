import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberFormat } from '../../src/i18n/numberFormat.js';
import { LANGS } from '../../src/i18n/lang.js';

const TAGS = { en: 'en-US', id: 'id-ID' } as const;

/*
 * Whole numbers are grouped without Intl (its first format costs ICU's start-up in every
 * command that prints a count): the text must be exactly what Intl.NumberFormat writes.
 */
describe('whole numbers without Intl', () => {
  for (const lang of LANGS) {
    const intl = new Intl.NumberFormat(TAGS[lang], { maximumFractionDigits: 0 });
    const expected = (x: number) => (Math.round(Math.abs(x)) === 0 || x >= 0 ? '' : '-') + intl.format(Math.abs(x));
    const f = numberFormat(lang);

    it(`${lang}: integer() and counts are Intl's text for every safe integer and around each group`, () => {
      const edges = [0, -0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000];
      const values = [...edges, ...edges.map((x) => -x), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
      for (const x of values) {
        expect(f.integer(x), String(x)).toBe(expected(x));
        expect(f.value(x, 'count'), String(x)).toBe(expected(x));
      }
      fc.assert(
        fc.property(fc.maxSafeInteger(), (x) => {
          expect(f.integer(x)).toBe(expected(x));
        }),
      );
    });

    it(`${lang}: fractions, unsafe integers and rupiah still round as Intl does`, () => {
      for (const x of [0.5, 2.5, 999.49, 1e16, 1e21, 123_456.5]) expect(f.integer(x), String(x)).toBe(expected(x));
      fc.assert(
        fc.property(fc.double({ min: -1e22, max: 1e22, noNaN: true }), (x) => {
          expect(f.integer(x)).toBe(expected(x));
        }),
      );
    });
  }
});
