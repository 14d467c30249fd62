import { isInteractiveTerminal } from './interactiveTerminal.js';
import type { ExperimentProgress } from '../experiment/progress.js';
import { batchProgressLine, type BatchFailure, type BatchProgress } from '../tui/batchProgress.js';
import type { Lang } from '../i18n/lang.js';
import { progressThrottle } from '../tui/plainProgress.js';

/** Where progress goes while a plan's runs execute. */
export interface ProgressDisplay {
  update(p: ExperimentProgress): void;
  /** A message for the user (failures, interrupts); shown after the live view ends. */
  log(text: string): void;
  end(): void;
}

/**
 * The batch view on a terminal unless --no-tui, else plain lines (a pipe, CI, a cluster job).
 * The view's module (ink, react) is imported only when it is shown.
 */
export async function progressDisplay(
  title: string,
  tui: boolean | undefined,
  lang: Lang = 'en',
): Promise<ProgressDisplay> {
  if (!isInteractiveTerminal(process.stderr) || tui === false) return plainProgress(title, lang);
  return (await import('./terminalProgress.js')).terminalProgress(title, lang);
}

/** The TUI's view of an experiment's progress, with the failures so far. */
export function batchProgressOf(
  title: string,
  p: ExperimentProgress,
  failures: readonly BatchFailure[],
  lang: Lang = 'en',
): BatchProgress {
  return {
    lang,
    title,
    done: p.done,
    total: p.total,
    elapsedMs: p.elapsedMs,
    failures,
    workers: p.workers.map((w) => ({ id: w.id, run: w.run, month: w.month, months: w.months })),
  };
}

/** The failure the latest finished run reports, if it failed. */
export function failureOf(p: ExperimentProgress): BatchFailure | undefined {
  return p.last && !p.last.ok
    ? { run: `${p.last.key} (seed ${p.last.seed})`, message: p.last.error ?? 'failed' }
    : undefined;
}

/** No terminal (a pipe, CI, a cluster job) or --no-tui: throttled plain lines, no escape codes. */
export function plainProgress(title: string, lang: Lang = 'en'): ProgressDisplay {
  const due = progressThrottle();
  const failures: BatchFailure[] = [];
  let latest: ExperimentProgress | undefined;
  let printedDone = -1;
  const print = (p: ExperimentProgress) => {
    printedDone = p.done;
    process.stderr.write(`${batchProgressLine(batchProgressOf(title, p, failures, lang))}\n`);
  };
  return {
    update(p) {
      latest = p;
      const f = failureOf(p);
      if (f) failures.push(f);
      if (p.total > 0 && due(p.done / p.total, Date.now())) print(p);
    },
    log: (text) => process.stderr.write(`${text}\n`),
    end() {
      if (latest && latest.total > 0 && latest.done !== printedDone) print(latest);
    },
  };
}
