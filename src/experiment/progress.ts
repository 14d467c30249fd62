/** A worker of the pool and the run it is on. */
export interface WorkerState {
  /** Worker number, from 1. */
  readonly id: number;
  /** Key of the run it is on, or null when idle. */
  readonly run: string | null;
  /** Months of that run simulated so far, and its length. */
  readonly month?: number;
  readonly months?: number;
}

/**
 * Progress of an experiment, as the executor reports it when a run finishes and as runs
 * advance. The CLI shows it as the TUI's batch view on a terminal, else as plain lines.
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
  readonly workers: readonly WorkerState[];
  /** Wall time since the executor started, milliseconds. */
  readonly elapsedMs: number;
  /** The run that just finished, if this report is about one. */
  readonly last?: { readonly key: string; readonly seed: number; readonly ok: boolean; readonly error?: string };
}
