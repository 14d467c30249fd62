import { describe, expect, it } from 'vitest';
import type { IndicatorSeries } from '../../src/indicators/series.js';
import { csvText } from '../../src/report/csvText.js';
import { formatNumber, timeseriesCsv } from '../../src/report/timeseriesCsv.js';

/** The reference: every row, cell by cell, through csvText (what timeseriesCsv did before it reused the labels). */
function cellByCell(series: IndicatorSeries): string {
  const rows: (string | number)[][] = [['month', 'region', 'indicator', 'value']];
  let k = 0;
  for (const month of series.months)
    for (const scope of series.scopes)
      for (const indicator of series.indicators)
        rows.push([month, scope, indicator.id, formatNumber(series.values[k++])]);
  return csvText(rows);
}

describe('timeseriesCsv', () => {
  it('gives the bytes of csvText over every row, with names that need quoting or neutralising', () => {
    const scopes = ['total', 'Cibodas, "north"', '=HYPERLINK(1)', 'line\nbreak'];
    const indicators = [{ id: 'gini' }, { id: 'p0' }, { id: '-odd' }];
    const months = [0, 1, 2];
    const values = new Float64Array(months.length * scopes.length * indicators.length);
    const specials = [0.25, -0.5, 1e-7, -1.5e21, Number.NaN, Number.POSITIVE_INFINITY, 0, -0];
    values.forEach((_, k) => (values[k] = specials[k % specials.length] * (1 + k)));
    const series = { scopes, indicators, months, values } as unknown as IndicatorSeries;
    expect(timeseriesCsv(series)).toBe(cellByCell(series));
  });
});
