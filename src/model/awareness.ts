import { STAGE } from './params.js';
import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { programmeActive } from './region.js';
import type { World } from './world.js';

/**
 * Process 2: education and awareness (stage 1).
 *
 * - The campaign reaches `campaignBudget / costPerHousehold` households a month per
 *   region (random, poorest-first or best-connected-first); a reached household gains
 *   `uptake * culturalFit` of its remaining distance to full awareness. A campaign whose
 *   cultural fit is below `resistanceFit` costs trust instead of only building awareness.
 * - Peers: a household gains `peerWeight * s^peerExponent` of its remaining distance,
 *   where s is the share of its neighbours who are members. Only members pass it on
 *   (Banerjee et al. 2013); an exponent above 1 makes it a complex contagion (Centola &
 *   Macy 2007): one member neighbour among many barely moves anyone.
 * - Awareness decays by `decay` of itself each month.
 */
export function awareness(world: World, rng: Rng): void {
  const p = world.params.awareness;
  const h = world.households;
  for (const region of world.regions) {
    if (!region.coop || !region.coop.active || !programmeActive(world, region, STAGE.awareness, world.month)) continue;
    const n = region.end - region.start;
    const contacts = Math.min(n, Math.floor(p.campaignBudget / p.costPerHousehold));
    if (contacts <= 0) continue;
    const gain = p.uptake * p.culturalFit;
    const resist = p.culturalFit < p.resistanceFit ? p.resistanceTrustLoss * (1 - p.culturalFit / p.resistanceFit) : 0;
    const order = region.campaignOrder;
    for (let c = 0; c < contacts; c++) {
      let i: number;
      if (order) {
        i = order[region.campaignCursor];
        region.campaignCursor = (region.campaignCursor + 1) % n;
      } else i = region.start + rng.int(n);
      h.awareness[i] += gain * (1 - h.awareness[i]);
      if (resist > 0) h.trust[i] = Math.max(0, h.trust[i] - resist);
    }
    region.flows.campaignContacts += contacts;
    book(world.ledger, 'education campaign', 'government', 'outsideEconomy', contacts * p.costPerHousehold);
  }
  peerInfluence(world);
}

/** Peer contagion (where the region has a cooperative) and decay (for every household). */
function peerInfluence(world: World): void {
  const p = world.params.awareness;
  const h = world.households;
  const { offsets, neighbourLow, neighbourHigh } = world.network;
  const { memberNeighbours: counts, memberSeen: seen } = world.scratch;
  const member = h.member;
  const aw = h.awareness;
  const square = p.peerExponent === 2;
  const keep = 1 - p.decay;
  // Member-neighbour counts change only where membership changed since last month: update
  // the neighbours of those households instead of reading every neighbour of everyone.
  for (let i = 0; i < member.length; i++) {
    const now = member[i];
    if (now === seen[i]) continue;
    const delta = now - seen[i];
    // neighbourAt(world.network, k), inlined.
    for (let k = offsets[i]; k < offsets[i + 1]; k++) counts[neighbourLow[k] | (neighbourHigh[k] << 16)] += delta;
    seen[i] = now;
  }
  for (const region of world.regions) {
    const coopPresent = region.coop !== null;
    for (let i = region.start; i < region.end; i++) {
      const s = memberNeighbourShare(offsets, counts, i);
      let a = aw[i];
      if (coopPresent && s > 0) a += p.peerWeight * (square ? s * s : Math.pow(s, p.peerExponent)) * (1 - a);
      aw[i] = a * keep;
    }
  }
}

/**
 * Share of household i's neighbours who are members, from the member-neighbour counts that
 * peerInfluence keeps up to date (membership reads it later in the month).
 */
export function memberNeighbourShare(offsets: Int32Array, counts: Uint16Array, i: number): number {
  const degree = offsets[i + 1] - offsets[i];
  return degree > 0 ? counts[i] / degree : 0;
}
