/** Indicators whose fall is good for welfare (poverty, inequality, debt); the rest of the welfare and cooperative ones are good when they rise. */
const LOWER_IS_BETTER = new Set(['gini', 'p0', 'p1', 'p2', 'atkinson_1', 'atkinson_2', 'food_share', 'coop_debt']);
/** Indicators with no welfare direction (a count of meetings, a stage number, transfers paid). */
const NEUTRAL = new Set(['rat_held', 'stage', 'social_transfers', 'households_reached']);

/**
 * Which way an indicator is good for welfare: 'higher' (consumption, members, SHU...),
 * 'lower' (poverty, inequality, debt), or null when it has none. Charts colour changes
 * by it, so a fall in poverty is green.
 */
export function betterWhen(indicator: string): 'higher' | 'lower' | null {
  if (LOWER_IS_BETTER.has(indicator)) return 'lower';
  if (NEUTRAL.has(indicator)) return null;
  return 'higher';
}
