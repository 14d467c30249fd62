import type { Locale } from './locale.js';

/** An indicator's label in the locale's language; `fallback` (the registry's label) for ids the catalogue lacks. */
export function indicatorLabel(L: Locale, id: string, fallback: string = id): string {
  const key = `ind.${id}`;
  return L.has(key) ? L.t(key) : fallback;
}

/** A registry unit in words ('share' reads "percent": shares are printed as percent). */
export function unitLabel(L: Locale, unit: string): string {
  const key = `unit.${unit}`;
  return L.has(key) ? L.t(key) : unit;
}

/** A roadmap stage's short name (1..6), e.g. "awareness" / "kesadaran". */
export function stageName(L: Locale, k: number): string {
  const key = `stage.${k}`;
  return L.has(key) ? L.t(key) : String(k);
}

/** "2 enterprises and integration". */
export function stageLabel(L: Locale, k: number): string {
  return `${k} ${stageName(L, k)}`;
}

/** "30 replicates" / "30 ulangan". */
export function replicatesText(L: Locale, n: number): string {
  return n === 1 ? L.t('chart.replicate') : L.t('chart.replicates', { n });
}
