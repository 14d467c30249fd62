import { indicatorById } from '../../indicators/registry.js';
import type { ChartRow } from './chartRows.js';

/** A row as written into a spec's inline data: one series' value at one month. */
export interface SeriesPoint {
  month: number;
  series: string;
  value: number;
}

/** An indicator's label from the registry, or its id when the registry does not know it. */
export function indicatorLabel(id: string): string {
  return indicatorById(id)?.label ?? id;
}

/** An indicator's unit from the registry, or '' when unknown. */
export function indicatorUnit(id: string): string {
  return indicatorById(id)?.unit ?? '';
}

/**
 * The rows of the given indicators in one scope, labelled for a legend, in month order.
 * Non-finite values (empty cells in a CSV) are dropped rather than drawn as zero.
 */
export function seriesPoints(
  rows: readonly ChartRow[],
  ids: readonly string[],
  region = 'total',
  label: (id: string) => string = indicatorLabel,
): SeriesPoint[] {
  const wanted = new Map(ids.map((id) => [id, label(id)]));
  const out: SeriesPoint[] = [];
  for (const r of rows) {
    const series = wanted.get(r.indicator);
    if (series === undefined || r.region !== region || !Number.isFinite(r.value)) continue;
    out.push({ month: r.month, series, value: r.value });
  }
  return out.sort((a, b) => a.month - b.month);
}
