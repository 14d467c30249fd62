import type { Rng } from '../core/rng.js';
import { activeEnterprises } from './cooperative.js';
import { STORE_BY_TIER, isStore, type Enterprise, type EnterpriseKind } from './enterprise.js';
import { openEnterprise } from './founding.js';
import { book } from './ledger.js';
import { programmeActive, type RegionState } from './region.js';
import { emit, type World } from './world.js';
import { meanOverMembers } from './regionMeasures.js';

/**
 * Process 6b: the cooperative grows its enterprises (stage 2, and stage 3 for regional
 * potentials). At most one new enterprise a month per region, in this order:
 * 1. a store for the first need tier (primary first) whose unmet member demand exceeds
 *    `storeMinDemand` (a tier waits for the capital of the tier before it, but the
 *    value chain and potentials below do not wait for stores);
 * 2. the marketing arm, once members' output exceeds `marketingMinSupply`;
 * 3. procurement (with two stores) and distribution (with three enterprises), once
 *    their buyers' purchases would fill half their capacity;
 * 4. in stage 3, an enterprise on an unused regional potential whose required skill the
 *    members meet on average.
 * Each needs its setup capital in cash, and a kind that closed is not founded again for
 * `refoundingDelay` months. Then: enterprises short of capacity for six
 * months expand by `expansionRate`, up to `managedCapacity` times the management skill; one missing integration link a month is built; enterprises hire members.
 */
export function enterpriseGrowth(world: World, rng: Rng): void {
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || !programmeActive(world, region, 2, world.month)) continue;
    foundOne(world, region);
    expand(world, region);
    integrate(world, region);
    staff(world, region, rng);
  }
}

/** Workers per rupiah of sales relative to a store, by kind (potentials: a parameter). */
const LABOUR_INTENSITY: Partial<Record<EnterpriseKind, number>> = {
  procurement: 0.2,
  distribution: 0.2,
  marketing: 0.4,
};

/**
 * Whether an enterprise of this kind (tier, potential) is active, or closed too recently
 * to be founded again: a cooperative does not reopen what just failed.
 */
function hasOrRecentlyClosed(
  world: World,
  region: RegionState,
  kind: EnterpriseKind,
  tier = -1,
  potential = -1,
): boolean {
  const delay = world.params.enterprises.refoundingDelay;
  for (const e of region.coop!.enterprises) {
    if (e.kind !== kind || e.tier !== tier || e.potential !== potential) continue;
    if (e.status === 'active' || world.month - e.closedMonth < delay) return true;
  }
  return false;
}

function count(region: RegionState, predicate: (e: Enterprise) => boolean): number {
  let n = 0;
  for (const e of region.coop!.enterprises) if (e.status === 'active' && predicate(e)) n++;
  return n;
}

function foundOne(world: World, region: RegionState): void {
  const p = world.params.enterprises;
  const taken = (kind: EnterpriseKind, tier = -1, potential = -1) =>
    hasOrRecentlyClosed(world, region, kind, tier, potential);
  // Stores, primary needs first: a tier waits for the capital of the tier before it.
  for (let t = 0; t < 4; t++) {
    if (taken(STORE_BY_TIER[t], t) || region.unmetDemand[t] < p.storeMinDemand) continue;
    if (openEnterprise(world, region, STORE_BY_TIER[t], t, -1, p.storeSetupCost)) return;
    break;
  }
  if (!taken('marketing') && region.memberOutputOffered >= p.marketingMinSupply) {
    if (openEnterprise(world, region, 'marketing', -1, -1, p.marketingSetupCost)) return;
  }
  // A supplier is founded once its buyers' purchases would fill half its capacity.
  const goods = sumOver(region, (e) => (isStore(e.kind) ? e.sales * p.costOfGoods : 0));
  if (
    !taken('procurement') &&
    count(region, (e) => isStore(e.kind)) >= 2 &&
    goods >= 0.5 * p.procurementSetupCost * p.capacityPerSetup
  ) {
    if (openEnterprise(world, region, 'procurement', -1, -1, p.procurementSetupCost)) return;
  }
  const transport = sumOver(region, (e) =>
    e.kind === 'marketing' || e.kind === 'potential' ? e.sales * p.marketingTransportCost : 0,
  );
  if (
    !taken('distribution') &&
    activeEnterprises(region.coop!) >= 3 &&
    transport >= 0.5 * p.distributionSetupCost * p.capacityPerSetup
  ) {
    if (openEnterprise(world, region, 'distribution', -1, -1, p.distributionSetupCost)) return;
  }
  if (programmeActive(world, region, 3, world.month)) {
    const skill = meanOverMembers(world, region, world.households.skill);
    for (let k = 0; k < region.potentials.length; k++) {
      const potential = region.potentials[k];
      if (potential.capacity <= 0 || taken('potential', -1, k) || skill < potential.requiredSkill) continue;
      const e = openEnterprise(world, region, 'potential', -1, k, potential.setupCapital);
      if (e) e.capacity = Math.min(e.capacity, potential.capacity);
      return;
    }
  }
}

