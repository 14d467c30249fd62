import { Box, Text } from 'ink';
import type { RunIdentity } from '../../experiment/runController.js';
import { locale, type Locale } from '../../i18n/locale.js';

export interface HeaderProps {
  readonly identity: RunIdentity | null;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

/** The run's identity: scenario, strategy, seeds and size, on one line (cut at the terminal's edge). */
export function Header({ identity, L = locale('en') }: HeaderProps) {
  if (!identity) return <Text>{L.t('tui.starting')}</Text>;
  const restart = identity.run > 0 ? `, ${L.t('tui.header.restart', { n: identity.run })}` : '';
  return (
    <Box>
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          kopsim
        </Text>
        {' · '}
        <Text bold>{identity.name}</Text> ({identity.scenarioId}) · {L.t('tui.header.strategy')}{' '}
        <Text bold>{identity.strategy}</Text> · {L.t('tui.header.seed')} <Text bold>{identity.baseSeed}</Text> (
        {L.t('tui.header.run', { seed: identity.seed })}
        {restart}) · {L.t('tui.header.households', { n: L.fmt.integer(identity.households) })}
      </Text>
    </Box>
  );
}
