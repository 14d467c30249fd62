import { MIN_RELIABLE_REPLICATES, type IntervalMethod } from '../experiment/meanInterval.js';
import type { MessageKey } from '../i18n/en.js';
import type { Locale } from '../i18n/locale.js';

/** One line of the interval methods of meanInterval, in the language. */
export function intervalMethodText(L: Locale, method: IntervalMethod): string {
  return L.t(`an.intervalMethod.${method}` as MessageKey);
}

/**
 * The warning that too few independent units (replicates, Morris trajectories, Sobol' base
 * rows) make the intervals unreliable, in the language; undefined with enough of them.
 */
export function fewUnitsWarning(
  L: Locale,
  count: number,
  unit: 'replicate' | 'trajectory' | 'baseRow' = 'replicate',
): string | undefined {
  if (count >= MIN_RELIABLE_REPLICATES) return undefined;
  return L.t(`an.few.${unit}${count === 1 ? '' : 's'}` as MessageKey, { n: count, min: MIN_RELIABLE_REPLICATES });
}
