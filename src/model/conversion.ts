import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { newEnterprise } from './founding.js';
import { programmeActive } from './region.js';
import { memberShare } from './regionMeasures.js';
import { emit, type World } from './world.js';

/**
 * Process 6c: existing local businesses join the cooperative (stage 2). Each month a
 * trader who owns a business joins with probability
 * `conversionProbability * awareness * governance * (0.5 + member share)`: it rises with
 * the owner's awareness and the cooperative's strength. The owner becomes a member and
 * works in the enterprise; the business capital becomes its voluntary savings and the
 * enterprise's working capital. The business becomes the primary store, or joins it.
 */
export function conversion(world: World, rng: Rng): void {
  const p = world.params;
  const h = world.households;
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || !programmeActive(world, region, 2, world.month)) continue;
    const strength = coop.governance * (0.5 + memberShare(region));
    const base = p.enterprises.conversionProbability * strength;
    let moved = 0;
    for (let i = region.start; i < region.end; i++) {
      const capital = h.businessCapital[i];
      if (capital <= 0 || rng.uniform() >= base * h.awareness[i]) continue;
      let store = coop.enterprises.find((e) => e.status === 'active' && e.kind === 'primaryStore');
      if (store) {
        store.capacity += capital * p.enterprises.capacityPerSetup * 0.25;
        store.workingCapital += capital;
        emit(world, region.index, 'enterprise-joined', `${region.name}: a local business joined the primary store`);
      } else {
        store = newEnterprise(
          coop.enterprises.length,
          'primaryStore',
          0,
          -1,
          'converted',
          world.month,
          capital * p.enterprises.capacityPerSetup,
          capital,
          0,
        );
        coop.enterprises.push(store);
        emit(
          world,
          region.index,
          'enterprise-joined',
          `${region.name}: a local business joined and became the primary store`,
        );
      }
      h.businessCapital[i] = 0;
      // The owner's simpanan pokok comes out of the business capital; the rest is sukarela.
      const pokok = h.member[i] ? 0 : Math.min(capital, p.membership.simpananPokok);
      h.pokok[i] += pokok;
      h.sukarela[i] += capital - pokok;
      coop.savingsOwed += capital;
      moved += capital;
      if (!h.member[i]) {
        h.member[i] = 1;
        h.joinedMonth[i] = world.month;
        coop.memberCount++;
      }
      if (h.employer[i] < 0) {
        h.employer[i] = store.id;
        store.workers++;
      }
    }
    book(
      world.ledger,
      'business capital brought in',
      { region: region.index, account: 'householdBusiness' },
      { region: region.index, account: 'enterpriseCapital' },
      moved,
    );
  }
}
