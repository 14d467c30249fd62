import type { InputProblem } from '../../core/errors.js';
import type { Scenario } from '../../scenario/schema.js';

/**
 * Scenario fields a run cannot change once it has started: they shaped the world when it
 * was built (the regions and their households, the network, the population's draws, the
 * campaign order) or fix its horizon. A branch strategy that differs in one of them is
 * refused, with the path; every other field takes effect from the branch month on.
 */
export const FIXED_AT_START: readonly string[] = [
  'months',
  'regions',
  'networkDegree',
  'networkRewiring',
  'crossRegionTies',
  'households.meanSize',
  'households.productivityMedian',
  'households.productivitySigma',
  'households.occupationShares',
  'households.initialCashMonths',
  'households.initialSkillMean',
  'households.initialSkillSd',
  'households.maxSize',
  'households.traderCapitalMonths',
  'awareness.initialMean',
  'awareness.targeting',
  'membership.thresholdMean',
  'membership.thresholdSd',
  'membership.initialTrust',
  'membership.exitTrustMean',
  'membership.exitTrustSd',
  'membership.trustSd',
  'membership.villageTrustSd',
  'membership.thresholdMin',
  'membership.distanceMean',
];

function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) {
      out.set(`${path}.length`, value.length);
      value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
    } else for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, value);
  return out;
}

function fixed(path: string): boolean {
  return FIXED_AT_START.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/**
 * The fields a strategy would change that cannot change mid-run, as problems under
 * `at` (e.g. `strategies[1]`), each with its path and both values.
 *
 * @example midRunProblems(saved, { ...saved, regions: [] }, 'top-down') // => [{ path: 'top-down: regions.length', ... }]
 */
export function midRunProblems(saved: Scenario, strategy: Scenario, at: string): InputProblem[] {
  const before = leaves(saved, '', new Map());
  const after = leaves(strategy, '', new Map());
  const problems: InputProblem[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (!fixed(path) || Object.is(before.get(path), after.get(path))) continue;
    problems.push({
      path: `${at}: ${path}`,
      message: `cannot change mid-run (the saved run has ${JSON.stringify(before.get(path)) ?? 'nothing'})`,
      found: after.get(path),
    });
  }
  return problems;
}
