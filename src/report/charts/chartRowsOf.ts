import type { IndicatorSeries } from '../../indicators/series.js';
import type { ChartRow } from './chartRows.js';

/** A run's series as tidy chart rows: the same rows `timeseries.csv` holds. */
export function chartRowsOf(series: IndicatorSeries): ChartRow[] {
  const { indicators, scopes, months, values } = series;
  const rows: ChartRow[] = [];
  let k = 0;
  for (let m = 0; m < months.length; m++) {
    for (let s = 0; s < scopes.length; s++) {
      for (let i = 0; i < indicators.length; i++) {
        rows.push({ month: months[m], region: scopes[s], indicator: indicators[i].id, value: values[k++] });
      }
    }
  }
  return rows;
}
