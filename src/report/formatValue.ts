import type { Lang } from '../i18n/lang.js';
import { numberFormat } from '../i18n/numberFormat.js';

/**
 * An indicator value for a table, by its unit, in the shared number format (src/i18n):
 * rupiah short ("Rp1.40 M"), shares in percent, indices to three decimals, counts whole,
 * stages to one decimal; "–" when missing.
 */
export function formatValue(x: number | undefined, unit: string, lang: Lang = 'en'): string {
  return numberFormat(lang).value(x, unit);
}
