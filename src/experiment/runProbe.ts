import type { RunResult } from './runResult.js';
import type { Simulation } from './simulation.js';

/**
 * Watches one run as it goes, for measurements the indicator registry does not publish
 * (e.g. who joined by consumption quintile at month 0, or a loan's arrears at its
 * maturity). A probe only reads the world; it never changes a run's result.
 */
export interface ProbeSession {
  /** Called after every simulated month. */
  afterMonth(): void;
  /** What the probe measured, structured-clone safe (it crosses from a worker thread). */
  finish(result: RunResult): unknown;
}

/** Starts a probe session on a simulation at month 0, before its first step. */
export type RunProbe = (sim: Simulation) => ProbeSession;

/**
 * Loads the probe of a module: `url` is the module's URL, whose export `probe` is a
 * {@link RunProbe}. A URL rather than a function because tasks cross to worker threads,
 * which cannot receive functions.
 */
export async function loadProbe(url: string): Promise<RunProbe> {
  const mod = (await import(url)) as { probe?: unknown };
  if (typeof mod.probe !== 'function') throw new Error(`${url} exports no probe function`);
  return mod.probe as RunProbe;
}
