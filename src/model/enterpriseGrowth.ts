import { STAGE } from './params.js';
import type { Rng } from '../core/rng.js';
import { activeEnterprises, investableCash } from './cooperative.js';
import { STORE_BY_TIER, isStore, type Enterprise, type EnterpriseKind } from './enterprise.js';
import { openEnterprise } from './founding.js';
import { book } from './ledger.js';
import { programmeActive, type RegionState } from './region.js';
import { emit, type World } from './world.js';
import { meanOverMembers } from './regionMeasures.js';
import { labourIntensity } from './prices.js';
import { OCC } from './households.js';

/**
 * Process 6b: the cooperative grows its enterprises (stage 2, and stage 3 for regional
 * potentials). At most `foundingsPerMonth` new enterprises a month per region, each the
 * first of this list that is wanted and affordable:
 * 1. primary needs: the food store once unmet member demand for food reaches
 *    `storeMinDemand`, and the marketing arm once members' output reaches
 *    `marketingMinSupply` (food and a livelihood);
 * 2. a store for the next need tier whose unmet demand reaches `storeMinDemand`, once the
 *    primary needs are not waiting for capital (each tier waits for the one before);
 * 3. procurement (with `procurementMinStores` stores) and distribution (with
 *    `distributionMinEnterprises` enterprises), once their buyers' purchases would fill
 *    `supplierFillThreshold` of their capacity;
 * 4. in stage 3, an enterprise on an unused regional potential whose required skill the
 *    members meet on average.
 * Each needs its setup capital in investable cash (above the liquidity reserve), and a kind
 * that closed is not founded again for `refoundingDelay` months. Then: enterprises short of
 * capacity for `expansionDemandMonths` expand by `expansionRate`, up to `managedCapacity`
 * times the management skill; up to `linksPerMonth` missing integration links a month are
 * built; enterprises hire members.
 */
export function enterpriseGrowth(world: World, rng: Rng): void {
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || !programmeActive(world, region, STAGE.enterprises, world.month)) continue;
    const p = world.params.enterprises;
    for (let k = 0; k < p.foundingsPerMonth; k++) if (!foundOne(world, region)) break;
    expand(world, region);
    for (let k = 0; k < p.linksPerMonth; k++) if (!integrate(world, region)) break;
    staff(world, region, rng);
  }
}

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

/** Founds the first enterprise of the list that is wanted and affordable; whether it founded one. */
function foundOne(world: World, region: RegionState): boolean {
  const p = world.params.enterprises;
  const taken = (kind: EnterpriseKind, tier = -1, potential = -1) =>
    hasOrRecentlyClosed(world, region, kind, tier, potential);
  // Primary needs first: food (the primary store) and selling members' produce (their
  // livelihood); the other tiers' stores wait until those are not waiting for capital, and
  // each tier for the one before. The value chain and potentials below do not wait.
  const wantStore = (t: number) => !taken(STORE_BY_TIER[t], t) && region.unmetDemand[t] >= p.storeMinDemand;
  let waiting = false;
  if (wantStore(0)) {
    if (openEnterprise(world, region, STORE_BY_TIER[0], 0, -1, p.storeSetupCost)) return true;
    waiting = true;
  }
  if (!taken('marketing') && region.memberOutputOffered >= p.marketingMinSupply) {
    if (openEnterprise(world, region, 'marketing', -1, -1, p.marketingSetupCost)) return true;
    waiting = true;
  }
  for (let t = 1; t < 4 && !waiting; t++) {
    if (!wantStore(t)) continue;
    if (openEnterprise(world, region, STORE_BY_TIER[t], t, -1, p.storeSetupCost)) return true;
    waiting = true;
  }
  // A supplier is founded once its buyers' purchases would fill supplierFillThreshold of its capacity.
  const wholesale = 1 - world.params.market.warungMargin;
  const goods = sumOver(region, (e) => (isStore(e.kind) && e.price > 0 ? (e.sales / e.price) * wholesale : 0));
  if (
    !taken('procurement') &&
    count(region, (e) => isStore(e.kind)) >= p.procurementMinStores &&
    goods >= p.supplierFillThreshold * p.procurementSetupCost * p.capacityPerSetup
  ) {
    if (openEnterprise(world, region, 'procurement', -1, -1, p.procurementSetupCost)) return true;
  }
  const transport = sumOver(region, (e) =>
    e.kind === 'marketing' || e.kind === 'potential' ? e.sales * p.marketingTransportCost : 0,
  );
  if (
    !taken('distribution') &&
    activeEnterprises(region.coop!) >= p.distributionMinEnterprises &&
    transport >= p.supplierFillThreshold * p.distributionSetupCost * p.capacityPerSetup
  ) {
    if (openEnterprise(world, region, 'distribution', -1, -1, p.distributionSetupCost)) return true;
  }
  if (programmeActive(world, region, STAGE.potential, world.month)) {
    const skill = meanOverMembers(world, region, world.households.skill);
    for (let k = 0; k < region.potentials.length; k++) {
      const potential = region.potentials[k];
      if (potential.capacity <= 0 || taken('potential', -1, k) || skill < potential.requiredSkill) continue;
      const e = openEnterprise(world, region, 'potential', -1, k, potential.setupCapital);
      if (e) e.capacity = Math.min(e.capacity, potential.capacity);
      return e !== null;
    }
  }
  return false;
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
    if (e.status !== 'active' || e.overDemandStreak < p.expansionDemandMonths || e.yearProfit <= 0) continue;
    // Management is the binding constraint on growth: the institution (stage 4) raises it.
    const limit = p.managedCapacity * coop.managementSkill;
    if (e.capacity >= limit) continue;
    const added = Math.min(e.capacity * p.expansionRate, limit - e.capacity);
    const cost = added / p.capacityPerSetup;
    if (investableCash(coop, p.liquidityReserve) < cost) continue;
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

/** Builds the first missing integration link the cooperative can afford; whether it built one. */
function integrate(world: World, region: RegionState): boolean {
  const coop = region.coop!;
  const cost = world.params.enterprises.integrationLinkCost;
  if (investableCash(coop, world.params.enterprises.liquidityReserve) < cost) return false;
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
      return true;
    }
  }
  return false;
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
    const activity = labourIntensity(e.kind, p) * Math.max(e.sales, p.minStaffingShare * e.capacity);
    const needed = Math.ceil(activity / p.salesPerWorker);
    // Draws scale with the vacancies, so a large region hires as fast per job as a village.
    const draws = Math.max(0, needed - e.workers) * p.hiringDrawsPerVacancy;
    for (let attempt = 0; attempt < draws && e.workers < needed; attempt++) {
      const i = region.start + rng.int(n);
      if (!h.member[i] || h.employer[i] >= 0) continue;
      if (h.occupation[i] !== OCC.laborer && attempt < draws * p.laborerPriorityShare) continue; // laborers first
      h.employer[i] = e.id;
      e.workers++;
    }
  }
}
