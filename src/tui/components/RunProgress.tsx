import { Text } from 'ink';
import { locale, type Locale } from '../../i18n/locale.js';
import { bar, yearMonth } from '../format.js';

export interface RunProgressProps {
  /** Months simulated so far. */
  readonly month: number;
  /** Months in the run. */
  readonly months: number;
  /** Width of the bar in cells. */
  readonly width?: number;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

/** "Month 57/240 · year 5, month 9 [████░░░] 24%". */
export function RunProgress({ month, months, width = 40, L = locale('en') }: RunProgressProps) {
  const f = months > 0 ? month / months : 0;
  return (
    <Text wrap="truncate-end">
      {L.t('tui.progress', { m: month, n: months })} · {yearMonth(month, L).padEnd(20)}{' '}
      <Text color="green">{bar(f, width)}</Text> {Math.floor(f * 100)}%
    </Text>
  );
}
