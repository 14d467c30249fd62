import type { RunMeasures } from './validationProbe.js';

/**
 * Reading a run's indicator series by id. An id the registry does not have (yet) gives
 * NaN rather than an error, so that a fact whose indicator is missing reports itself as
 * not measured instead of stopping the whole table.
 */
export function indicatorAt(m: RunMeasures, id: string, month: number, scope = 'total'): number {
  const s = m.series;
  const ind = s.indicators.findIndex((i) => i.id === id);
  const sc = s.scopes.indexOf(scope);
  const mi = s.months.indexOf(month);
  if (ind < 0 || sc < 0 || mi < 0) return Number.NaN;
  return s.values[(mi * s.scopes.length + sc) * s.indicators.length + ind];
}

/** Whether every run records the indicator. */
export function hasIndicator(runs: readonly RunMeasures[], id: string): boolean {
  return runs.length > 0 && runs.every((m) => m.series.indicators.some((i) => i.id === id));
}

/** The region scopes of a run (every scope but the total). */
export function regionScopes(m: RunMeasures): string[] {
  return m.series.scopes.filter((s) => s !== 'total');
}

/** Sum of an indicator's total-scope values over months 1..last. */
export function indicatorSum(m: RunMeasures, id: string): number {
  let sum = 0;
  for (let month = 1; month <= m.months; month++) sum += indicatorAt(m, id, month);
  return sum;
}

/** Mean of the finite values (NaN if none). */
export function meanOf(values: readonly number[]): number {
  const xs = values.filter(Number.isFinite);
  return xs.length > 0 ? xs.reduce((a, x) => a + x, 0) / xs.length : Number.NaN;
}
