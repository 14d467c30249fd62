import { Text } from 'ink';

export interface KeyHintsProps {
  readonly paused: boolean;
  /** The run has ended (finished or stopped). */
  readonly ended: boolean;
  /** Whether keys are read at all (stdin is a terminal). */
  readonly interactive?: boolean;
}

/** The controls, always visible; keys that do nothing right now are dimmed. */
export function KeyHints({ paused, ended, interactive = true }: KeyHintsProps) {
  if (!interactive) return <Text dimColor>keys unavailable: stdin is not a terminal (Ctrl+C to stop)</Text>;
  const hint = (key: string, what: string, active = true) => (
    <Text dimColor={!active}>
      <Text bold color={active ? 'yellow' : undefined}>
        {key}
      </Text>{' '}
      {what}
    </Text>
  );
  return (
    <Text wrap="truncate-end">
      {hint('space', paused ? 'resume' : 'pause', !ended)}
      {' · '}
      {hint('→', 'step', paused && !ended)}
      {' · '}
      {hint('+/-', 'speed', !ended)}
      {' · '}
      {hint('r', 'restart (new seed)')}
      {' · '}
      {hint('s', 'save report')}
      {' · '}
      {hint('q', 'quit')}
      {' · '}
      {hint('?', 'help')}
    </Text>
  );
}
