import type { Lang } from '../i18n/lang.js';
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../core/errors.js';
import { hasPosterior, withPosteriorDraws } from '../experiment/calibration/posteriorPlan.js';
import { posteriorUncertainty, type PosteriorUncertainty } from '../experiment/calibration/posteriorUncertainty.js';
import type { ExperimentPlan } from '../experiment/plan.js';
import type { RunRecord } from '../experiment/runRecord.js';
import type { ReportSection } from '../report/htmlReport.js';
import { posteriorUncertaintySection, writePosteriorUncertainty } from '../report/posteriorUncertaintyFiles.js';
import { loadPosterior, type PosteriorSample } from '../scenario/loadPosterior.js';
import { intFlag } from './flags.js';

/** The flags of --posterior. */
export interface PosteriorFlags {
  posterior?: string;
  seedsPerDraw?: string;
}

/** Adds --posterior DIR and --seeds-per-draw K. */
export function addPosteriorFlags(cmd: Command): Command {
  return cmd
    .option(
      '--posterior <dir>',
      "draw each replicate's parameters from the posterior of a calibration folder (kopsim calibrate); the report splits parameter uncertainty from noise",
    )
    .option('--seeds-per-draw <k>', 'with --posterior: consecutive replicates sharing one draw (default 2)');
}

/** Reads --posterior and --seeds-per-draw (problems pushed, to be reported with the rest). */
export function checkPosteriorFlags(
  opts: PosteriorFlags,
  problems: InputProblem[],
): { sample: PosteriorSample; seedsPerDraw: number } | undefined {
  const seedsPerDraw = intFlag(problems, '--seeds-per-draw', opts.seedsPerDraw, 1, 100000) ?? 2;
  if (opts.seedsPerDraw !== undefined && opts.posterior === undefined)
    problems.push({ path: '--seeds-per-draw', message: 'goes with --posterior' });
  if (opts.posterior === undefined) return undefined;
  const sample = loadPosterior(opts.posterior, problems);
  return sample ? { sample, seedsPerDraw } : undefined;
}

/** The plan with its replicates' parameters drawn from the posterior, when one was given. */
export function planWithPosterior(
  plan: ExperimentPlan,
  posterior: ReturnType<typeof checkPosteriorFlags>,
  source: string,
): ExperimentPlan {
  if (!posterior) return plan;
  if (plan.kind === 'sweep' || plan.points.length !== 1)
    throw new InputError(source, [
      { path: '--posterior', message: 'goes with replicate and compare, not with a sweep' },
    ]);
  try {
    return withPosteriorDraws(plan, posterior.sample, posterior.seedsPerDraw, source);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(source, error.problems);
    throw error;
  }
}

/**
 * For a plan with posterior draws: the variance decomposition and rankings, written to
 * the folder, and the report section that shows them; undefined otherwise.
 */
export function concludePosterior(
  outDir: string,
  plan: ExperimentPlan,
  records: readonly RunRecord[],
  lang: Lang = 'en',
): { uncertainty: PosteriorUncertainty; section: ReportSection } | undefined {
  if (!hasPosterior(plan)) return undefined;
  const uncertainty = posteriorUncertainty(plan, records);
  writePosteriorUncertainty(outDir, uncertainty);
  return { uncertainty, section: posteriorUncertaintySection(plan, uncertainty, lang) };
}
