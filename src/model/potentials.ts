import type { Rng } from '../core/rng.js';
import type { World } from './world.js';

/**
 * Process 6d: regional potentials (stage 3) regenerate and deplete. A natural potential
 * (regeneration > 0: agriculture, fisheries) loses `potentialDepletion` of its stock per
 * unit of its capacity used this month, and regrows toward full at `regeneration` of the
 * gap: harvesting more than it regrows lowers what it can yield. Non-natural potentials
 * (tourism, local food, crafts, culture) do not deplete.
 *
 * @example a fishery used at half capacity each month settles where
 *   regeneration * (1 - s) = depletion * 0.5 * s, i.e. s = r / (r + 0.5 d).
 */
export function potentials(world: World, rng: Rng): void {
  void rng;
  const depletion = world.params.enterprises.potentialDepletion;
  for (const region of world.regions) {
    for (const p of region.potentials) {
      if (p.regeneration <= 0 || p.capacity <= 0) continue;
      const s = p.stock + p.regeneration * (1 - p.stock) - (depletion * p.used) / p.capacity;
      p.stock = s < 0 ? 0 : s > 1 ? 1 : s;
    }
  }
}
