import { Box, Text } from 'ink';
import { ENTERPRISE_LABELS } from '../labels.js';

export interface EnterpriseCountsProps {
  /** Active enterprises by kind (all regions), in the model's kind order. */
  readonly counts: Readonly<Record<string, number>>;
}

/** Active cooperative enterprises by kind, and their total. */
export function EnterpriseCounts({ counts }: EnterpriseCountsProps) {
  const entries = Object.entries(counts);
  const total = entries.reduce((a, [, n]) => a + (Number.isFinite(n) ? n : 0), 0);
  return (
    <Box flexDirection="column">
      <Text bold>
        {'Enterprises by kind'.padEnd(22)}
        {String(total).padStart(5)}
      </Text>
      {entries.map(([kind, n]) => (
        <Text key={kind} dimColor={!(n > 0)}>
          {(ENTERPRISE_LABELS[kind] ?? kind).padEnd(22)}
          {(Number.isFinite(n) ? String(Math.round(n)) : '-').padStart(5)}
        </Text>
      ))}
    </Box>
  );
}
