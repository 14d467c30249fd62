import type { RunRecord } from '../runRecord.js';
import { concludeGeneration, proposeGeneration, shouldContinue, type Generation } from './abcSmc.js';
import { generationPlan, priorsOf, type CalibrationPlan, type GenerationPlan } from './calibrationPlan.js';
import type { CalibrationResult, GenerationSummary } from './calibrationResult.js';
import { posteriorDrawIndex } from './posteriorDraws.js';
import { posteriorTable, predictiveCheck } from './posteriorSummary.js';
import { regressionAdjust } from './regressionAdjustment.js';
import { simulatedStatistics, targetDeviation, targetDistance } from './targetStatistics.js';

/**
 * Simulates one batch of runs (a generation `g<t>` or the predictive draws `pp`) and
 * returns its records, or null when it cannot finish now (a shard ran, the rest is for
 * merge): the calibration then stops there.
 */
export type BatchRunner = (batch: GenerationPlan) => Promise<readonly RunRecord[] | null>;

/**
 * A calibration from start to end, whoever simulates its batches (a folder per batch for
 * `kopsim calibrate`, the worker pool in memory for the benchmark): ABC-SMC generations
 * until the sampler stops, the regression adjustment with method rejection, then the
 * posterior predictive draws (N draws by weight, each from a stream derived from the base
 * seed, each simulated with its own seeds). Null when a batch runner stopped early.
 */
export async function calibrationLoop(plan: CalibrationPlan, runBatch: BatchRunner): Promise<CalibrationResult | null> {
  const priors = priorsOf(plan);
  const { settings } = plan;
  const summaries: GenerationSummary[] = [];
  const perProposal = plan.replicates * plan.scenarios.length;
  let previous: Generation | null = null;
  let last: { g: Generation; stats: number[][] } | null = null;
  for (let t = 0; t < settings.generations; t++) {
    const proposals = proposeGeneration(priors, previous, settings.proposals, plan.baseSeed, t);
    const records = await runBatch(generationPlan(plan, `g${t}`, proposals));
    if (!records) return null;
    const stats = simulatedStatistics(plan, proposals.length, records);
    const distances = stats.map((s) => targetDistance(plan.targets, s));
    const g = concludeGeneration(priors, settings, t, proposals, distances, previous);
    const { particles: _particles, ...summary } = g;
    summaries.push({ ...summary, simulations: proposals.length * perProposal });
    last = { g, stats };
    if (!shouldContinue(settings, g)) break;
    previous = g;
  }
  let posterior = last!.g.particles;
  if (plan.method === 'rejection') {
    // Rejection has one generation, so every kept particle's statistics are in `last`.
    const deviations = posterior.map((p) => plan.targets.map((t, k) => targetDeviation(t, last!.stats[p.proposal][k])));
    posterior = regressionAdjust(priors, posterior, deviations, last!.g.epsilon);
  }
  const weights = posterior.map((p) => p.weight);
  const draws = Array.from({ length: settings.particles }, (_, i) => [
    ...posterior[posteriorDrawIndex(weights, plan.baseSeed, `predictive-${i}`)].theta,
  ]);
  const pp = await runBatch(generationPlan(plan, 'pp', draws, 'own'));
  if (!pp) return null;
  const predictiveValues = simulatedStatistics(plan, draws.length, pp);
  return {
    plan,
    generations: summaries,
    posterior,
    table: posteriorTable(plan.parameters, posterior),
    predictive: predictiveCheck(plan.targets, predictiveValues),
    predictiveValues,
    simulations: summaries.reduce((s, g) => s + g.simulations, 0) + draws.length * perProposal,
  };
}
