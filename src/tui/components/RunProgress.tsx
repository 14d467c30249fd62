import { Text } from 'ink';
import { bar, yearMonth } from '../format.js';

export interface RunProgressProps {
  /** Months simulated so far. */
  readonly month: number;
  /** Months in the run. */
  readonly months: number;
  /** Width of the bar in cells. */
  readonly width?: number;
}

/** "Month 57/240 · year 5, month 9 [████░░░] 24%". */
export function RunProgress({ month, months, width = 40 }: RunProgressProps) {
  const f = months > 0 ? month / months : 0;
  return (
    <Text>
      Month <Text bold>{month}</Text>/{months} · {yearMonth(month).padEnd(20)}{' '}
      <Text color="green">{bar(f, width)}</Text> {Math.floor(f * 100)}%
    </Text>
  );
}
