import type { Households } from './households.js';
import type { HouseholdParams } from './params.js';

/**
 * A household's earning potential before shocks, rupiah per month: productivity per
 * person, times persons, times the return to skill. The return is concave in skill
 * (`skillReturnCurvature` below 1: each gain in skill is worth less than the last) and
 * normalised at the initial mean skill, so that the productivity calibration holds at the
 * start of a run.
 */
export function earningPotential(h: Households, i: number, hp: HouseholdParams): number {
  return h.productivity[i] * h.size[i] * skillFactor(h.skill[i], hp);
}

/** Earnings multiplier of a skill level: 1 at the initial mean skill. */
export function skillFactor(skill: number, hp: HouseholdParams): number {
  const g = hp.skillReturnCurvature;
  return (1 + hp.skillReturn * skill ** g) / (1 + hp.skillReturn * hp.initialSkillMean ** g);
}

/**
 * Earners in a household: about half its members, at least one. A cooperative job
 * replaces one earner's own work.
 */
export function earners(size: number): number {
  return size < 2 ? 1 : size >> 1;
}
