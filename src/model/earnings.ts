import type { Households } from './households.js';
import type { HouseholdParams } from './params.js';

/**
 * A household's earning potential before shocks, rupiah per month: productivity per
 * person, times persons, times the return to skill. The return is concave in skill
 * (`skillReturnCurvature` below 1: each gain in skill is worth less than the last) and
 * normalised at the initial mean skill, so that the productivity calibration holds at the
 * start of a run.
 */
export function earningPotential(
  h: Households,
  i: number,
  hp: HouseholdParams,
  normaliser: number = skillNormaliser(hp),
): number {
  return h.productivity[i] * h.size[i] * skillFactor(h.skill[i], hp, normaliser);
}

/**
 * Earnings multiplier of a skill level: 1 at the initial mean skill. A loop over households
 * passes the {@link skillNormaliser} it computed once: a power per household less, and the
 * same number.
 */
export function skillFactor(skill: number, hp: HouseholdParams, normaliser: number = skillNormaliser(hp)): number {
  return returnToSkill(skill, hp.skillReturn, hp.skillReturnCurvature, normaliser);
}

/**
 * {@link skillFactor} from its numbers: `(1 + skillReturn * skill^curvature) / normaliser`.
 * Production's household loop (a function over typed arrays and numbers) calls it directly.
 */
export function returnToSkill(skill: number, skillReturn: number, curvature: number, normaliser: number): number {
  return (1 + skillReturn * skill ** curvature) / normaliser;
}

/** What {@link skillFactor} divides by: the return at the initial mean skill. */
export function skillNormaliser(hp: HouseholdParams): number {
  return 1 + hp.skillReturn * hp.initialSkillMean ** hp.skillReturnCurvature;
}

/**
 * Earners in a household: `earnerShare` of its members, rounded down, at least one. A
 * cooperative job replaces one earner's own work.
 */
export function earners(size: number, earnerShare: number): number {
  return Math.max(1, Math.floor(size * earnerShare));
}
