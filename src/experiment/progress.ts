/**
 * Progress of an experiment, as the executor reports it after every finished run. The
 * CLI prints it as a plain line on stderr; the TUI's batch view reads the same events.
 */
export interface ExperimentProgress {
  /** Runs this invocation has to do (its shard, minus those finished before a resume). */
  readonly total: number;
  /** Runs found finished in the folder before this invocation (resume). */
  readonly skipped: number;
  /** Runs finished by this invocation (completed + failed). */
  readonly done: number;
  readonly failed: number;
  /** Runs being simulated now. */
  readonly running: number;
  readonly workers: number;
  /** Wall time since the executor started, milliseconds. */
  readonly elapsedMs: number;
  /** The run that just finished, if any. */
  readonly last?: { readonly key: string; readonly seed: number; readonly ok: boolean };
}

/**
 * A one-line, escape-code-free description of progress, e.g.
 * `runs 12/90 (2 failed, 2 running, 30 done before), 35 s elapsed, about 3 min left`.
 */
export function progressLine(p: ExperimentProgress): string {
  const parts = [`${p.failed} failed`, `${p.running} running`];
  if (p.skipped > 0) parts.push(`${p.skipped} done before`);
  const elapsed = p.elapsedMs / 1000;
  const left = p.done > 0 && p.done < p.total ? ((p.total - p.done) * elapsed) / p.done : 0;
  return `runs ${p.done}/${p.total} (${parts.join(', ')}), ${duration(elapsed)} elapsed${left > 0 ? `, about ${duration(left)} left` : ''}`;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
