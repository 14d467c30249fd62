/** Metadata of an indicator, as stored with results (no compute function). */
export interface IndicatorMeta {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly group: string;
}

/**
 * A run's indicator values: for each recorded month, each scope ('total', then every
 * region by name) and each indicator, one number. Stored flat and month-major:
 * `values[(monthIndex * scopes.length + scopeIndex) * indicators.length + indicatorIndex]`.
 */
export interface IndicatorSeries {
  readonly indicators: readonly IndicatorMeta[];
  readonly scopes: readonly string[];
  readonly months: number[];
  values: Float64Array;
}

/** Value of one indicator in one scope at one recorded month index. */
export function seriesValue(s: IndicatorSeries, monthIndex: number, scope: number, indicator: number): number {
  return s.values[(monthIndex * s.scopes.length + scope) * s.indicators.length + indicator];
}

/** The time series of one indicator in one scope. */
export function seriesOf(s: IndicatorSeries, indicatorId: string, scope = 'total'): number[] {
  const ind = s.indicators.findIndex((i) => i.id === indicatorId);
  const sc = s.scopes.indexOf(scope);
  if (ind < 0 || sc < 0) throw new Error(`no series for indicator '${indicatorId}' in scope '${scope}'`);
  return s.months.map((_, m) => seriesValue(s, m, sc, ind));
}
