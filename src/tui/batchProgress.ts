import type { Lang } from '../i18n/lang.js';
import { locale, type Locale } from '../i18n/locale.js';
import { formatDuration } from './format.js';

/** One worker of a batch and the run it is on. */
export interface BatchWorker {
  /** Worker number or name, as shown. */
  readonly id: number | string;
  /** Label of the run it is on (e.g. "seed-roadmap rep 7", "feeSubsidy=0.5 rep 2"), or null when idle. */
  readonly run: string | null;
  /** Months of that run simulated so far, if known. */
  readonly month?: number;
  /** Months in that run, if known. */
  readonly months?: number;
}

/** A run that failed, and why. */
export interface BatchFailure {
  readonly run: string;
  readonly message: string;
}

/**
 * The progress of a batch of runs (replications, a comparison, a sweep): the props of
 * {@link BatchProgressView} and the input of {@link batchProgressLine}. The caller owns
 * the clock and passes the elapsed time.
 */
export interface BatchProgress {
  /** What the batch is, e.g. "sweep of membership.feeSubsidy × 20 replicates". */
  readonly title: string;
  /** Runs finished (successfully or not). */
  readonly done: number;
  /** Runs in the batch. */
  readonly total: number;
  readonly workers: readonly BatchWorker[];
  /** Wall time since the batch started, milliseconds. */
  readonly elapsedMs: number;
  /** Runs that failed so far (they count in `done`). */
  readonly failures?: readonly BatchFailure[];
  /** Language of the words (default English). */
  readonly lang?: Lang;
}

/** Throughput and ETA of a batch, counting runs in progress by their months done. */
export interface BatchStats {
  /** Runs finished a minute. */
  readonly runsPerMinute: number;
  /** Estimated time left, milliseconds, or NaN before anything can be estimated. */
  readonly etaMs: number;
  /** Share of the batch done, 0..1 (runs in progress count in part). */
  readonly fraction: number;
}

export function batchStats({ done, total, workers, elapsedMs }: BatchProgress): BatchStats {
  const partial = workers.reduce(
    (a, w) => (w.run !== null && w.months && w.month !== undefined ? a + Math.min(1, w.month / w.months) : a),
    0,
  );
  const effective = Math.min(total, done + partial);
  const fraction = total > 0 ? effective / total : 1;
  const runsPerMinute = elapsedMs > 0 ? (done / elapsedMs) * 60_000 : 0;
  const etaMs = effective > 0 && elapsedMs > 0 ? (elapsedMs / effective) * (total - effective) : Number.NaN;
  return { runsPerMinute, etaMs, fraction };
}

/** Runs a minute as text: "12.5 runs/min", or "0.3 runs/min" ("12,5 simulasi/menit"). */
export function formatThroughput(runsPerMinute: number, L: Locale = locale('en')): string {
  if (!Number.isFinite(runsPerMinute) || runsPerMinute <= 0) return L.t('batch.perMinute', { n: '-' });
  return L.t('batch.perMinute', {
    n: runsPerMinute >= 100 ? L.fmt.integer(runsPerMinute) : L.fmt.fixed(runsPerMinute, 1),
  });
}

/**
 * One plain line for logs and pipes (no escape codes), e.g.
 * `kopsim: sweep 40/120 runs (33%), 2 failed, 12.5 runs/min, 3.2 s elapsed, about 6.4 s left`.
 */
export function batchProgressLine(p: BatchProgress): string {
  const L = locale(p.lang);
  const s = batchStats(p);
  return L.t('batch.line', {
    title: p.title,
    done: p.done,
    total: p.total,
    pct: Math.floor(s.fraction * 100),
    failed: p.failures && p.failures.length > 0 ? L.t('batch.lineFailed', { n: p.failures.length }) : '',
    speed: formatThroughput(s.runsPerMinute, L),
    elapsed: formatDuration(p.elapsedMs, L),
    eta: p.done < p.total && Number.isFinite(s.etaMs) ? L.t('batch.lineEta', { eta: formatDuration(s.etaMs, L) }) : '',
  });
}
