import { InputError, type InputProblem } from '../../core/errors.js';
import { indicatorById } from '../../indicators/registry.js';
import type { DiscoverySettings } from '../../scenario/discoverySchema.js';
import type { LoadedDiscovery, OutcomeCheck } from '../../scenario/loadDiscovery.js';
import { planExperiment, planHash, type ExperimentPlan } from '../plan.js';
import { parseOutcome } from './outcomeExpression.js';

/** Version of the discovery plan format; folders of another version are not resumed or merged. */
export const DISCOVERY_FORMAT = 1;

/** An input dimension of PRIM: a swept parameter and the range it was sampled over. */
export interface DiscoveryDimension {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/**
 * An expanded discovery: the runs of a sweep (every strategy and the baseline at every
 * design point, replicate k of a point sharing one seed across scenarios), what makes a
 * run one of interest, and the PRIM and tree settings. Runs through the experiment
 * folders (runs.jsonl, resume, shards, merge) like any plan.
 */
export interface DiscoveryPlan extends Omit<ExperimentPlan, 'kind' | 'hash'> {
  readonly kind: 'discovery';
  readonly discoveryFormat: number;
  /** Labels of the strategies analysed (every scenario but the baseline). */
  readonly strategies: readonly string[];
  readonly outcome: string;
  readonly prim: DiscoverySettings['prim'];
  readonly tree: DiscoverySettings['tree'];
  readonly dimensions: readonly DiscoveryDimension[];
  readonly hash: string;
}

/** The outcome check the discovery loader takes: the grammar and the indicator names. */
export const checkOutcome: OutcomeCheck = (outcome) => {
  const parsed = parseOutcome(outcome, (id) => indicatorById(id) !== undefined);
  if (!parsed.ok) return { problems: [{ path: 'outcome', message: parsed.message, found: outcome }], indicators: [] };
  return { problems: [], indicators: [...new Set(parsed.refs.map((r) => r.indicator))] };
};

/**
 * Expands a discovery into its runs. Pure. Besides the sweep's own checks (plan.ts):
 * the parameters must be numbers sampled over ranges (PRIM boxes are ranges), an outcome
 * that reads `baseline.` needs a baseline, and its months must be within the runs.
 */
export function planDiscovery(loaded: LoadedDiscovery): DiscoveryPlan {
  const { experiment, settings } = loaded;
  const problems: InputProblem[] = [];
  const parsed = parseOutcome(settings.outcome, (id) => indicatorById(id) !== undefined);
  if (!parsed.ok) problems.push({ path: 'outcome', message: parsed.message, found: settings.outcome });
  const sweep = experiment.experiment.sweep;
  const dimensions: DiscoveryDimension[] = [];
  sweep?.parameters.forEach((p, i) => {
    const values = p.values ?? [p.from, p.to];
    if (!values.every((v) => typeof v === 'number'))
      problems.push({
        path: `sweep.parameters[${i}]`,
        message: 'PRIM needs numbers: give a numeric range (from, to) or numeric values',
        found: p.values,
      });
    else
      dimensions.push({ name: p.path, min: Math.min(...(values as number[])), max: Math.max(...(values as number[])) });
  });
  let plan: ExperimentPlan | undefined;
  try {
    plan = planExperiment(experiment);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  if (parsed.ok && plan) {
    const months = Math.min(...plan.scenarios.map((s) => s.months));
    const messages = new Set<string>();
    for (const r of parsed.refs) {
      if (r.baseline && plan.baseline === null)
        messages.add(`reads baseline.${r.indicator} but the file names no baseline`);
      if (typeof r.month === 'number' && r.month > months)
        messages.add(`reads month ${r.month}, after the last simulated month (${months})`);
    }
    for (const message of messages) problems.push({ path: 'outcome', message, found: settings.outcome });
  }
  if (loaded.strategies.length === 0)
    problems.push({ path: 'scenarios', message: 'must name at least one strategy besides the baseline' });
  if (problems.length > 0 || !plan) throw new InputError(experiment.source, problems);
  const { kind: _kind, hash: _hash, ...sweepPlan } = plan;
  const body = {
    ...sweepPlan,
    kind: 'discovery' as const,
    discoveryFormat: DISCOVERY_FORMAT,
    strategies: loaded.strategies,
    outcome: settings.outcome,
    prim: settings.prim,
    tree: settings.tree,
    dimensions,
  };
  return { ...body, hash: planHash(body) };
}
