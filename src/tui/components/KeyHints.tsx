import { Text } from 'ink';
import { locale, type Locale } from '../../i18n/locale.js';

export interface KeyHintsProps {
  readonly paused: boolean;
  /** The run has ended (finished or stopped). */
  readonly ended: boolean;
  /** Whether keys are read at all (stdin is a terminal). */
  readonly interactive?: boolean;
  /** Short words, for terminals under 100 columns. */
  readonly short?: boolean;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

/** The controls, always visible; keys that do nothing right now are dimmed. */
export function KeyHints({ paused, ended, interactive = true, short = false, L = locale('en') }: KeyHintsProps) {
  if (!interactive)
    return (
      <Text dimColor wrap="truncate-end">
        {L.t('tui.keys.unavailable')}
      </Text>
    );
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
      {hint('space', paused ? L.t('tui.keys.resume') : L.t('tui.keys.pause'), !ended)}
      {' · '}
      {hint('→', L.t('tui.keys.step'), paused && !ended)}
      {' · '}
      {hint('+/-', L.t('tui.keys.speed'), !ended)}
      {' · '}
      {hint('r', L.t(short ? 'tui.keys.restartShort' : 'tui.keys.restart'))}
      {' · '}
      {hint('s', L.t(short ? 'tui.keys.saveShort' : 'tui.keys.save'))}
      {' · '}
      {hint('q', L.t('tui.keys.quit'))}
      {' · '}
      {hint('?', L.t('tui.keys.help'))}
    </Text>
  );
}
