import { Text } from 'ink';

export interface StatusBarProps {
  /** 'running', 'paused', 'finished' or 'stopped'. */
  readonly state: 'running' | 'paused' | 'finished' | 'stopped';
  /** Months simulated per second; Infinity for "as fast as possible". */
  readonly monthsPerSecond: number;
  /** A message to show after the state (e.g. where the report was written). */
  readonly notice?: string | null;
}

const SYMBOL = { running: '▶', paused: '⏸', finished: '■', stopped: '■' } as const;
const COLOR = { running: 'green', paused: 'yellow', finished: 'cyan', stopped: 'red' } as const;

/** Play state and speed, plus the latest notice. */
export function StatusBar({ state, monthsPerSecond, notice }: StatusBarProps) {
  const speed = monthsPerSecond === Infinity ? 'max speed' : `${monthsPerSecond} months/s`;
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
