import { Box, Text } from 'ink';
import type { MessageKey } from '../../i18n/en.js';
import { locale, type Locale } from '../../i18n/locale.js';

export interface HelpOverlayProps {
  /** Folder the report is written to, if known. */
  readonly folder?: string | null;
  /** Terminal columns and the lines the help may use: sections that do not fit are left out. */
  readonly width?: number;
  readonly height?: number;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

const KEYS: readonly (readonly [string, MessageKey])[] = [
  ['space', 'tui.help.space'],
  ['→', 'tui.help.step'],
  ['+ / -', 'tui.help.speed'],
  ['r', 'tui.help.restart'],
  ['s', 'tui.help.save'],
  ['q', 'tui.help.quit'],
  ['?', 'tui.help.help'],
];

/** Lines a paragraph takes when wrapped at `width` columns (roughly: words do not split). */
function linesOf(text: string, width: number): number {
  return Math.max(1, Math.ceil((text.length * 1.1) / Math.max(20, width)));
}

/** What each key does, what the stages and indicators mean, and the units; as much as fits. */
export function HelpOverlay({ folder, width = 80, height = 40, L = locale('en') }: HelpOverlayProps) {
  const sections: { title: string; text: string }[] = [
    { title: L.t('tui.help.stages'), text: L.t('tui.help.stagesText') },
    { title: L.t('tui.help.indicators'), text: L.t('tui.help.indicatorsText') },
    { title: '', text: L.t('tui.help.units') },
  ];
  // Keys (title + one line each) and the closing line always; then sections while they fit.
  let used = 1 + KEYS.length + 1 + (folder ? 1 : 0);
  const shown = sections.filter((s) => {
    const need = (s.title ? 1 : 0) + linesOf(s.text, width);
    if (used + need > height) return false;
    used += need;
    return true;
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color="yellow">
        {L.t('tui.help.keys')}
      </Text>
      {KEYS.map(([k, what]) => (
        <Text key={k} wrap="truncate-end">
          <Text bold color="yellow">
            {k.padEnd(7)}
          </Text>
          {L.t(what)}
        </Text>
      ))}
      {shown.map((s) => (
        <Box key={s.title || s.text} flexDirection="column">
          {s.title ? (
            <Text bold color="yellow">
              {s.title}
            </Text>
          ) : null}
          <Text>{s.text}</Text>
        </Box>
      ))}
      {folder ? <Text wrap="truncate-end">{L.t('tui.help.folder', { folder })}</Text> : null}
      <Text dimColor>{L.t('tui.help.close')}</Text>
    </Box>
  );
}
