import { csvText } from './csvText.js';
import type { IndicatorSeries } from '../indicators/series.js';

/**
 * The tidy time series of a run: one row per month, scope (`total` or a region's name),
 * and indicator. Numbers are written in JavaScript's shortest round-trip form, so the
 * same values always give the same bytes.
 */
export function timeseriesCsv(series: IndicatorSeries): string {
  const rows: (string | number)[][] = [['month', 'region', 'indicator', 'value']];
  const { indicators, scopes, months, values } = series;
  let k = 0;
  for (let m = 0; m < months.length; m++) {
    for (let s = 0; s < scopes.length; s++) {
      for (let i = 0; i < indicators.length; i++) {
        rows.push([months[m], scopes[s], indicators[i].id, formatNumber(values[k++])]);
      }
    }
  }
  return csvText(rows);
}

/** Shortest round-trip decimal; non-finite values as empty cells. */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}
