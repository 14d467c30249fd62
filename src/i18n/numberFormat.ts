import { groupedInteger } from '../core/groupedInteger.js';
import type { Lang } from './lang.js';

/**
 * Numbers and units for people, in one language: the only formatter of reports, CLI
 * tables and the dashboard (data files keep full precision). Rupiah in short form
 * ("Rp1.44 M" in English, "Rp1,44 jt" in Bahasa Indonesia), negatives as "-Rp233 jt",
 * shares as percent, the language's separators (1,234,567.8 / 1.234.567,8).
 */
export interface NumberFormat {
  readonly lang: Lang;
  /** A value in its registry unit ('share', 'index', 'count', 'stage', 'rupiah…'); "–" when missing. */
  value(x: number | undefined, unit: string): string;
  /** A signed change in its unit: shares in percentage points ("+1.2 pp"). No sign when it rounds to zero. */
  change(delta: number, unit: string): string;
  /** A relative change, signed, in percent: 0.081 -> "+8.1%". */
  percentChange(fraction: number): string;
  /** Rupiah, short: "Rp1.44 M", "-Rp233 M", "Rp845". */
  rupiah(x: number): string;
  /** A whole number with the language's thousands separator. */
  integer(x: number): string;
  /** A number with exactly `decimals` decimals and the language's decimal separator. */
  fixed(x: number, decimals: number): string;
  /** A number to three significant digits (small effects on an index: 0.000412), signed when `plus`. */
  significant(x: number, plus?: boolean): string;
}

const MISSING = '–';

/** Thousand, million, billion, trillion: en k/M/bn/tn; id ribu/juta/miliar/triliun as rb/jt/M/T. */
const RUPIAH_SCALES: Readonly<Record<Lang, readonly (readonly [number, string])[]>> = {
  en: [
    [1e12, 'tn'],
    [1e9, 'bn'],
    [1e6, 'M'],
    [1e3, 'k'],
  ],
  id: [
    [1e12, 'T'],
    [1e9, 'M'],
    [1e6, 'jt'],
    [1e3, 'rb'],
  ],
};

const POINTS: Readonly<Record<Lang, string>> = { en: 'pp', id: 'poin' };
const BCP47: Readonly<Record<Lang, string>> = { en: 'en-US', id: 'id-ID' };
/** The thousands separator of each language's BCP 47 tag, as Intl.NumberFormat writes it. */
const GROUP: Readonly<Record<Lang, string>> = { en: ',', id: '.' };

const cache = new Map<Lang, NumberFormat>();

/** The number format of a language (one instance per language). */
export function numberFormat(lang: Lang): NumberFormat {
  let f = cache.get(lang);
  if (!f) {
    f = makeFormat(lang);
    cache.set(lang, f);
  }
  return f;
}

function makeFormat(lang: Lang): NumberFormat {
  const tag = BCP47[lang];
  const fixedFormats = new Map<number, Intl.NumberFormat>();
  const fixedFormat = (d: number) => {
    let nf = fixedFormats.get(d);
    if (!nf) {
      nf = new Intl.NumberFormat(tag, { minimumFractionDigits: d, maximumFractionDigits: d });
      fixedFormats.set(d, nf);
    }
    return nf;
  };
  // The Intl formats are made on first use (see core/groupedInteger.ts).
  let threeFormat: Intl.NumberFormat | undefined;
  const three = {
    format: (a: number) =>
      (threeFormat ??= new Intl.NumberFormat(tag, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 })).format(
        a,
      ),
  };
  let wholeFormat: Intl.NumberFormat | undefined;
  const whole = {
    format: (a: number) =>
      Number.isSafeInteger(a) && a >= 0
        ? groupedInteger(a, GROUP[lang])
        : (wholeFormat ??= new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })).format(a),
  };
  // A '-' only when the rounded text is not zero, so -0.0004 reads "0.000", never "-0.000".
  const withSign = (x: number, text: string, plus: boolean) =>
    !/[1-9]/.test(text) ? text : x < 0 ? `-${text}` : plus && x > 0 ? `+${text}` : text;

  const fixed = (x: number, d: number) =>
    Number.isFinite(x) ? withSign(x, fixedFormat(d).format(Math.abs(x)), false) : MISSING;
  const integer = (x: number) => (Number.isFinite(x) ? withSign(x, whole.format(Math.abs(x)), false) : MISSING);

  const rupiahAbs = (a: number): string => {
    if (a < 999.5) return `Rp${whole.format(a)}`;
    const r = Number(a.toPrecision(3));
    for (const [scale, suffix] of RUPIAH_SCALES[lang]) {
      if (r >= scale) {
        const m = r / scale;
        return `Rp${m >= 1000 ? whole.format(m) : three.format(m)} ${suffix}`;
      }
    }
    return `Rp${whole.format(a)}`;
  };
  const rupiah = (x: number, plus = false) =>
    Number.isFinite(x) ? withSign(x, rupiahAbs(Math.abs(x)), plus) : MISSING;

  const magnitude = (a: number, unit: string): string => {
    if (unit.startsWith('rupiah')) return rupiahAbs(a);
    switch (unit) {
      case 'share':
      case 'relative change':
        return `${fixedFormat(1).format(a * 100)}%`;
      case 'index':
        return fixedFormat(3).format(a);
      case 'count':
        return whole.format(a);
      case 'stage':
        return fixedFormat(1).format(a);
      default:
        return a !== 0 && (a < 0.01 || a >= 1e6) ? three.format(a) : fixedFormat(a < 100 ? 2 : 0).format(a);
    }
  };

  return {
    lang,
    value: (x, unit) =>
      x === undefined || !Number.isFinite(x) ? MISSING : withSign(x, magnitude(Math.abs(x), unit), false),
    change: (delta, unit) => {
      if (!Number.isFinite(delta)) return MISSING;
      const a = Math.abs(delta);
      const text = unit === 'share' ? `${fixedFormat(1).format(a * 100)} ${POINTS[lang]}` : magnitude(a, unit);
      return withSign(delta, text, true);
    },
    percentChange: (fraction) =>
      Number.isFinite(fraction)
        ? withSign(fraction, `${fixedFormat(1).format(Math.abs(fraction) * 100)}%`, true)
        : MISSING,
    rupiah: (x) => rupiah(x),
    integer,
    fixed,
    significant: (x, plus = false) =>
      Number.isFinite(x) ? withSign(x, x === 0 ? '0' : three.format(Math.abs(x)), plus) : MISSING,
  };
}
