import { Box, Text } from 'ink';
import { formatChange, formatCompact } from '../format.js';
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
  /** Characters of each sparkline. */
  readonly sparkWidth?: number;
}

const LABEL = 30;
const VALUE = 12;
const CHANGE = 14;

/** Each key indicator: its current value, its change over the last 12 months and a sparkline over the run. */
export function IndicatorTable({ indicators, sparkWidth = 40 }: IndicatorTableProps) {
  return (
    <Box flexDirection="column">
      <Text bold>
        {'Key indicators (all regions)'.padEnd(LABEL)}
        {'now'.padStart(VALUE)}
        {'Δ 12 months'.padStart(CHANGE)}
        {'  over the run'}
      </Text>
      {indicators.map((ind) => {
        const v = ind.values;
        const now = v.length > 0 ? v[v.length - 1] : Number.NaN;
        const before = v.length > 0 ? v[Math.max(0, v.length - 13)] : Number.NaN;
        const delta = now - before;
        return (
          <Text key={ind.id} wrap="truncate-end">
            {ind.label.slice(0, LABEL - 1).padEnd(LABEL)}
            <Text bold>{formatCompact(now, ind.unit).padStart(VALUE)}</Text>
            <Text color={delta > 0 ? 'green' : delta < 0 ? 'red' : undefined}>
              {formatChange(delta, ind.unit).padStart(CHANGE)}
            </Text>
            {'  '}
            <Text color="cyan">{sparkline(v, sparkWidth)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
