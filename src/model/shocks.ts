import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { emit, type World } from './world.js';

/**
 * Process 1: shocks. A region may be hit by a shock (bad harvest, price drop) that cuts
 * producers' output for some months; households may face a health expense. The
 * household income noise is drawn in production, where income is formed.
 */
export function shocks(world: World, rng: Rng): void {
  const s = world.params.shocks;
  const h = world.households;
  for (const region of world.regions) {
    if (region.shockMonthsLeft > 0) region.shockMonthsLeft--;
    else if (rng.uniform() < s.regionalShockProbability) {
      region.shockMonthsLeft = s.regionalShockMonths;
      emit(
        world,
        region.index,
        'regional-shock',
        `${region.name}: regional shock, producers lose ${Math.round(s.regionalShockSize * 100)}% for ${s.regionalShockMonths} months`,
      );
    }
    let paid = 0;
    for (let i = region.start; i < region.end; i++) {
      if (rng.uniform() < s.healthShockProbability) {
        const cost = Math.min(h.cash[i], s.healthShockMonths * h.expectedIncome[i]);
        h.cash[i] -= cost;
        h.healthExpense[i] = cost;
        paid += cost;
      } else h.healthExpense[i] = 0;
    }
    book(world.ledger, 'health expenses', { region: region.index, account: 'householdCash' }, 'outsideEconomy', paid);
  }
}

/** Output multiplier of a region's producers this month (1 without a shock). */
export function shockFactor(world: World, regionIndex: number): number {
  return world.regions[regionIndex].shockMonthsLeft > 0 ? 1 - world.params.shocks.regionalShockSize : 1;
}
