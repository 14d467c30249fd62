import { unitLabel } from '../../i18n/labels.js';
import { locale, type Locale } from '../../i18n/locale.js';
import type { RunChartMeta } from './chartRows.js';

/** The locale of a run's charts, and the words every time-lines chart of it shares (axis and tooltip titles). */
export function runChartText(
  meta: RunChartMeta,
  unit: string,
): {
  readonly L: Locale;
  readonly axis: {
    unit: string;
    unitTitle: string;
    yearTitle: string;
    monthTitle: string;
    valueTitle: string;
    seriesTitle: string;
  };
} {
  const L = locale(meta.lang);
  return {
    L,
    axis: {
      unit,
      unitTitle: unitLabel(L, unit),
      yearTitle: L.t('time.year'),
      monthTitle: L.t('time.month'),
      valueTitle: L.t('rc.value'),
      seriesTitle: L.t('run.col.indicator'),
    },
  };
}
