import { Box, Text } from 'ink';
import type { RunIdentity } from '../../experiment/runController.js';

export interface HeaderProps {
  readonly identity: RunIdentity | null;
}

/** The run's identity: scenario, strategy, seeds and size. */
export function Header({ identity }: HeaderProps) {
  if (!identity) return <Text>kopsim · starting…</Text>;
  const restart = identity.run > 0 ? `, restart ${identity.run}` : '';
  return (
    <Box>
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          kopsim
        </Text>
        {' · '}
        <Text bold>{identity.name}</Text> ({identity.scenarioId}) · strategy <Text bold>{identity.strategy}</Text> ·
        seed <Text bold>{identity.baseSeed}</Text> (run {identity.seed}
        {restart}) · {identity.households.toLocaleString('en-US')} households
      </Text>
    </Box>
  );
}
