import { Text } from 'ink';
import { locale, type Locale } from '../../i18n/locale.js';

export interface StatusBarProps {
  /** 'running', 'paused', 'finished' or 'stopped'. */
  readonly state: 'running' | 'paused' | 'finished' | 'stopped';
  /** Months simulated per second; Infinity for "as fast as possible". */
  readonly monthsPerSecond: number;
  /** Months a second actually simulated lately; shown when the machine cannot keep up (or at max speed). */
  readonly pace?: number | null;
  /** A message to show after the state (e.g. where the report was written). */
  readonly notice?: string | null;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

// Glyphs present in DejaVu Sans Mono (a common terminal font): no U+23F8 pause sign.
const SYMBOL = { running: '▶', paused: '‖', finished: '■', stopped: '■' } as const;
const COLOR = { running: 'green', paused: 'yellow', finished: 'cyan', stopped: 'red' } as const;

/** Play state and speed, plus the latest notice. */
export function StatusBar({ state, monthsPerSecond, pace = null, notice, L = locale('en') }: StatusBarProps) {
  const chosen = monthsPerSecond === Infinity ? L.t('tui.speed.max') : L.t('tui.speed.value', { n: monthsPerSecond });
  const slow = state === 'running' && pace !== null && (monthsPerSecond === Infinity || pace < 0.8 * monthsPerSecond);
  const speed = slow
    ? L.t('tui.speed.actual', { chosen, n: pace < 10 ? L.fmt.fixed(pace, 1) : L.fmt.integer(pace) })
    : chosen;
  return (
    <Text wrap="truncate-end">
      <Text bold color={COLOR[state]}>
        {SYMBOL[state]} {L.t(`tui.state.${state}`)}
      </Text>
      {' · '}
      {speed}
      {notice ? <Text color="magenta"> · {notice}</Text> : null}
    </Text>
  );
}
