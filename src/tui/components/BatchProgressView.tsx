import { Box, Text } from 'ink';
import { batchStats, formatThroughput, type BatchProgress } from '../batchProgress.js';
import { locale } from '../../i18n/locale.js';
import { bar, formatDuration } from '../format.js';

/** Props of {@link BatchProgressView}: a {@link BatchProgress}, plus display options. */
export interface BatchProgressViewProps extends BatchProgress {
  /** Width of the progress bars (default 40). */
  readonly barWidth?: number;
  /** Failures listed (the rest are counted; default 5). */
  readonly maxFailures?: number;
}

/**
 * Progress of a batch of runs: runs done of the total, one line per worker with its
 * current run, throughput, elapsed time, ETA and failures. Display only: the caller
 * re-renders it with new props.
 */
export function BatchProgressView(props: BatchProgressViewProps) {
  const { title, done, total, workers, elapsedMs, failures = [], barWidth = 40, maxFailures = 5 } = props;
  const L = locale(props.lang);
  const s = batchStats(props);
  const finished = done >= total;
  return (
    <Box flexDirection="column">
      <Text bold>
        <Text color="cyan">kopsim</Text> · {title}
      </Text>
      <Text>
        <Text color="green">{bar(s.fraction, barWidth)}</Text> <Text bold>{done}</Text>/
        {L.t('batch.runs', { total, pct: Math.floor(s.fraction * 100) })}
      </Text>
      <Text>
        {formatThroughput(s.runsPerMinute, L)} · {L.t('batch.elapsed', { t: formatDuration(elapsedMs, L) })} ·{' '}
        {finished
          ? L.t('batch.done')
          : L.t('batch.eta', { t: Number.isFinite(s.etaMs) ? formatDuration(s.etaMs, L) : '-' })}
        {failures.length > 0 ? <Text color="red"> · {L.t('batch.failed', { n: failures.length })}</Text> : null}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {workers.map((w) => (
          <Text key={String(w.id)} wrap="truncate-end">
            <Text dimColor>{L.t('batch.worker', { id: w.id }).padEnd(10)}</Text>
            {w.run === null ? (
              <Text dimColor>{L.t('batch.idle')}</Text>
            ) : (
              <>
                <Text>{w.run}</Text>
                {w.months && w.month !== undefined ? (
                  <Text dimColor>
                    {' '}
                    {bar(w.month / w.months, 10)} {L.t('batch.month', { m: w.month, n: w.months })}
                  </Text>
                ) : null}
              </>
            )}
          </Text>
        ))}
      </Box>
      {failures.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold color="red">
            {L.t('batch.failures')}
          </Text>
          {failures.slice(0, maxFailures).map((f, i) => (
            <Text key={i} wrap="truncate-end">
              <Text color="red">✗ {f.run}</Text>: {f.message}
            </Text>
          ))}
          {failures.length > maxFailures ? (
            <Text dimColor>… {L.t('err.more', { n: failures.length - maxFailures })}</Text>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
