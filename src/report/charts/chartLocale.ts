import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../../i18n/lang.js';
import { RUPIAH_LABEL_EXPR } from './theme.js';

/** Vega's number locale for Bahasa Indonesia: 1.234.567,8 (as src/i18n/numberFormat.ts writes it). */
const ID_NUMBER_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['Rp', ''] };

/** The rupiah axis labels with the Indonesian words: rb ribu, jt juta, M miliar, T triliun. */
const ID_RUPIAH_LABEL_EXPR = RUPIAH_LABEL_EXPR.replace("' tn'", "' T'")
  .replace("' bn'", "' M'")
  .replace("' mn'", "' jt'")
  .replace("' k'", "' rb'");

function withIndonesianRupiah(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withIndonesianRupiah);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === 'labelExpr' && value === RUPIAH_LABEL_EXPR ? ID_RUPIAH_LABEL_EXPR : withIndonesianRupiah(value);
  return out;
}

/**
 * A chart spec whose axis numbers follow the language: in Bahasa Indonesia Vega formats
 * with the Indonesian separators (config.locale, carried in the .vl.json so the Vega editor
 * draws it the same) and rupiah axes use rb/jt/M/T. English specs are returned as they are.
 */
export function localizedSpec(spec: TopLevelSpec, lang: Lang | undefined): TopLevelSpec {
  if (lang !== 'id') return spec;
  const localized = withIndonesianRupiah(spec) as TopLevelSpec;
  return { ...localized, config: { ...localized.config, locale: { number: ID_NUMBER_LOCALE } } } as TopLevelSpec;
}
