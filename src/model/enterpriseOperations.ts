import { STAGE } from './params.js';
import type { Cooperative } from './cooperative.js';
import { isStore, type Enterprise, type EnterpriseKind } from './enterprise.js';
import { book, type AccountRef } from './ledger.js';
import { programmeActive, type RegionState } from './region.js';
import { emit, type World } from './world.js';
import { storeLandedCost, targetPrice } from './prices.js';

/**
 * Process 6a: each active enterprise trades for the month, pays for its inputs, overhead
 * and depreciation, and books its profit or loss. Wages were paid in production and
 * store sales in consumption; this settles the rest.
 *
 * Inputs go to another enterprise of the cooperative when an integration link joins
 * them (the buyer pays `1 - r` of the outside price, the supplier pays `1 - 2r` outside:
 * both ends gain r, and the margin stays inside), to another region's cooperative
 * through federation trade, or outside the scenario.
 *
 * Order matters only across enterprises that pay each other, so it runs in two phases
 * over all regions: buyers (stores, potential enterprises), then sellers (marketing,
 * procurement, distribution).
 */
export function enterpriseOperations(world: World): void {
  for (const region of world.regions)
    if (region.coop?.active)
      for (const e of region.coop.enterprises)
        if (e.status === 'active' && (isStore(e.kind) || e.kind === 'potential')) operateBuyer(world, region, e);
  // Marketing buys transport from distribution, so it trades before the pass-through suppliers settle.
  for (const region of world.regions)
    if (region.coop?.active)
      for (const e of region.coop.enterprises)
        if (e.status === 'active' && e.kind === 'marketing') operateSupplier(world, region, e);
  for (const region of world.regions)
    if (region.coop?.active)
      for (const e of region.coop.enterprises)
        if (e.status === 'active' && (e.kind === 'procurement' || e.kind === 'distribution'))
          operateSupplier(world, region, e);
  for (const region of world.regions) if (region.coop) settle(world, region);
}

function account(region: number): AccountRef {
  return { region, account: 'enterpriseCapital' };
}

/** The active supplier of a kind linked to the buyer, if the link is integrated. */
function linkedSupplier(coop: Cooperative, buyer: Enterprise, kind: EnterpriseKind): Enterprise | null {
  for (const l of coop.links) {
    if (l.buyer !== buyer.id) continue;
    const s = coop.enterprises[l.supplier];
    if (s.kind === kind && s.status === 'active') return s;
  }
  return null;
}

/**
 * Buys inputs worth `value` at outside prices. With an integrated link, the linked
 * supplier provides what it can (marketing: from the members' produce it holds;
 * procurement and distribution: up to their capacity, buying outside themselves in
 * operateSupplier); the rest is bought outside. Shared distribution in the federation
 * lowers the cost of all of it.
 */
function purchase(
  world: World,
  region: RegionState,
  buyer: Enterprise,
  supplierKind: EnterpriseKind,
  value: number,
): void {
  if (value <= 0) return;
  const r = world.params.enterprises.integrationCostReduction;
  const saving = programmeActive(world, region, STAGE.federation, world.month)
    ? world.params.federation.sharedDistributionSaving
    : 0;
  const cost = value * (1 - saving);
  const supplier = linkedSupplier(region.coop!, buyer, supplierKind);
  let internal = 0;
  if (supplier) {
    supplier.demand += cost;
    if (supplierKind === 'marketing') {
      internal = Math.min(cost, supplier.goodsValue);
      supplier.goodsValue -= internal;
    } else {
      internal = Math.min(cost, Math.max(0, supplier.capacity - supplier.sales / (1 - r)));
      supplier.goodsValue += internal * (1 - 2 * r);
    }
    const paid = internal * (1 - r);
    buyer.workingCapital -= paid;
    buyer.costs += paid;
    buyer.inputs += paid;
    buyer.internalInputs += paid;
    supplier.workingCapital += paid;
    supplier.sales += paid;
    book(world.ledger, 'internal purchases', account(region.index), account(region.index), paid);
  }
  const outside = cost - internal;
  buyer.workingCapital -= outside;
  buyer.costs += outside;
  buyer.inputs += outside;
  book(world.ledger, 'enterprise purchases outside', account(region.index), 'outsideEconomy', outside);
}

