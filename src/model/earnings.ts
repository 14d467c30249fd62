import type { Households } from './households.js';
import type { HouseholdParams } from './params.js';

/**
 * A household's earning potential before shocks, rupiah per month: productivity per
 * person, times persons, times the return to skill. Skill is normalised at the initial
 * mean so that the productivity calibration holds at the start of a run.
 */
export function earningPotential(h: Households, i: number, hp: HouseholdParams): number {
  const skillFactor = (1 + hp.skillReturn * h.skill[i]) / (1 + hp.skillReturn * hp.initialSkillMean);
  return h.productivity[i] * h.size[i] * skillFactor;
}

/**
 * Earners in a household: about half its members, at least one. A cooperative job
 * replaces one earner's own work.
 */
export function earners(size: number): number {
  return size < 2 ? 1 : size >> 1;
}
