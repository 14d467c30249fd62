import { Text } from 'ink';

export interface StatusBarProps {
  /** 'running', 'paused', 'finished' or 'stopped'. */
  readonly state: 'running' | 'paused' | 'finished' | 'stopped';
  /** Months simulated per second; Infinity for "as fast as possible". */
  readonly monthsPerSecond: number;
  /** Months a second actually simulated lately; shown when the machine cannot keep up (or at max speed). */
  readonly pace?: number | null;
  /** A message to show after the state (e.g. where the report was written). */
  readonly notice?: string | null;
}

const SYMBOL = { running: '▶', paused: '⏸', finished: '■', stopped: '■' } as const;
const COLOR = { running: 'green', paused: 'yellow', finished: 'cyan', stopped: 'red' } as const;

/** Play state and speed, plus the latest notice. */
export function StatusBar({ state, monthsPerSecond, pace = null, notice }: StatusBarProps) {
  const chosen = monthsPerSecond === Infinity ? 'max speed' : `${monthsPerSecond} months/s`;
  const slow = state === 'running' && pace !== null && (monthsPerSecond === Infinity || pace < 0.8 * monthsPerSecond);
  const speed = slow ? `${chosen} (actual ${pace < 10 ? pace.toFixed(1) : Math.round(pace)} months/s)` : chosen;
  return (
    <Text wrap="truncate-end">
      <Text bold color={COLOR[state]}>
        {SYMBOL[state]} {state.toUpperCase()}
      </Text>
      {' · '}
      {speed}
      {notice ? <Text color="magenta"> · {notice}</Text> : null}
    </Text>
  );
}
