import { Box, Text } from 'ink';

export interface HelpOverlayProps {
  /** Folder the report is written to, if known. */
  readonly folder?: string | null;
}

const KEYS: readonly (readonly [string, string])[] = [
  ['space', 'pause or resume the run'],
  ['→', 'while paused: simulate one more month'],
  ['+ / -', 'faster / slower (1 month a second up to as fast as possible)'],
  ['r', 'restart from month 0 with a new seed (base seed + 1)'],
  ['s', 'write the report folder now (marked stopped early if the run is not finished)'],
  ['q', 'quit; an unfinished run is written as it is, marked stopped early'],
  ['?', 'show or hide this help'],
];

/** What each key does and what the panels show. */
export function HelpOverlay({ folder }: HelpOverlayProps) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Keys</Text>
      {KEYS.map(([k, what]) => (
        <Text key={k}>
          <Text bold color="yellow">
            {k.padEnd(7)}
          </Text>
          {what}
        </Text>
      ))}
      <Text> </Text>
      <Text bold>Panels</Text>
      <Text>Stages: the month each roadmap stage started in each region (· not yet).</Text>
      <Text>Indicators: value now, change over the last 12 months, and the run so far as a sparkline.</Text>
      <Text>Shares are in percent, changes of shares in percentage points; money in rupiah (M = million).</Text>
      {folder ? <Text>Report folder: {folder}</Text> : null}
      <Text dimColor>press ? or Esc to close</Text>
    </Box>
  );
}
