import { Box, Text } from 'ink';
import type { MessageKey } from '../../i18n/en.js';
import { locale, type Locale } from '../../i18n/locale.js';

export interface EnterpriseCountsProps {
  /** Active enterprises by kind (all regions), in the model's kind order. */
  readonly counts: Readonly<Record<string, number>>;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

/** Active cooperative enterprises by kind, and their total. */
export function EnterpriseCounts({ counts, L = locale('en') }: EnterpriseCountsProps) {
  const entries = Object.entries(counts);
  const total = entries.reduce((a, [, n]) => a + (Number.isFinite(n) ? n : 0), 0);
  const name = (kind: string) => (L.has(`kind.${kind}`) ? L.t(`kind.${kind}` as MessageKey) : kind);
  return (
    <Box flexDirection="column">
      <Text bold>
        {L.t('tui.enterprises.title').slice(0, 22).padEnd(22)}
        {String(total).padStart(5)}
      </Text>
      {entries.map(([kind, n]) => (
        <Text key={kind} dimColor={!(n > 0)}>
          {name(kind).slice(0, 22).padEnd(22)}
          {(Number.isFinite(n) ? String(Math.round(n)) : '-').padStart(5)}
        </Text>
      ))}
    </Box>
  );
}
