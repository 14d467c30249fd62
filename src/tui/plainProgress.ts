import type { Lang } from '../i18n/lang.js';
import { locale } from '../i18n/locale.js';
import { formatDuration } from './format.js';

/** A run's progress for a plain (non-terminal) line. */
export interface RunProgressInfo {
  /** Months simulated so far. */
  readonly month: number;
  readonly months: number;
  /** Wall time since the run started, milliseconds. */
  readonly elapsedMs: number;
  /** What runs, e.g. the scenario id. */
  readonly label?: string;
  /** Language of the words (default English). */
  readonly lang?: Lang;
}

/**
 * One plain progress line, no escape codes, e.g.
 * `kopsim: default month 120/240 (50%), 1.2 s elapsed, about 1.2 s left`.
 */
export function runProgressLine({ month, months, elapsedMs, label, lang }: RunProgressInfo): string {
  const L = locale(lang);
  const pct = months > 0 ? Math.floor((month / months) * 100) : 100;
  const left =
    month > 0 && month < months
      ? L.t('batch.lineEta', { eta: formatDuration((elapsedMs / month) * (months - month), L) })
      : '';
  return L.t('cli.run.progress', {
    label: label ? `${label} ` : '',
    m: month,
    n: months,
    pct,
    elapsed: formatDuration(elapsedMs, L),
    eta: left,
  });
}

export interface ProgressThrottleOptions {
  /** Print when progress crosses a multiple of this fraction (default 0.1: every 10%)... */
  readonly step?: number;
  /** ...but not more often than this (default 1000 ms)... */
  readonly minIntervalMs?: number;
  /** ...and at least this often while work goes on (default 10 000 ms). */
  readonly maxIntervalMs?: number;
}

/**
 * Decides when a plain progress line is due: at every `step` of progress, at most once
 * a `minIntervalMs`, and at least every `maxIntervalMs`. Time is passed in (no clock here).
 * Returns a function of (fraction done 0..1, now in ms) that says whether to print.
 */
export function progressThrottle({
  step = 0.1,
  minIntervalMs = 1000,
  maxIntervalMs = 10_000,
}: ProgressThrottleOptions = {}): (fraction: number, nowMs: number) => boolean {
  let lastAt: number | null = null;
  let lastBucket = 0;
  return (fraction, nowMs) => {
    if (lastAt === null) lastAt = nowMs;
    const bucket = Math.floor(fraction / step + 1e-9);
    const since = nowMs - lastAt;
    const due = (bucket > lastBucket && since >= minIntervalMs) || since >= maxIntervalMs;
    if (!due) return false;
    lastAt = nowMs;
    lastBucket = bucket;
    return true;
  };
}