function operateBuyer(world: World, region: RegionState, e: Enterprise): void {
  const p = world.params.enterprises;
  const mk = world.params.market;
  if (isStore(e.kind)) {
    // Goods sold, valued at market (warung) prices, bought at the wholesale price.
    const quantity = e.price > 0 ? e.sales / e.price : 0;
    const handling = quantity * (storeLandedCost(mk, p) - (1 - mk.warungMargin));
    e.workingCapital -= handling;
    e.costs += handling;
    book(world.ledger, 'store handling and spoilage', account(region.index), 'outsideEconomy', handling);
    let goods = quantity * (1 - mk.warungMargin);
    // Federation trade: part of the goods comes from other regions' cooperatives.
    if (programmeActive(world, region, STAGE.federation, world.month) && goods > 0)
      goods -= federationTrade(world, region, e, goods * world.params.federation.tradeShare);
    purchase(world, region, e, 'procurement', goods);
  } else {
    const potential = region.potentials[e.potential];
    const available = potential.capacity * potential.stock;
    const output = Math.min(e.capacity, available) * (1 + p.potentialQualityOutput * (e.quality - 0.5));
    const market = potential.capacity * p.potentialMarketShare * effectiveReach(world, region, e);
    const sold = Math.min(output, market);
    potential.used += sold;
    e.sales += sold;
    e.workingCapital += sold;
    region.flows.externalSales += sold;
    book(world.ledger, 'regional products sold outside', 'outsideEconomy', account(region.index), sold);
    purchase(world, region, e, 'marketing', sold * p.potentialInputShare);
    purchase(world, region, e, 'distribution', sold * p.marketingTransportCost);
  }
}

/**
 * Buys `wanted` rupiah of goods for a store from the marketing enterprise of another
 * federated region that has produce left. Returns the value bought.
 */
function federationTrade(world: World, region: RegionState, store: Enterprise, wanted: number): number {
  const members = world.federation.members;
  const n = members.length;
  const self = members.indexOf(region.index);
  for (let k = 1; k < n; k++) {
    const partner = world.regions[members[(self + k) % n]];
    const coop = partner.coop;
    if (!coop?.active) continue;
    for (const m of coop.enterprises) {
      if (m.kind !== 'marketing' || m.status !== 'active' || m.goodsValue <= 0) continue;
      const bought = Math.min(wanted, m.goodsValue);
      m.goodsValue -= bought;
      m.sales += bought;
      m.workingCapital += bought;
      store.workingCapital -= bought;
      store.costs += bought;
      store.inputs += bought;
      store.internalInputs += bought;
      partner.flows.federationTrade += bought;
      partner.flows.externalSales += bought;
      book(world.ledger, 'federation trade', account(region.index), account(partner.index), bought);
      return bought;
    }
  }
  return 0;
}

/** Market reach after R&D: the institution's R&D raises it, bounded by the R&D level. */
export function effectiveReach(world: World, region: RegionState, e: Enterprise): number {
  return e.marketReach * (1 + world.params.institution.rdReachGain * region.coop!.rd);
}

function operateSupplier(world: World, region: RegionState, e: Enterprise): void {
  if (e.kind === 'marketing') {
    const mk = world.params.market;
    const value = e.goodsValue;
    const price = 1 + mk.qualityPricePremium * (e.quality - 0.5);
    const sold = value * price * Math.min(1, effectiveReach(world, region, e));
    e.sales += sold;
    e.workingCapital += sold;
    region.flows.externalSales += sold;
    book(world.ledger, 'produce sold outside', 'outsideEconomy', account(region.index), sold);
    // The same transport, storage, risk and credit costs the middleman pays.
    purchase(world, region, e, 'distribution', value * mk.middlemanHandlingCost);
    e.goodsValue = 0;
  } else {
    // Procurement and distribution pass their purchases through to outside suppliers.
    const cost = e.goodsValue;
    e.workingCapital -= cost;
    e.costs += cost;
    book(world.ledger, 'enterprise purchases outside', account(region.index), 'outsideEconomy', cost);
    e.goodsValue = 0;
  }
}

/**
 * Overhead, depreciation, the month's profit, and the enterprise's fate: the cooperative
 * covers a shortfall of working capital while the enterprise has not lost money for
 * `closureLossMonths` months in a row; after that an enterprise whose capital is gone
 * closes. Working capital well above need is swept to the cooperative's cash.
 */
