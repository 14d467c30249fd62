import { Box, Text } from 'ink';
import { locale, type Locale } from '../../i18n/locale.js';
import { sparkline } from '../sparkline.js';

/** One indicator's history over the run, month 0 first. */
export interface IndicatorHistory {
  readonly id: string;
  readonly label: string;
  /** Unit as in the indicator registry ('share', 'index', 'rupiah', ...). */
  readonly unit: string;
  readonly values: readonly number[];
}

export interface IndicatorTableProps {
  readonly indicators: readonly IndicatorHistory[];
  /** Characters of each sparkline (0: none). */
  readonly sparkWidth?: number;
  /** Characters of the label column. */
  readonly labelWidth?: number;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

const VALUE = 11;
const CHANGE = 13;

/** Each key indicator: its current value, its change over the last 12 months and a sparkline over the run. */
export function IndicatorTable({
  indicators,
  sparkWidth = 40,
  labelWidth = 30,
  L = locale('en'),
}: IndicatorTableProps) {
  const cut = (s: string) => (s.length > labelWidth - 1 ? `${s.slice(0, labelWidth - 2)}…` : s);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {cut(L.t('tui.indicators.title')).padEnd(labelWidth)}
        {L.t('tui.indicators.now').padStart(VALUE)}
        {L.t('tui.indicators.change').padStart(CHANGE)}
        {sparkWidth > 0 ? `  ${L.t('tui.indicators.run')}` : ''}
      </Text>
      {indicators.map((ind) => {
        const v = ind.values;
        const now = v.length > 0 ? v[v.length - 1] : Number.NaN;
        const before = v.length > 0 ? v[Math.max(0, v.length - 13)] : Number.NaN;
        const delta = now - before;
        return (
          <Text key={ind.id} wrap="truncate-end">
            {cut(ind.label).padEnd(labelWidth)}
            <Text bold>{L.fmt.value(now, ind.unit).padStart(VALUE)}</Text>
            <Text color={delta > 0 ? 'green' : delta < 0 ? 'red' : undefined}>
              {L.fmt.change(delta, ind.unit).padStart(CHANGE)}
            </Text>
            {sparkWidth > 0 ? (
              <>
                {'  '}
                <Text color="cyan">{sparkline(v, sparkWidth)}</Text>
              </>
            ) : null}
          </Text>
        );
      })}
    </Box>
  );
}