function sumOver(region: RegionState, f: (e: Enterprise) => number): number {
  let s = 0;
  for (const e of region.coop!.enterprises) if (e.status === 'active') s += f(e);
  return s;
}

function expand(world: World, region: RegionState): void {
  const p = world.params.enterprises;
  const coop = region.coop!;
  for (const e of coop.enterprises) {
    if (e.status !== 'active' || e.overDemandStreak < 6 || e.yearProfit <= 0) continue;
    // Management is the binding constraint on growth: the institution (stage 4) raises it.
    if (e.capacity >= p.managedCapacity * coop.managementSkill) continue;
    const added = e.capacity * p.expansionRate;
    const cost = added / p.capacityPerSetup;
    if (coop.cash < cost) continue;
    coop.cash -= cost;
    e.capacity += added;
    e.fixedAssets += cost;
    e.overDemandStreak = 0;
    book(
      world.ledger,
      'enterprise fixed assets',
      { region: region.index, account: 'coopCash' },
      'outsideEconomy',
      cost,
    );
  }
}

/** Value-chain links: supplier kind -> buyer kinds (seed article: procurement, supply, marketing, distribution). */
const LINKS: ReadonlyArray<readonly [EnterpriseKind, (k: EnterpriseKind) => boolean]> = [
  ['procurement', isStore],
  ['distribution', (k) => k === 'marketing' || k === 'potential'],
  ['marketing', (k) => k === 'potential'],
];

function integrate(world: World, region: RegionState): void {
  const coop = region.coop!;
  const cost = world.params.enterprises.integrationLinkCost;
  if (coop.cash < cost) return;
  for (const [supplierKind, buys] of LINKS) {
    const supplier = coop.enterprises.find((e) => e.status === 'active' && e.kind === supplierKind);
    if (!supplier) continue;
    for (const buyer of coop.enterprises) {
      if (buyer.status !== 'active' || !buys(buyer.kind)) continue;
      if (coop.links.some((l) => l.supplier === supplier.id && l.buyer === buyer.id)) continue;
      coop.cash -= cost;
      book(
        world.ledger,
        'integration investment',
        { region: region.index, account: 'coopCash' },
        'outsideEconomy',
        cost,
      );
      coop.links.push({ supplier: supplier.id, buyer: buyer.id, month: world.month });
      emit(world, region.index, 'integration-link', `${region.name}: ${supplier.kind} now supplies ${buyer.kind}`);
      return;
    }
  }
}

/**
 * Hires members (laborers first) until each enterprise has one worker per
 * `salesPerWorker` of its activity. A few random draws a month: hiring takes time.
 */
function staff(world: World, region: RegionState, rng: Rng): void {
  const p = world.params.enterprises;
  const h = world.households;
  const n = region.end - region.start;
  for (const e of region.coop!.enterprises) {
    if (e.status !== 'active') continue;
    // Wholesale and logistics handle more rupiah per worker than retail, and bulk produce
    // marketing more than retail too; processing a regional potential (and tourism) fewer.
    const intensity = LABOUR_INTENSITY[e.kind] ?? (e.kind === 'potential' ? p.potentialLabourIntensity : 1);
    const activity = intensity * Math.max(e.sales, 0.3 * e.capacity);
    const needed = Math.ceil(activity / p.salesPerWorker);
    for (let attempt = 0; attempt < 20 && e.workers < needed; attempt++) {
      const i = region.start + rng.int(n);
      if (!h.member[i] || h.employer[i] >= 0) continue;
      if (h.occupation[i] !== 4 && attempt < 10) continue; // laborers first
      h.employer[i] = e.id;
      e.workers++;
    }
  }
}
