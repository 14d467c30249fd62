import { csvText } from './csvText.js';
import type { IndicatorSeries } from '../indicators/series.js';

/**
 * The tidy time series of a run: one row per month, scope (`total` or a region's name),
 * and indicator. Numbers are written in JavaScript's shortest round-trip form, so the
 * same values always give the same bytes.
 *
 * The (region, indicator) cells repeat every month: they are quoted and neutralised once by
 * csvText, and each row joins them with the month and the value, which are numbers and so
 * never need quoting (a default run has 90,000 rows; cell by cell this took most of the time
 * of writing a run folder). A month's rows are concatenated into one string, and the months
 * into the file's: half the time of joining an array of five pieces a row. The bytes are
 * those of csvText over all rows.
 */
export function timeseriesCsv(series: IndicatorSeries): string {
  const { indicators, scopes, months, values } = series;
  const labels: string[] = [];
  for (const scope of scopes) {
    // Each label ends with csvText's record delimiter: the value goes in its place.
    for (const indicator of indicators) labels.push(`${csvText([[scope, indicator.id]]).slice(0, -1)},`);
  }
  let text = csvText([['month', 'region', 'indicator', 'value']]);
  let k = 0;
  for (let m = 0; m < months.length; m++) {
    const month = `${months[m]},`;
    let rows = '';
    for (let l = 0; l < labels.length; l++) rows += `${month}${labels[l]}${formatNumber(values[k++])}\n`;
    text += rows;
  }
  return text;
}

/** Shortest round-trip decimal; non-finite values as empty cells. */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}
