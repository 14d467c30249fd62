import { Box, Text } from 'ink';
import type { SimEvent } from '../../experiment/runController.js';

export interface EventLogProps {
  /** Events, oldest first; the latest fill `height` lines. */
  readonly events: readonly SimEvent[];
  /** Lines of events to show. */
  readonly height?: number;
  /** Events of the run so far (default: `events.length`). */
  readonly total?: number;
}

const COLORS: Readonly<Record<string, string>> = {
  'stage-reached': 'green',
  'federation-formed': 'green',
  'institution-founded': 'green',
  'cooperative-founded': 'green',
  'enterprise-founded': 'cyan',
  'enterprise-joined': 'blue',
  'enterprise-closed': 'yellow',
  mismanagement: 'red',
  'elite-capture': 'red',
  'rat-skipped': 'red',
  'cooperative-inactive': 'red',
  'regional-shock': 'yellow',
};

interface Line {
  readonly event: SimEvent;
  readonly count: number;
}

/** Folds runs of the same message in the same month into one line with a count. */
function lines(events: readonly SimEvent[], height: number): Line[] {
  const out: Line[] = [];
  // Walk back from the newest so that only what is shown is looked at.
  for (let i = events.length - 1; i >= 0 && out.length <= height; i--) {
    const e = events[i];
    const top = out[out.length - 1];
    if (top && top.event.month === e.month && top.event.message === e.message)
      out[out.length - 1] = { event: e, count: top.count + 1 };
    else out.push({ event: e, count: 1 });
  }
  return out.slice(0, height).reverse();
}

/** The latest events of the run, newest at the bottom, each with its month. */
export function EventLog({ events, height = 8, total = events.length }: EventLogProps) {
  const shown = lines(events, height);
  return (
    <Box flexDirection="column">
      <Text bold>Events {total > 0 ? <Text dimColor>({total} so far)</Text> : null}</Text>
      {shown.length === 0 ? <Text dimColor>no events yet</Text> : null}
      {shown.map(({ event: e, count }, i) => (
        <Text key={i} wrap="truncate-end">
          <Text dimColor>{`m${e.month}`.padStart(5)} </Text>
          <Text color={COLORS[e.kind]} bold={e.kind === 'stage-reached' || e.kind === 'federation-formed'}>
            {e.message}
          </Text>
          {count > 1 ? <Text dimColor> (×{count})</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
