import type { Generation, Particle } from './abcSmc.js';
import type { CalibrationPlan } from './calibrationPlan.js';
import type { PosteriorRow, PredictiveRow } from './posteriorSummary.js';

/** A generation as reported: without its particles. */
export type GenerationSummary = Omit<Generation, 'particles'> & {
  /** Simulations run by this generation (proposals x replicates x scenarios). */
  readonly simulations: number;
};

/** What a finished calibration found, as its folder's files and report show it. */
export interface CalibrationResult {
  readonly plan: CalibrationPlan;
  readonly generations: readonly GenerationSummary[];
  /** The posterior sample (regression-adjusted with method rejection). */
  readonly posterior: readonly Particle[];
  readonly table: readonly PosteriorRow[];
  readonly predictive: readonly PredictiveRow[];
  /** predictiveValues[draw][target]: each target's value simulated at each posterior draw. */
  readonly predictiveValues: readonly (readonly number[])[];
  /** Simulations run in all (generations and predictive draws). */
  readonly simulations: number;
}