function settle(world: World, region: RegionState): void {
  const coop = region.coop!;
  const p = world.params.enterprises;
  const r = region.index;
  let overhead = 0;
  for (const e of coop.enterprises) {
    if (e.status !== 'active') continue;
    const oh = p.overheadRate * e.capacity;
    e.workingCapital -= oh;
    e.costs += oh;
    e.operatingCosts += oh;
    overhead += oh;
    const depreciation = p.depreciationRate * e.fixedAssets;
    e.fixedAssets -= depreciation;
    coop.yearDepreciation += depreciation;
    reprice(e, e.operatingCosts + depreciation, world);
    const profit = e.sales - e.costs;
    e.yearProfit += profit;
    e.lossStreak = profit < 0 ? e.lossStreak + 1 : 0;
    e.overDemandStreak = e.demand > e.capacity ? e.overDemandStreak + 1 : 0;
    // Business volume counts sales to members and outside buyers; sales between the
    // cooperative's own enterprises would be counted twice.
    if (e.kind !== 'procurement' && e.kind !== 'distribution') region.flows.businessVolume += e.sales;
  }
  book(world.ledger, 'enterprise overhead', account(r), 'outsideEconomy', overhead);
  for (const e of coop.enterprises) {
    if (e.status !== 'active') continue;
    const persistentLoss = e.lossStreak >= p.closureLossMonths;
    if (e.workingCapital < 0 && !persistentLoss && coop.cash >= -e.workingCapital) {
      const cover = -e.workingCapital;
      coop.cash -= cover;
      e.workingCapital = 0;
      book(
        world.ledger,
        'cooperative covers enterprise shortfall',
        { region: r, account: 'coopCash' },
        account(r),
        cover,
      );
    }
    if (
      e.workingCapital < 0 ||
      (persistentLoss && e.workingCapital <= p.workingCapitalMonths * e.capacity * p.closureCapitalShare) ||
      !coop.active
    ) {
      closeEnterprise(world, region, e);
      continue;
    }
    const target = p.workingCapitalMonths * e.capacity;
    if (e.workingCapital > p.workingCapitalSweepMultiple * target) {
      const sweep = e.workingCapital - target;
      e.workingCapital = target;
      coop.cash += sweep;
      book(
        world.ledger,
        'enterprise surplus to the cooperative',
        account(r),
        { region: r, account: 'coopCash' },
        sweep,
      );
    }
  }
}

/**
 * Moves an enterprise's unit cost toward this month's (its own costs per rupiah of goods
 * handled) and its price toward cost plus surplus, both by `priceAdjust` of the gap: prices
 * follow costs with a lag, and a half-used enterprise prices its idle capacity in.
 */
function reprice(e: Enterprise, ownCosts: number, world: World): void {
  const p = world.params.enterprises;
  const goods = e.tier >= 0 ? (e.price > 0 ? e.sales / e.price : 0) : e.sales;
  if (goods > 0) e.unitCost += p.priceAdjust * (ownCosts / goods - e.unitCost);
  e.price += p.priceAdjust * (targetPrice(e, world.params.market, p) - e.price);
}

/**
 * Closes an enterprise: the cooperative takes back what working capital is left, covers
 * an overdraft from its cash as far as it can (suppliers write off the rest), its fixed
 * assets are written off, and its workers lose their jobs.
 */
export function closeEnterprise(world: World, region: RegionState, e: Enterprise): void {
  const coop = region.coop!;
  const r = region.index;
  if (e.workingCapital > 0) {
    coop.cash += e.workingCapital;
    book(
      world.ledger,
      'capital of closed enterprise returned',
      account(r),
      { region: r, account: 'coopCash' },
      e.workingCapital,
    );
  } else if (e.workingCapital < 0) {
    const cover = Math.min(-e.workingCapital, Math.max(0, coop.cash));
    coop.cash -= cover;
    book(
      world.ledger,
      'cooperative covers enterprise shortfall',
      { region: r, account: 'coopCash' },
      account(r),
      cover,
    );
    const unpaid = -e.workingCapital - cover;
    book(world.ledger, 'unpaid bills written off at closure', 'outsideEconomy', account(r), unpaid);
  }
  coop.yearDepreciation += e.fixedAssets;
  e.fixedAssets = 0;
  e.workingCapital = 0;
  e.status = 'closed';
  e.closedMonth = world.month;
  e.workers = 0;
  const employer = world.households.employer;
  for (let i = region.start; i < region.end; i++) if (employer[i] === e.id) employer[i] = -1;
  if (e.tier >= 0) region.storeFill[e.tier] = 0;
  emit(world, r, 'enterprise-closed', `${region.name}: ${e.kind} closed after ${world.month - e.foundedMonth} months`);
}

/** Clears enterprises' monthly figures before a new month. */
export function resetEnterpriseMonth(world: World): void {
  for (const region of world.regions) {
    if (!region.coop) continue;
    for (const e of region.coop.enterprises) {
      e.sales = 0;
      e.operatingCosts = 0;
      e.costs = 0;
      e.inputs = 0;
      e.internalInputs = 0;
      e.goodsValue = 0;
      e.demand = 0;
    }
    for (const p of region.potentials) p.used = 0;
  }
}
