import type { Locale } from '../i18n/locale.js';

/**
 * An effect (a difference, an elementary effect, a Shapley value) in its output's unit, by
 * the shared formatter: rupiah short, shares in percentage points, indices and other
 * numbers to three significant digits (effects on the Gini are often 0.000412). Signed when
 * `plus`.
 */
export function effectText(L: Locale, x: number, unit: string, plus = false): string {
  if (unit.startsWith('rupiah')) return plus ? L.fmt.change(x, unit) : L.fmt.value(x, unit);
  if (unit === 'share') {
    const text = L.fmt.change(x, 'share');
    return plus ? text : text.replace(/^\+/, '');
  }
  return L.fmt.significant(x, plus);
}

/** A level of an output (a mean, the outcome with no stage): shares in percent, rupiah short, others to three significant digits. */
export function levelText(L: Locale, x: number, unit: string): string {
  return unit.startsWith('rupiah') || unit === 'share' || unit === 'count'
    ? L.fmt.value(x, unit)
    : L.fmt.significant(x);
}
