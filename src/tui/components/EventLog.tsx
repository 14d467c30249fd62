import { Box, Text } from 'ink';
import type { SimEvent } from '../../experiment/runController.js';
import type { MessageKey } from '../../i18n/en.js';
import { eventMessage } from '../../i18n/eventText.js';
import { locale, type Locale } from '../../i18n/locale.js';
import { ROUTINE_EVENTS } from '../labels.js';

export interface EventLogProps {
  /** Events, oldest first; the latest fill `height` lines. */
  readonly events: readonly SimEvent[];
  /** Lines of events to show. */
  readonly height?: number;
  /** Events of the run so far (default: `events.length`). */
  readonly total?: number;
  /** Region names by index (for messages in the locale's language). */
  readonly regionNames?: readonly string[];
  /** Language of the text (default English). */
  readonly L?: Locale;
}

const COLORS: Readonly<Record<string, string>> = {
  'stage-reached': 'green',
  'federation-formed': 'green',
  'institution-founded': 'green',
  'cooperative-founded': 'green',
  'cooperative-revived': 'green',
  'enterprise-founded': 'cyan',
  'enterprise-joined': 'blue',
  'enterprise-closed': 'yellow',
  mismanagement: 'red',
  'elite-capture': 'red',
  'rat-skipped': 'red',
  'cooperative-inactive': 'red',
  'regional-shock': 'yellow',
};

/** One line of the log: an event, or a count of routine events of one kind in one year. */
export interface LogLine {
  readonly event: SimEvent;
  readonly count: number;
  /** Year of a grouped routine line (1 = months 1..12), else null. */
  readonly year: number | null;
}

/**
 * The newest `height` lines of the log. Routine events (a business joining, a RAT held...)
 * are counted per kind and year on one line, shown at their latest event; a run of the
 * same other message in the same month is folded into one line with a count.
 */
export function logLines(events: readonly SimEvent[], height: number): LogLine[] {
  const out: LogLine[] = [];
  const groups = new Map<string, number>();
  // Walk back from the newest; the log holds at most a few hundred events.
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (ROUTINE_EVENTS.has(e.kind)) {
      const year = Math.max(1, Math.ceil(e.month / 12));
      const key = `${e.kind}\u0000${year}`;
      const at = groups.get(key);
      if (at !== undefined) out[at] = { ...out[at], count: out[at].count + 1 };
      else {
        if (out.length >= height) continue;
        groups.set(key, out.length);
        out.push({ event: e, count: 1, year });
      }
      continue;
    }
    const top = out[out.length - 1];
    if (top && top.year === null && top.event.month === e.month && top.event.message === e.message)
      out[out.length - 1] = { ...top, count: top.count + 1 };
    else if (out.length < height) out.push({ event: e, count: 1, year: null });
  }
  return out.reverse();
}

/** A line's text: a routine group as a count, else the event in the locale's language. */
function lineText(line: LogLine, L: Locale, regionNames: readonly string[]): string {
  const e = line.event;
  if (line.year !== null && (line.count > 1 || L.lang !== 'en'))
    return L.t(`tui.group.${e.kind}` as MessageKey, { n: line.count, y: line.year });
  return eventMessage(L, e, regionNames[e.region] ?? e.message.split(':')[0]);
}

/** The latest events of the run, newest at the bottom, each with its month. */
export function EventLog({
  events,
  height = 8,
  total = events.length,
  regionNames = [],
  L = locale('en'),
}: EventLogProps) {
  const shown = logLines(events, height);
  return (
    <Box flexDirection="column">
      <Text bold>
        {L.t('tui.events.title')} {total > 0 ? <Text dimColor>{L.t('tui.events.soFar', { n: total })}</Text> : null}
      </Text>
      {shown.length === 0 ? <Text dimColor>{L.t('tui.events.none')}</Text> : null}
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          <Text dimColor>{`m${line.event.month}`.padStart(5)} </Text>
          <Text
            color={COLORS[line.event.kind]}
            bold={line.event.kind === 'stage-reached' || line.event.kind === 'federation-formed'}
          >
            {lineText(line, L, regionNames)}
          </Text>
          {line.year === null && line.count > 1 ? <Text dimColor> (×{line.count})</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
